using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Hospital.Integration.Bhxh.Envelope;
using Hospital.Domain.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Hospital.Integration.Simulators;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Integration.Bhxh.Simulator;

/// <summary>
/// A small stand-in for the BHXH gateway (bhyt-claims.md §6) served over real HTTP on 127.0.0.1,
/// for demo installations and tests. It implements the four calls the hospital makes:
/// <list type="bullet">
/// <item><c>POST /api/token/take</c>: accepts the configured account when the password is the
/// upper-case MD5 of its password; tokens live <see cref="TokenLifetime"/> (expires_in = UTC time).</item>
/// <item><c>POST /api/egw/KQNhanLichSuKCB2024</c> (JSON or form body): officer without a 12-digit
/// CCCD → 054; malformed code → 051 (shape), 052 (province chars 4–5), 053 (level char 3); a
/// registered card (<see cref="AddCard"/>) answers its fixed code if set, else 060/061 for another
/// name, 070 for another birth date, 003/004 for a re-issued card, 010 when its validity ended,
/// otherwise 000; an unknown well-formed card answers 000 echoing name and birth date, valid for
/// the current calendar year, MA_DKBD = province + "001", 5-year date 1 January two years ahead.</item>
/// <item><c>POST /api/qd130/checkInKcbQd3176</c> (form or JSON): loaiHoSo must be 0, fileHSBase64
/// base64 of well-formed XML0 whose CHUKYDONVI holds a valid XMLDSig signature and whose MA_CSKCB
/// is maCSKCB; answers maKetQua 200 + maGiaoDich, else 400 with the reason in thongDiep.</item>
/// <item><c>POST /api/qd130/guiHoSoXmlQD3176</c> (form or JSON): loaiHoSo must be 130, fileHSBase64
/// a signed GIAMDINHHS file passing <see cref="SimulatedClaimCheck"/>; answers 200 + maGiaoDich +
/// thoiGianTiepNhan, else 400 with the reason in thongDiep.</item>
/// </list>
/// A missing, unknown or expired token answers HTTP 401 {maKetQua:"401"}. The simulator stops
/// and starts again on the same port, which is how tests take the portal down and bring it back;
/// <see cref="Unavailable"/> keeps it listening but answering 503 to everything (a gateway outage).
/// </summary>
public sealed class BhxhPortalSimulator(string username, string password, TimeProvider? clock = null) : LoopbackHttpSimulator
{
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, (string IdToken, DateTime ExpiresAtUtc)> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SimulatedCard> _cards = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<SimulatedCheckIn> _checkIns = new();
    private readonly ConcurrentQueue<SimulatedClaim> _claims = new();
    private int _tokensIssued, _cardChecks, _sequence;

    public string Username => username;
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);
    public int TokensIssued => _tokensIssued;
    public int CardChecks => _cardChecks;
    public IReadOnlyCollection<SimulatedCheckIn> CheckIns => _checkIns;
    public IReadOnlyCollection<SimulatedClaim> Claims => _claims;

    public void AddCard(SimulatedCard card)
    {
        _cards[card.CardNumber] = card;
        if (card.Cccd is { Length: 12 } cccd) _cards[cccd] = card;
    }

    /// <summary>Makes every issued token invalid, as when the gateway restarts its sessions: the next call must log in again.</summary>
    public void RevokeAllTokens() => _tokens.Clear();

    protected override void Map(WebApplication app)
    {
        app.MapPost("/api/token/take", (Delegate)TakeToken);
        app.MapPost("/api/egw/KQNhanLichSuKCB2024", (Delegate)CheckCard);
        app.MapPost("/api/qd130/checkInKcbQd3176", (Delegate)CheckIn);
        app.MapPost("/api/qd130/guiHoSoXmlQD3176", (Delegate)ReceiveClaim);
    }

    private DateTime UtcNow => _clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(UtcNow + VietnamOffset);

    private async Task<IResult> TakeToken(HttpContext ctx)
    {
        var form = await Fields(ctx.Request);
        var expected = BhxhPortalClient.Md5Upper(password);
        // Ordinal: a lower-case MD5 is refused, as by the real gateway.
        if (form.GetValueOrDefault("username") != username || form.GetValueOrDefault("password") != expected)
            return Results.Json(new JsonObject { ["maKetQua"] = "401", ["thongDiep"] = "Sai tên đăng nhập hoặc mật khẩu" });
        var access = Guid.NewGuid().ToString("N");
        var id = Guid.NewGuid().ToString("N");
        var expires = UtcNow + TokenLifetime;
        _tokens[access] = (id, expires);
        Interlocked.Increment(ref _tokensIssued);
        return Results.Json(new JsonObject
        {
            ["maKetQua"] = "200",
            ["APIKey"] = new JsonObject
            {
                ["access_token"] = access,
                ["id_token"] = id,
                ["token_type"] = "Bearer",
                ["username"] = username,
                ["expires_in"] = expires.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            },
        });
    }

    private bool TokenValid(string? access, string? id) =>
        access is not null && _tokens.TryGetValue(access, out var t) && t.IdToken == id && t.ExpiresAtUtc > UtcNow;

    private static IResult Unauthorized() =>
        Results.Json(new JsonObject { ["maKetQua"] = "401", ["thongDiep"] = "Token không hợp lệ hoặc đã hết hạn" }, statusCode: 401);

    private async Task<IResult> CheckCard(HttpContext ctx)
    {
        var q = ctx.Request.Query;
        if (!TokenValid(q["token"], q["id_token"]) || q["username"] != username || q["password"] != BhxhPortalClient.Md5Upper(password))
            return Unauthorized();
        Interlocked.Increment(ref _cardChecks);
        var f = await Fields(ctx.Request);
        var code = (f.GetValueOrDefault("maThe") ?? "").Trim().ToUpperInvariant();
        var name = f.GetValueOrDefault("hoTen") ?? "";
        var birth = f.GetValueOrDefault("ngaySinh") ?? "";
        var reply = new JsonObject { ["maThe"] = code, ["hoTen"] = name, ["ngaySinh"] = birth };

        if (string.IsNullOrWhiteSpace(f.GetValueOrDefault("hoTenCb")) || f.GetValueOrDefault("cccdCb") is not { Length: 12 } cb || !cb.All(char.IsAsciiDigit))
            return Answer(reply, "054");
        if (_cards.TryGetValue(code, out var card)) return Answer(Describe(reply, card), Judge(card, name, birth));
        if (ShapeError(code) is { } shape) return Answer(reply, shape);

        // Unknown but well-formed: the portal "knows" it with this year's validity.
        var year = Today.Year;
        reply["gioiTinh"] = "";
        reply["diaChi"] = "";
        reply["maDKBD"] = code[3..5] + "001";
        reply["cqBHXH"] = "BHXH tỉnh " + code[3..5];
        reply["gtTheTu"] = Date(new DateOnly(year, 1, 1));
        reply["gtTheDen"] = Date(new DateOnly(year, 12, 31));
        reply["maKV"] = "";
        reply["ngayDu5Nam"] = Date(new DateOnly(year + 2, 1, 1));
        reply["maSoBHXH"] = code[5..];
        return Answer(reply, "000");
    }

    private string Judge(SimulatedCard card, string name, string birth)
    {
        if (card.ResultCode is { } fixedCode) return fixedCode;
        var given = VietnameseText.SearchKey(name);
        var known = VietnameseText.SearchKey(card.FullName);
        if (given != known)
            return given.Length > 0 && known.Length > 0 && given[0] == known[0] ? "061" : "060";
        if (!BirthMatches(card, birth)) return "070";
        var ended = card.ValidTo < Today;
        if (card.NewCardNumber is not null) return ended ? "003" : "004";
        return ended ? "010" : "000";
    }

    private static bool BirthMatches(SimulatedCard card, string birth)
    {
        birth = birth.Trim();
        var year = card.BirthDate?.Year ?? card.BirthYear;
        if (birth.Length == 4) return birth == year.ToString("0000", CultureInfo.InvariantCulture);
        if (!DateOnly.TryParseExact(birth, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        return card.BirthDate is { } known ? known == d : d.Year == year;
    }

    private static string? ShapeError(string code)
    {
        var shapeOk = code.Length == 15 && char.IsAsciiLetterUpper(code[0]) && char.IsAsciiLetterUpper(code[1]) && code[5..].All(char.IsAsciiDigit);
        if (!shapeOk) return "051";
        if (!char.IsAsciiDigit(code[3]) || !char.IsAsciiDigit(code[4])) return "052";
        if (code[2] is < '1' or > '5') return "053";
        return null;
    }

    private static JsonObject Describe(JsonObject reply, SimulatedCard c)
    {
        reply["maThe"] = c.CardNumber;
        reply["hoTen"] = c.FullName;
        reply["ngaySinh"] = c.BirthDate is { } b ? Date(b) : c.BirthYear.ToString("0000", CultureInfo.InvariantCulture);
        reply["gioiTinh"] = c.Sex ?? "";
        reply["diaChi"] = c.Address ?? "";
        reply["maDKBD"] = c.RegisteredFacilityCode;
        reply["cqBHXH"] = "BHXH tỉnh " + c.CardNumber[3..5];
        reply["gtTheTu"] = Date(c.ValidFrom);
        reply["gtTheDen"] = Date(c.ValidTo);
        reply["maKV"] = c.AreaCode ?? "";
        reply["ngayDu5Nam"] = c.FiveYearsContinuousFrom is { } f ? Date(f) : "";
        reply["maSoBHXH"] = c.CardNumber.Length == 15 ? c.CardNumber[5..] : "";
        if (c.NewCardNumber is not null)
        {
            reply["maTheCu"] = c.CardNumber;
            reply["maTheMoi"] = c.NewCardNumber;
            reply["gtTheTuMoi"] = c.NewValidFrom is { } nf ? Date(nf) : "";
            reply["gtTheDenMoi"] = c.NewValidTo is { } nt ? Date(nt) : "";
            reply["maDKBDMoi"] = c.NewRegisteredFacilityCode ?? c.RegisteredFacilityCode;
            reply["tenDKBDMoi"] = "";
        }
        return reply;
    }

    private IResult Answer(JsonObject reply, string code)
    {
        reply["maKetQua"] = code;
        reply["ghiChu"] = code == "000" ? "Thông tin thẻ chính xác" : $"Mã kết quả {code}";
        reply["dsLichSuKCB2018"] = new JsonArray();
        reply["dsLichSuKT2018"] = new JsonArray(new JsonObject
        {
            ["userKT"] = username,
            ["thoiGianKT"] = (UtcNow + VietnamOffset).ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture),
            ["thongBao"] = reply["ghiChu"]!.GetValue<string>(),
            ["maLoi"] = code,
        });
        return Results.Json(reply);
    }

    private async Task<IResult> CheckIn(HttpContext ctx)
    {
        var (facility, bytes, refusal) = await ReadFileAsync(ctx, "0", "check-in");
        if (refusal is not null) return refusal;
        XmlDocument doc;
        try { doc = ClaimEnvelope.Load(bytes); }
        catch (ClaimEnvelopeException ex) { return Rejected(ex.Message.TrimEnd('.')); }
        if (SimulatedClaimCheck.SignatureRefusal(doc, CheckInXml.Root, CheckInXml.SignatureSlot) is { } bad) return Rejected(bad);
        var row = doc.DocumentElement![CheckInXml.List]?[CheckInXml.Row];
        if (row is null) return Rejected($"Thiếu {CheckInXml.List}/{CheckInXml.Row}");
        if (row["MA_CSKCB"]?.InnerText != facility) return Rejected("MA_CSKCB trong hồ sơ khác maCSKCB");
        var maLk = row["MA_LK"]?.InnerText ?? "";
        if (maLk.Length == 0) return Rejected("Thiếu MA_LK");

        var (transaction, local) = NextTransaction();
        _checkIns.Enqueue(new SimulatedCheckIn(transaction, facility, maLk, Encoding.UTF8.GetString(bytes), UtcNow));
        return Received(transaction, local);
    }

    private async Task<IResult> ReceiveClaim(HttpContext ctx)
    {
        var (facility, bytes, refusal) = await ReadFileAsync(ctx, "130", "hồ sơ đề nghị thanh toán");
        if (refusal is not null) return refusal;
        var (maLk, tables, reason) = SimulatedClaimCheck.Check(bytes, facility);
        if (reason is not null) return Rejected(reason);
        var (transaction, local) = NextTransaction();
        _claims.Enqueue(new SimulatedClaim(transaction, facility, maLk!, tables, Encoding.UTF8.GetString(bytes), UtcNow));
        return Received(transaction, local);
    }

    /// <summary>The headers, account and form of a file post (check-in or claim), shared by both calls; the file itself is the caller's to check.</summary>
    private async Task<(string Facility, byte[] Bytes, IResult? Refusal)> ReadFileAsync(HttpContext ctx, string fileType, string what)
    {
        var h = ctx.Request.Headers;
        if (!TokenValid(h["accessToken"].ToString(), h["tokenId"]) || h["passwordHash"] != BhxhPortalClient.Md5Upper(password)) return ("", [], Unauthorized());
        var f = await Fields(ctx.Request);
        if (f.GetValueOrDefault("username") != username) return ("", [], Rejected("username không khớp với phiên đăng nhập"));
        if (f.GetValueOrDefault("loaiHoSo") != fileType) return ("", [], Rejected($"loaiHoSo của {what} phải là {fileType}"));
        var facility = f.GetValueOrDefault("maCSKCB") ?? "";
        if (facility.Length < 2 || f.GetValueOrDefault("maTinh") != facility[..2]) return ("", [], Rejected("maTinh phải là 2 ký tự đầu của maCSKCB"));
        try { return (facility, Convert.FromBase64String(f.GetValueOrDefault("fileHSBase64") ?? ""), null); }
        catch (FormatException) { return ("", [], Rejected("fileHSBase64 không phải chuỗi base64")); }
    }

    private (string Transaction, DateTime Local) NextTransaction()
    {
        var local = UtcNow + VietnamOffset;
        return ($"GD{local:yyyyMMddHHmmss}{Interlocked.Increment(ref _sequence):000000}", local);
    }

    private static IResult Received(string transaction, DateTime local) => Results.Json(new JsonObject
    {
        ["maKetQua"] = "200",
        ["maGiaoDich"] = transaction,
        ["thoiGianTiepNhan"] = local.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
        ["thongDiep"] = "Tiếp nhận thành công",
    });

    private static IResult Rejected(string reason) =>
        Results.Json(new JsonObject { ["maKetQua"] = "400", ["maGiaoDich"] = null, ["thongDiep"] = reason });

    /// <summary>The body as name → value, whether posted as a form or as a JSON object (both are in use, §6 ⚠).</summary>
    private static async Task<Dictionary<string, string>> Fields(HttpRequest request)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            foreach (var (k, v) in await request.ReadFormAsync()) result[k] = v.ToString();
            return result;
        }
        try
        {
            using var doc = await JsonDocument.ParseAsync(request.Body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
                foreach (var p in doc.RootElement.EnumerateObject())
                    result[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText();
        }
        catch (JsonException) { }
        return result;
    }

    private static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
