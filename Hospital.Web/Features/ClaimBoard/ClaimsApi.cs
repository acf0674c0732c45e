using System.Text.Json;
using Hospital.Domain.Data;
using Hospital.Domain.Insurance.Claims;
using Hospital.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.ClaimBoard;

/// <summary>
/// <c>GET /api/v1/claims?status=ready|invalid|sent|accepted|rejected&amp;from=&amp;to=</c> (issue 6 API
/// contract): the latest version of each visit's claim, end date (NGAY_RA) between from and to
/// (yyyy-MM-dd, inclusive), as <c>{items:[{id, visitId, maLk, status, totalCost, insurancePays,
/// patientPays, errors:[{table, field, message, fixUrl}]}], total}</c>. Optional <c>page</c> and
/// <c>size</c> (default 100, at most 1000) page through a month of 100,000 claims; total counts them all.
/// </summary>
public static class ClaimsApi
{
    public const int DefaultSize = 100;
    public const int MaxSize = 1000;

    private static readonly JsonSerializerOptions ErrorJson = new(JsonSerializerDefaults.Web);

    public sealed record ClaimItemDto(long Id, int VisitId, string MaLk, string Status, decimal TotalCost, decimal InsurancePays,
        decimal PatientPays, IReadOnlyList<ClaimError> Errors);

    public sealed record ClaimListDto(IReadOnlyList<ClaimItemDto> Items, int Total);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/claims", ListAsync)
            .WithSummary("Hồ sơ đề nghị thanh toán BHYT (phiên bản mới nhất của mỗi lượt khám) theo trạng thái và ngày ra (from, to: yyyy-MM-dd).")
            .Produces<ClaimListDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, HospitalDbContext db, CancellationToken ct)
    {
        var filter = ClaimFilter.Read(request.Query, out var error);
        var page = 1;
        var size = DefaultSize;
        if (error is null && request.Query["page"].ToString() is { Length: > 0 } p && (!int.TryParse(p, out page) || page < 1))
            error = "page phải là số nguyên từ 1.";
        if (error is null && request.Query["size"].ToString() is { Length: > 0 } s && (!int.TryParse(s, out size) || size is < 1 or > MaxSize))
            error = $"size phải là số nguyên từ 1 đến {MaxSize}.";
        if (error is not null) return ApiProblems.Result(StatusCodes.Status400BadRequest, error);

        var claims = filter.Apply(db);
        var total = await claims.CountAsync(ct);
        var rows = await claims.OrderBy(c => c.EndDate).ThenBy(c => c.Id).Skip((page - 1) * size).Take(size)
            .Select(c => new { c.Id, c.VisitId, c.MaLk, c.Status, c.TotalCost, c.InsurancePays, c.CoPayment, c.PatientOutOfScope, c.ErrorsJson })
            .ToListAsync(ct);
        var items = rows.Select(c => new ClaimItemDto(c.Id, c.VisitId, c.MaLk, ClaimStatuses.ApiName(c.Status), c.TotalCost, c.InsurancePays,
            c.CoPayment + c.PatientOutOfScope, Errors(c.ErrorsJson))).ToList();
        return Results.Ok(new ClaimListDto(items, total));
    }

    /// <summary>The validator's errors as stored (<see cref="Claim.ErrorsJson"/>); an unreadable value shows as none rather than failing the list.</summary>
    public static IReadOnlyList<ClaimError> Errors(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try { return JsonSerializer.Deserialize<List<ClaimError>>(json, ErrorJson) ?? []; }
        catch (JsonException) { return []; }
    }
}
