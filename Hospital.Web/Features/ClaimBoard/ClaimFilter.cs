using Microsoft.EntityFrameworkCore;
using System.Globalization;
using Hospital.Domain.Data;
using Hospital.Domain.Insurance.Claims;

namespace Hospital.Web.Features.ClaimBoard;

/// <summary>
/// The board's and the API's selection of claims: the latest version of each visit's claim
/// (older versions are history), narrowed by status, end date range (NGAY_RA), department, doctor
/// and object code (MA_DOITUONG_KCB). Read from the query string, the same names on the page, in
/// the "send all" form and in <c>GET /api/v1/claims</c>.
/// </summary>
public sealed record ClaimFilter(ClaimStatus? Status, DateOnly? From, DateOnly? To, int? DepartmentId, int? DoctorStaffId, string? ObjectCode)
{
    public static readonly ClaimFilter None = new(null, null, null, null, null, null);

    /// <summary>Reads the filter; <paramref name="error"/> names the first value that is not understood (nothing is guessed).</summary>
    public static ClaimFilter Read(IQueryCollection q, out string? error)
    {
        error = null;
        ClaimStatus? status = null;
        if (q["status"].ToString() is { Length: > 0 } s && (status = ClaimStatuses.Parse(s)) is null)
            error = $"Trạng thái '{s}' không hợp lệ: dùng ready, invalid, sent, accepted hoặc rejected.";
        var from = Day(q, "from", ref error);
        var to = Day(q, "to", ref error);
        if (error is null && from > to) error = "Ngày bắt đầu (from) phải trước hoặc bằng ngày kết thúc (to).";
        var code = q["object"].ToString().Trim();
        return new ClaimFilter(status, from, to, Id(q, "department"), Id(q, "doctor"), code.Length > 0 ? code : null);
    }

    private static DateOnly? Day(IQueryCollection q, string name, ref string? error)
    {
        var text = q[name].ToString().Trim();
        if (text.Length == 0) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        error ??= $"Ngày '{text}' ({name}) không hợp lệ: dùng dạng yyyy-MM-dd.";
        return null;
    }

    private static int? Id(IQueryCollection q, string name) => int.TryParse(q[name], out var id) && id > 0 ? id : null;

    public ClaimFilter WithStatus(ClaimStatus? status) => this with { Status = status };

    /// <summary>The latest version of each visit's claim that matches.</summary>
    public IQueryable<Claim> Apply(HospitalDbContext db)
    {
        var claims = db.Set<Claim>().AsNoTracking();
        var q = claims.Where(c => !claims.Any(o => o.VisitId == c.VisitId && o.Version > c.Version));
        if (Status is { } s) q = q.Where(c => c.Status == s);
        if (From is { } f) q = q.Where(c => c.EndDate >= f);
        if (To is { } t) q = q.Where(c => c.EndDate <= t);
        if (DepartmentId is { } d) q = q.Where(c => c.DepartmentId == d);
        if (DoctorStaffId is { } doc) q = q.Where(c => c.DoctorStaffId == doc);
        if (ObjectCode is { } o) q = q.Where(c => c.BenefitCategoryCode == o);
        return q;
    }

    /// <summary>Query-string values, for links and the filter form (null = not set).</summary>
    public Dictionary<string, string?> Values() => new()
    {
        ["status"] = Status is { } s ? ClaimStatuses.ApiName(s) : null,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["department"] = DepartmentId?.ToString(CultureInfo.InvariantCulture),
        ["doctor"] = DoctorStaffId?.ToString(CultureInfo.InvariantCulture),
        ["object"] = ObjectCode,
    };

    public string QueryString(ClaimStatus? status) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("", WithStatus(status).Values().Where(v => v.Value is not null)!);
}
