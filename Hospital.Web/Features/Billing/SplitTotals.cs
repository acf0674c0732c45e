using Hospital.Domain.Billing.Coverage;

namespace Hospital.Web.Features.Billing;

/// <summary>
/// Sums of the money columns of XML2/XML3 rows (QĐ 4750 §4.3): the statement's section and
/// grand totals and the monthly reports' rows add the same six amounts.
/// </summary>
public sealed record SplitTotals(decimal ThanhTienBv, decimal ThanhTienBh, decimal Bhtt, decimal Bncct, decimal Bntt, decimal NguonKhac)
{
    public static readonly SplitTotals Zero = new(0, 0, 0, 0, 0, 0);

    /// <summary>What the patient pays: co-payment (T_BNCCT) plus out-of-scope costs (T_BNTT).</summary>
    public decimal PatientPays => Bncct + Bntt;

    public static SplitTotals Of(LineSplit l) => new(l.ThanhTienBv, l.ThanhTienBh, l.Bhtt, l.Bncct, l.Bntt, l.NguonKhac);

    public static SplitTotals Sum(IEnumerable<SplitTotals> rows) => rows.Aggregate(Zero, (a, b) => a + b);

    public static SplitTotals operator +(SplitTotals a, SplitTotals b) => new(
        a.ThanhTienBv + b.ThanhTienBv, a.ThanhTienBh + b.ThanhTienBh, a.Bhtt + b.Bhtt,
        a.Bncct + b.Bncct, a.Bntt + b.Bntt, a.NguonKhac + b.NguonKhac);
}
