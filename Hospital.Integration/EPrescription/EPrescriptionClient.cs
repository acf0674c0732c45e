using Hospital.Integration.Transport;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hospital.Integration.Bhxh;

namespace Hospital.Integration.EPrescription;

/// <summary>
/// The real HTTP client of donthuocquocgia.vn (vn-emr-rx.md §3.3, QĐ 808/QĐ-BYT):
/// <list type="bullet">
/// <item>login: <c>POST /api/auth/dang-nhap-co-so-kham-chua-benh</c> {ma_lien_thong_co_so_kham_chua_benh, password} → {token, token_type: "bearer"};</item>
/// <item>send: <c>POST /api/v1/gui-don-thuoc</c> with <c>Authorization: Bearer</c>; 200 {success: "Gửi đơn thuốc thành công", checksum},
/// 422 {success: reason, danh_sach_cac_loi: [...]} (a duplicate ma_don_thuoc is refused: the code is the idempotency key).</item>
/// </list>
/// The token's lifetime is not documented (7 days and 60 minutes both seen): it is cached until
/// expires_in or the JWT's exp when given, else <see cref="AssumedTokenLife"/>, and taken again once
/// when the system answers 401. Network failures, 5xx and timeouts become
/// <see cref="EPrescriptionUnavailableException"/> so the outbox retries them.
/// </summary>
public sealed class EPrescriptionClient(HttpClient http, EPrescriptionOptions options, BhxhTokenCache tokens, TimeProvider clock, Func<Uri?>? address = null)
    : IEPrescriptionClient
{
    public static readonly TimeSpan AssumedTokenLife = TimeSpan.FromMinutes(55);
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The body exactly as posted (UTF-8 JSON, Vietnamese kept readable).</summary>
    public static string Serialize(EPrescriptionPayload payload) => JsonSerializer.Serialize(payload, Json);

    public async Task<EPrescriptionSendResult> SendAsync(EPrescriptionPayload payload, CancellationToken ct = default)
    {
        var body = Serialize(payload);
        for (var attempt = 0; ; attempt++)
        {
            // The token cache is shared with the BHXH client (one login per account and address); the key keeps them apart.
            var token = await tokens.GetAsync(Account, LoginAsync, ct);
            var request = new HttpRequestMessage(HttpMethod.Post, Url(options.SendPath))
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
            using var response = await SendAsync(request, ct);
            var raw = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                tokens.Invalidate(Account, token);
                if (attempt == 0) continue;
                throw new EPrescriptionException("Hệ thống đơn thuốc quốc gia từ chối xác thực (401) cả với phiên đăng nhập mới: kiểm tra EPrescription:FacilityLinkCode/Password.");
            }
            return Read((int)response.StatusCode, body, raw);
        }
    }

    /// <summary>Accepted: HTTP 2xx with no list of errors. Any other answer is the system refusing the content, with its words.</summary>
    public static EPrescriptionSendResult Read(int status, string request, string raw)
    {
        var json = BhxhReplies.TryParse(raw);
        var success = json is { ValueKind: JsonValueKind.Object } j && j.TryGetProperty("success", out var s) ? s : (JsonElement?)null;
        var errors = json is { ValueKind: JsonValueKind.Object } k && k.TryGetProperty("danh_sach_cac_loi", out var e) ? Errors(e) : [];
        var text = success switch
        {
            { ValueKind: JsonValueKind.String } t => t.GetString() ?? "",
            _ when json is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String => m.GetString() ?? "",
            _ => json is null ? raw.Trim() : "",
        };
        var accepted = status is >= 200 and < 300 && errors.Count == 0 && success is not { ValueKind: JsonValueKind.False };
        if (!accepted && errors.Count > 0) text = (text.Length > 0 ? text + ": " : "") + string.Join("; ", errors);
        if (text.Length == 0) text = accepted ? "Gửi đơn thuốc thành công" : $"Hệ thống đơn thuốc quốc gia trả HTTP {status}";
        // The checksum is the system's receipt of what it stored: kept in the message shown with the prescription.
        if (accepted && json is { } r && BhxhReplies.Text(r, "checksum") is { Length: > 0 } checksum) text += $" (checksum {checksum})";
        return new EPrescriptionSendResult(accepted, status, text, request, raw);
    }

    private static List<string> Errors(JsonElement list) => list.ValueKind switch
    {
        JsonValueKind.Array => list.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() ?? "" : x.GetRawText()).Where(x => x.Length > 0).ToList(),
        JsonValueKind.String when list.GetString() is { Length: > 0 } one => [one],
        JsonValueKind.Object => list.EnumerateObject().Select(p => $"{p.Name}: {(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())}").ToList(),
        _ => [],
    };

    private string LinkCode => options.FacilityLinkCode is { Length: > 0 } c ? c
        : throw new EPrescriptionException("Chưa cấu hình mã liên thông cơ sở (EPrescription:FacilityLinkCode).");
    private string Account => $"erx|{BaseUri}|{LinkCode}";

    private Uri BaseUri =>
        address?.Invoke()
        ?? (options.BaseUrl is { Length: > 0 } b ? new Uri(b.TrimEnd('/') + "/") : null)
        ?? throw new EPrescriptionUnavailableException("Chưa có địa chỉ Hệ thống đơn thuốc quốc gia (EPrescription:BaseUrl) hoặc bộ mô phỏng chưa chạy.");

    private string Url(string path) => new Uri(BaseUri, path.TrimStart('/')).ToString();

    private async Task<BhxhToken> LoginAsync(CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url(options.LoginPath))
        {
            Content = JsonContent.Create(new Dictionary<string, string>
            {
                ["ma_lien_thong_co_so_kham_chua_benh"] = LinkCode,
                ["password"] = options.Password ?? "",
            }),
        };
        using var response = await SendAsync(request, ct);
        var raw = await response.Content.ReadAsStringAsync(ct);
        var json = BhxhReplies.TryParse(raw);
        if (!response.IsSuccessStatusCode || json is not { ValueKind: JsonValueKind.Object } j
            || !j.TryGetProperty("token", out var t) || t.GetString() is not { Length: > 0 } token)
            throw new EPrescriptionException($"Hệ thống đơn thuốc quốc gia không cho cơ sở {LinkCode} đăng nhập (HTTP {(int)response.StatusCode}): {RemoteSystemCall.Shorten(raw)}");
        return new BhxhToken(token, "", ExpiresAt(j, token));
    }

    private DateTime ExpiresAt(JsonElement reply, string token)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (reply.TryGetProperty("expires_in", out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var seconds))
            return now.AddSeconds(seconds);
        return JwtExpiry(token) ?? now + AssumedTokenLife;
    }

    /// <summary>The exp claim of a JWT (the system's tokens are JWTs), without checking its signature: it only decides when to log in again.</summary>
    public static DateTime? JwtExpiry(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3) return null;
        try
        {
            var segment = parts[1].Replace('-', '+').Replace('_', '/');
            segment = segment.PadRight(segment.Length + (4 - segment.Length % 4) % 4, '=');
            using var doc = JsonDocument.Parse(Convert.FromBase64String(segment));
            return doc.RootElement.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var unix)
                ? DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException) { return null; }
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
        RemoteSystemCall.SendAsync(http, request, "Hệ thống đơn thuốc quốc gia", (message, inner) => new EPrescriptionUnavailableException(message, inner), ct);
}
