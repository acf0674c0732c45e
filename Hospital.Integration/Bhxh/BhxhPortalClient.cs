using Hospital.Integration.Transport;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Hospital.Integration.Bhxh;

/// <summary>
/// The real HTTP client of the BHXH gateway (bhyt-claims.md §6, vn-emr-rx.md §4.3, CV 1923/BHXH-CNTT):
/// <list type="bullet">
/// <item>token: <c>POST /api/token/take</c>, form <c>username</c> + <c>password</c> = MD5 upper-case hex;</item>
/// <item>card check: <c>POST /api/egw/KQNhanLichSuKCB2024?token=&amp;id_token=&amp;username=&amp;password=</c>, body {maThe, hoTen, ngaySinh, hoTenCb, cccdCb};</item>
/// <item>check-in: <c>POST /api/qd130/checkInKcbQd3176</c>, headers accessToken, tokenId, passwordHash; body username, loaiHoSo=0, maTinh, maCSKCB, fileHSBase64;</item>
/// <item>claim: <c>POST /api/qd130/guiHoSoXmlQD3176</c>, same headers and body with loaiHoSo=130 and the signed GIAMDINHHS file.</item>
/// </list>
/// A refused token (HTTP 401 or maKetQua 401) is taken again once. Network failures, 5xx and
/// timeouts become <see cref="BhxhPortalUnavailableException"/> so the outbox retries them.
/// </summary>
public sealed class BhxhPortalClient(HttpClient http, BhxhOptions options, BhxhTokenCache tokens, TimeProvider clock, Func<Uri?>? address = null) : IBhxhPortal
{
    public async Task<CardLookupResult> CheckCardAsync(CardLookupRequest request, CancellationToken ct = default)
    {
        var fields = new Dictionary<string, string>
        {
            ["maThe"] = request.CardNumber,
            ["hoTen"] = request.FullName,
            ["ngaySinh"] = request.BirthText,
            ["hoTenCb"] = request.OfficerName,
            ["cccdCb"] = request.OfficerCccd,
        };
        var (json, raw) = await CallAsync(token =>
        {
            var query = $"?token={Uri.EscapeDataString(token.AccessToken)}&id_token={Uri.EscapeDataString(token.IdToken)}" +
                        $"&username={Uri.EscapeDataString(Username)}&password={PasswordHash}";
            return new HttpRequestMessage(HttpMethod.Post, Url(options.CardCheckPath) + query)
            {
                Content = Body(fields, options.CardCheckBodyFormat),
            };
        }, ct);
        return BhxhReplies.ReadCardLookup(json, raw);
    }

    public Task<SubmitResult> SendCheckInAsync(CheckInSubmission submission, CancellationToken ct = default) =>
        SubmitFileAsync(options.CheckInPath, "0", submission, ct);

    /// <summary>loaiHoSo=130 for the GIAMDINHHS package of QĐ 130/4750/3176 (bhyt-claims.md §6); same headers and form as the check-in.</summary>
    public Task<SubmitResult> SendClaimAsync(ClaimFileSubmission submission, CancellationToken ct = default) =>
        SubmitFileAsync(options.ClaimPath, "130", submission, ct);

    private async Task<SubmitResult> SubmitFileAsync(string path, string fileType, FacilityFileSubmission submission, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>
        {
            ["username"] = Username,
            ["loaiHoSo"] = fileType,
            ["maTinh"] = submission.ProvinceCode,
            ["maCSKCB"] = submission.FacilityCode,
            ["fileHSBase64"] = Convert.ToBase64String(submission.SignedXml),
        };
        var (json, raw) = await CallAsync(token =>
        {
            var message = new HttpRequestMessage(HttpMethod.Post, Url(path)) { Content = Body(fields, options.SubmitBodyFormat) };
            message.Headers.TryAddWithoutValidation("accessToken", token.AccessToken);
            message.Headers.TryAddWithoutValidation("tokenId", token.IdToken);
            message.Headers.TryAddWithoutValidation("passwordHash", PasswordHash);
            return message;
        }, ct);
        return new SubmitResult(BhxhReplies.Text(json, "maKetQua") ?? "", BhxhReplies.Text(json, "maGiaoDich"),
            BhxhReplies.Text(json, "thoiGianTiepNhan"), BhxhReplies.Text(json, "thongDiep"), raw);
    }

    /// <summary>MD5 of the password as upper-case hex, the only form the gateway accepts (bhyt-claims.md §6).</summary>
    public static string Md5Upper(string text) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    private string Username => options.Username is { Length: > 0 } u ? u : throw new BhxhPortalException("Chưa cấu hình tài khoản Cổng BHXH (Bhxh:Username).");
    private string PasswordHash => Md5Upper(options.Password ?? "");
    private string Account => $"{BaseUri}|{Username}";

    private Uri BaseUri =>
        address?.Invoke()
        ?? (options.BaseUrl is { Length: > 0 } b ? new Uri(b.TrimEnd('/') + "/") : null)
        ?? throw new BhxhPortalUnavailableException("Chưa có địa chỉ Cổng BHXH (Bhxh:BaseUrl) hoặc bộ mô phỏng chưa chạy.");

    private string Url(string path) => new Uri(BaseUri, path.TrimStart('/')).ToString();

    private static HttpContent Body(Dictionary<string, string> fields, BhxhBodyFormat format) =>
        format == BhxhBodyFormat.Json ? JsonContent.Create(fields) : new FormUrlEncodedContent(fields);

    /// <summary>Sends with a cached token; once more with a fresh one when the portal says the token is not valid.</summary>
    private async Task<(JsonElement Json, string Raw)> CallAsync(Func<BhxhToken, HttpRequestMessage> build, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await tokens.GetAsync(Account, TakeTokenAsync, ct);
            using var response = await SendAsync(build(token), ct);
            var raw = await response.Content.ReadAsStringAsync(ct);
            var json = BhxhReplies.TryParse(raw);
            var refused = response.StatusCode == HttpStatusCode.Unauthorized || (json is { } j && BhxhReplies.Text(j, "maKetQua") == "401");
            if (refused)
            {
                tokens.Invalidate(Account, token);
                if (attempt == 0) continue;
                throw new BhxhPortalException("Cổng BHXH từ chối xác thực (401) cả với phiên đăng nhập mới: kiểm tra tài khoản Bhxh:Username/Password.");
            }
            if (!response.IsSuccessStatusCode)
                throw new BhxhPortalException($"Cổng BHXH trả HTTP {(int)response.StatusCode}: {RemoteSystemCall.Shorten(raw)}");
            return (json ?? throw new BhxhPortalException($"Cổng BHXH trả nội dung không phải JSON: {RemoteSystemCall.Shorten(raw)}"), raw);
        }
    }

    private async Task<BhxhToken> TakeTokenAsync(CancellationToken ct)
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = Username, ["password"] = PasswordHash });
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, Url(options.TokenPath)) { Content = form }, ct);
        var raw = await response.Content.ReadAsStringAsync(ct);
        var json = BhxhReplies.TryParse(raw);
        var code = json is { } j ? BhxhReplies.Text(j, "maKetQua") : null;
        if (!response.IsSuccessStatusCode || json is null || code != "200"
            || !json.Value.TryGetProperty("APIKey", out var key) || key.ValueKind != JsonValueKind.Object
            || BhxhReplies.Text(key, "access_token") is not { Length: > 0 } access)
            throw new BhxhPortalException($"Cổng BHXH không cấp phiên đăng nhập cho tài khoản {Username} (HTTP {(int)response.StatusCode}, mã {code ?? "?"}).");
        return new BhxhToken(access, BhxhReplies.Text(key, "id_token") ?? "", ExpiresAt(key));
    }

    /// <summary>
    /// expires_in is documented as a UTC time; some gateways send seconds. Both are read; an
    /// unreadable value gives a short life, so the token is simply taken again sooner.
    /// </summary>
    private DateTime ExpiresAt(JsonElement key)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!key.TryGetProperty("expires_in", out var e)) return now.AddMinutes(5);
        if (e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var seconds)) return now.AddSeconds(seconds);
        var text = e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s)) return now.AddSeconds(s);
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
            return DateTime.SpecifyKind(at, DateTimeKind.Utc);
        return now.AddMinutes(5);
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
        RemoteSystemCall.SendAsync(http, request, "Cổng BHXH", (message, inner) => new BhxhPortalUnavailableException(message, inner), ct);
}
