using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Web.Api;
using Hospital.Web.Features.Lab;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.LabValidation;

/// <summary>
/// <c>GET /api/v1/lab-results?barcode=...</c> (issue 5 "API contract": keep the field names):
/// the current result of each test of the specimen, flag and status as lowercase words.
/// </summary>
public static class LabResultsApi
{
    public sealed record LabResultDto(string TestCode, string Value, string? Unit, string? ReferenceRange, string Flag, string Status,
        string? Analyser, DateTime ResultedAt);
    public sealed record LabResultList(IReadOnlyList<LabResultDto> Items);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/lab-results", async (string? barcode, HospitalDbContext db, CancellationToken ct) =>
            {
                var code = barcode?.Trim() ?? "";
                if (code.Length == 0)
                    return ApiProblems.Result(StatusCodes.Status400BadRequest, errors: new Dictionary<string, string[]> { ["barcode"] = ["Cần mã vạch ống mẫu (barcode)."] });
                var specimenId = await db.Set<Specimen>().AsNoTracking().Where(s => s.Barcode == code).Select(s => (long?)s.Id).FirstOrDefaultAsync(ct);
                if (specimenId is null)
                    return ApiProblems.Result(StatusCodes.Status404NotFound, $"Không tìm thấy ống mẫu có mã vạch \"{code}\".");
                var rows = await db.Set<LabResult>().AsNoTracking()
                    .Where(r => r.SpecimenId == specimenId && r.SupersededAt == null)
                    .OrderBy(r => r.LabOrderTest!.LabTest!.Position).ThenBy(r => r.Id)
                    .ToListAsync(ct);
                return Results.Ok(new LabResultList(rows.Select(r => new LabResultDto(r.TestCode, r.Value, r.Unit, r.ReferenceRange,
                    LabNames.Api(r.Flag), LabResultNames.Api(r.Status, r.ReleasedAt), r.Analyser, r.InstrumentAt ?? r.ReceivedAt)).ToList()));
            })
            .WithSummary("Kết quả hiện hành của một ống mẫu: {items: [{testCode, value, unit, referenceRange, flag: none|low|high|criticalLow|criticalHigh|abnormal, status: pending|validated|rejected|rerunRequested|released, analyser, resultedAt}]}.")
            .WithDescription("Lỗi: 400 thiếu barcode, 404 không có ống mẫu mang mã vạch này.")
            .Produces<LabResultList>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
