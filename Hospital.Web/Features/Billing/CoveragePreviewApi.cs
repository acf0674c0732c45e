using Hospital.Domain.Billing.Coverage;
using Hospital.Web.Api;

namespace Hospital.Web.Features.Billing;

/// <summary>
/// <c>POST /api/v1/visits/{id}/coverage-preview</c> (issue 6 "API contract"): the visit's charges as
/// they stand, split per line into T_BHTT / T_BNCCT / T_BNTT / T_NGUONKHAC with the episode totals.
/// Nothing is stored; a cashier, a finance officer or a kiosk may ask as often as it likes.
/// </summary>
public static class CoveragePreviewApi
{
    public sealed record LineDto(
        long ChargeId, string Code, string Name, string Kind, int CostGroup, decimal Quantity, decimal UnitPrice, decimal? BhytUnitPrice,
        decimal PayableRatio, decimal ThanhTienBv, decimal ThanhTienBh, decimal Bhtt, decimal Bncct, decimal Bntt, decimal NguonKhac);

    public sealed record TotalsDto(decimal TongChiBv, decimal TongChiBh, decimal Bhtt, decimal Bncct, decimal Bntt, decimal NguonKhac, decimal PatientPays);

    public sealed record PreviewDto(
        int VisitId, string MaLk, string Kind, DateOnly EndDate, decimal BaseSalary, decimal MucHuong, string Reason,
        IReadOnlyList<LineDto> Lines, TotalsDto Totals);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/visits/{id:int}/coverage-preview", async (int id, VisitCoverage coverage, CancellationToken ct) =>
                await coverage.ForVisitAsync(id, ct) is { } split
                    ? Results.Ok(ToDto(split))
                    : ApiProblems.Result(StatusCodes.Status404NotFound, $"Không có lượt khám {id}."))
            .WithSummary("Chia chi phí của lượt khám theo dòng: quỹ BHYT trả (T_BHTT), cùng chi trả (T_BNCCT), người bệnh tự trả (T_BNTT), nguồn khác (T_NGUONKHAC) và tổng.")
            .Produces<PreviewDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static PreviewDto ToDto(VisitCoverageResult r)
    {
        var c = r.Coverage;
        return new PreviewDto(
            r.Visit.Id, r.Visit.MaLk, r.Visit.Kind.ToString().ToLowerInvariant(), r.EndDate, r.BaseSalary, c.MucHuong, ReasonName(c.Reason),
            r.Lines.Select(l => new LineDto(
                l.Charge.Id, l.Charge.ItemCode, l.Charge.ItemName, l.Charge.ItemKind.ToString().ToLowerInvariant(), (int)l.Charge.CostGroup,
                l.Charge.Quantity, l.Charge.UnitPrice, l.Charge.BhytUnitPrice, l.Charge.BhytPayableRatio,
                l.Split.ThanhTienBv, l.Split.ThanhTienBh, l.Split.Bhtt, l.Split.Bncct, l.Split.Bntt, l.Split.NguonKhac)).ToList(),
            new TotalsDto(c.TongChiBv, c.TongChiBh, c.Bhtt, c.Bncct, c.Bntt, c.NguonKhac, r.PatientShare));
    }

    /// <summary>The reason as a stable camelCase word for API clients.</summary>
    public static string ReasonName(CoverageReason reason) => reason switch
    {
        CoverageReason.NotInsured => "notInsured",
        CoverageReason.Category => "category",
        CoverageReason.SmallVisit => "smallVisit",
        CoverageReason.CoPaymentExempt => "coPaymentExempt",
        CoverageReason.FullCover => "fullCover",
        _ => reason.ToString(),
    };
}
