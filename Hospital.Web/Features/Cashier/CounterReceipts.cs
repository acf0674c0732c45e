using Hospital.Domain.Billing;
using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Web.Features.Billing;
using Hospital.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Cashier;

/// <summary>The money of a visit by cost group, as the receipt summarises the charges.</summary>
public sealed record ReceiptGroup(BhytCostGroup Group, decimal Cost, decimal FundPays, decimal PatientPays);

/// <summary>Everything a printed receipt (biên lai) shows.</summary>
public sealed record Receipt(
    FacilitySettings? Facility, Payment Payment, string VisitCode, string MaLk, string PatientName, string PatientCode, string? CardNumber,
    decimal MucHuong, IReadOnlyList<ReceiptGroup> Groups, decimal TotalCost, decimal FundPays, decimal OtherSources, decimal PatientShare,
    VisitBalance Balance, string CashierName)
{
    public string Title => Payment.Kind switch
    {
        PaymentKind.Deposit => "PHIẾU THU TẠM ỨNG",
        PaymentKind.Refund => "PHIẾU HOÀN TIỀN",
        _ => "BIÊN LAI THU TIỀN VIỆN PHÍ",
    };
}

/// <summary>Loads a completed payment with its visit's money for the receipt.</summary>
public sealed class CounterReceipts(HospitalDbContext db, VisitCoverage coverage, VisitAccount account, FacilityProfile facility)
{
    public async Task<Receipt?> LoadAsync(long paymentId, CancellationToken ct = default)
    {
        var payment = await db.Set<Payment>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == paymentId, ct);
        if (payment?.ReceiptNumber is null) return null;
        var split = await coverage.ForVisitAsync(payment.VisitId, ct);
        if (split is null) return null;
        var groups = split.Lines.GroupBy(l => l.Charge.CostGroup).OrderBy(g => g.Key)
            .Select(g => new ReceiptGroup(g.Key, g.Sum(l => l.Split.ThanhTienBv), g.Sum(l => l.Split.Bhtt), g.Sum(l => l.Split.Bncct + l.Split.Bntt)))
            .ToList();
        var c = split.Coverage;
        return new Receipt(await facility.GetAsync(ct), payment, split.Visit.Code, split.Visit.MaLk, split.Visit.Patient!.FullName, split.Visit.Patient.Code,
            split.Visit.CardNumber, c.MucHuong, groups, c.TongChiBv, c.Bhtt, c.NguonKhac, split.PatientShare,
            await account.BalanceAsync(split, ct), await CashierNames.FullNameAsync(db, payment.ConfirmedBy ?? payment.CreatedBy, ct));
    }
}
