using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Hospital.Integration.Simulators;

namespace Hospital.Integration.EPrescription.Simulator;

/// <summary>A prescription the simulator accepted, as it arrived.</summary>
public sealed record SimulatedPrescription(string Code, string Json, DateTime ReceivedAtUtc);

/// <summary>
/// A small stand-in for donthuocquocgia.vn (vn-emr-rx.md §3.3–3.4) over real HTTP on 127.0.0.1,
/// for demo installations and tests:
/// <list type="bullet">
/// <item><c>POST /api/auth/dang-nhap-co-so-kham-chua-benh</c>: the configured liên thông code and
/// password → {token, token_type: "bearer", expires_in}; else 401.</item>
/// <item><c>POST /api/v1/gui-don-thuoc</c>: a missing, unknown or expired bearer token → 401; a body
/// missing a required field, a malformed code (14 characters), dates not dd/MM/yyyy, gioi_tinh not
/// 1/2/3, so_luong not a string, a child under 72 months without guardian, n/h without
/// dot_dung_thuoc → 422 with danh_sach_cac_loi; a ma_don_thuoc already received → 422 "Đơn thuốc đã
/// được sử dụng trước đó"; else 200 {success: "Gửi đơn thuốc thành công", checksum}.</item>
/// </list>
/// Outages: <see cref="LoopbackHttpSimulator.Unavailable"/> or a stop and start.
/// </summary>
public sealed class EPrescriptionSimulator(string linkCode, string password, TimeProvider? clock = null) : LoopbackHttpSimulator
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, DateTime> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SimulatedPrescription> _received = new(StringComparer.OrdinalIgnoreCase);
    private int _logins;

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(60);
    public int Logins => _logins;
    public IReadOnlyCollection<SimulatedPrescription> Received => _received.Values.OrderBy(r => r.ReceivedAtUtc).ToList();

    /// <summary>Makes every issued token invalid: the next send gets 401 and must log in again.</summary>
    public void RevokeAllTokens() => _tokens.Clear();

    protected override void Map(WebApplication app)
    {
        app.MapPost("/api/auth/dang-nhap-co-so-kham-chua-benh", (Delegate)Login);
        app.MapPost("/api/v1/gui-don-thuoc", (Delegate)Receive);
    }

    private DateTime UtcNow => _clock.GetUtcNow().UtcDateTime;

    private async Task<IResult> Login(HttpContext ctx)
    {
        var body = await ReadObjectAsync(ctx.Request);
        if (body is null || EPrescriptionSimulatorCheck.Text(body["ma_lien_thong_co_so_kham_chua_benh"]) != linkCode
            || EPrescriptionSimulatorCheck.Text(body["password"]) != password)
            return Results.Json(new JsonObject { ["error"] = "Mã liên thông hoặc mật khẩu không đúng" }, statusCode: 401);
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        _tokens[token] = UtcNow + TokenLifetime;
        Interlocked.Increment(ref _logins);
        return Results.Json(new JsonObject { ["token"] = token, ["token_type"] = "bearer", ["expires_in"] = (int)TokenLifetime.TotalSeconds });
    }

    private async Task<IResult> Receive(HttpContext ctx)
    {
        var auth = ctx.Request.Headers.Authorization.ToString();
        var token = auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? auth[7..].Trim() : "";
        if (!_tokens.TryGetValue(token, out var expires) || expires <= UtcNow)
            return Results.Json(new JsonObject { ["error"] = "Unauthenticated." }, statusCode: 401);

        var raw = await new StreamReader(ctx.Request.Body, Encoding.UTF8).ReadToEndAsync();
        JsonObject? body = null;
        try { body = JsonNode.Parse(raw) as JsonObject; } catch (JsonException) { }
        if (body is null) return Refuse("Dữ liệu không hợp lệ", ["Nội dung không phải JSON"]);
        var errors = EPrescriptionSimulatorCheck.Errors(body);
        if (errors.Count > 0) return Refuse("Dữ liệu đơn thuốc không hợp lệ", errors);
        var code = EPrescriptionSimulatorCheck.Text(body["ma_don_thuoc"])!;
        if (!_received.TryAdd(code, new SimulatedPrescription(code, raw, UtcNow)))
            return Refuse("Đơn thuốc đã được sử dụng trước đó", [$"ma_don_thuoc: {code} đã được gửi"]);
        var checksum = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(raw)))[..32].ToLowerInvariant();
        return Results.Json(new JsonObject { ["success"] = "Gửi đơn thuốc thành công", ["checksum"] = checksum });
    }

    private static IResult Refuse(string reason, IEnumerable<string> errors) =>
        Results.Json(new JsonObject { ["success"] = reason, ["danh_sach_cac_loi"] = new JsonArray(errors.Select(e => (JsonNode)e!).ToArray()) }, statusCode: 422);

    private static async Task<JsonObject?> ReadObjectAsync(HttpRequest request)
    {
        try { return await JsonNode.ParseAsync(request.Body) as JsonObject; }
        catch (JsonException) { return null; }
    }
}
