namespace Hospital.Domain.Billing.Coverage;

/// <summary>
/// One chargeable line as the coverage split needs it (an XML2/XML3 row before the money fields).
/// </summary>
/// <param name="UnitPrice">DON_GIA_BV: the hospital's price for the visit kind.</param>
/// <param name="BhytUnitPrice">DON_GIA_BH: the BHYT price; null when the item is outside the BHYT list (patient pays it all).</param>
/// <param name="PayableRatioPercent">TYLE_TT_BH: the share of the BHYT price the fund recognises (drugs and services "thanh toán theo tỷ lệ", cost groups 6/9/11: e.g. 50).</param>
/// <param name="CapAmount">TRAN_TT: the most the fund recognises for this line (high-cost supplies), or null; level-1 cards are not capped.</param>
/// <param name="OtherSources">T_NGUONKHAC given for this patient's line (charity, project funds): deducted from the patient's part first (QĐ 4750 §4.3 a).</param>
public sealed record CoverageLine(
    string Code, decimal Quantity, decimal UnitPrice, decimal? BhytUnitPrice,
    decimal PayableRatioPercent = 100, decimal? CapAmount = null, decimal OtherSources = 0);

/// <summary>
/// The episode facts the split depends on. <see cref="CategorySharePercent"/> is the visit's MUC_HUONG as
/// decided at registration (QĐ 3276 share × card level, <c>BhytBenefitRules</c>); the split only raises it
/// to 100 where the regulation says so (small visit, co-payment exemption).
/// </summary>
/// <param name="Insured">False for a fee-paying patient: the patient pays every line (BNTT).</param>
/// <param name="RightRoute">The category pays the full route share (100 before the card level): only then does the small-visit rule apply.</param>
/// <param name="CardLevel">Benefit level, the card's 3rd character: 1 has no caps; 5 (QN, CA, CY) is paid in full including out-of-scope costs.</param>
/// <param name="FiveYearsContinuous">NAM_NAM_LIEN_TUC: 5 consecutive years in BHYT.</param>
/// <param name="CoPaymentThisYear">Co-payment (BNCCT) the patient already paid in this calendar year, for the 6-months-of-base-salary exemption.</param>
public sealed record CoverageEpisode(
    bool Insured, DateOnly EndDate, decimal CategorySharePercent, bool RightRoute, int CardLevel,
    bool FiveYearsContinuous = false, decimal CoPaymentThisYear = 0);

/// <summary>The money of one line (XML2/XML3), each amount rounded to 2 decimals.</summary>
public sealed record LineSplit(
    string Code, decimal ThanhTienBv, decimal ThanhTienBh, decimal Bhtt, decimal Bncct, decimal Bntt, decimal NguonKhac);

/// <summary>The episode's split: MUC_HUONG applied, why, the lines and the XML1 totals (sums of the lines).</summary>
public sealed record CoverageResult(decimal MucHuong, CoverageReason Reason, IReadOnlyList<LineSplit> Lines)
{
    public decimal TongChiBv => Lines.Sum(l => l.ThanhTienBv);
    public decimal TongChiBh => Lines.Sum(l => l.ThanhTienBh);
    public decimal Bhtt => Lines.Sum(l => l.Bhtt);
    public decimal Bncct => Lines.Sum(l => l.Bncct);
    public decimal Bntt => Lines.Sum(l => l.Bntt);
    public decimal NguonKhac => Lines.Sum(l => l.NguonKhac);
}

/// <summary>Why the episode's MUC_HUONG is what it is.</summary>
public enum CoverageReason
{
    NotInsured,
    Category,
    /// <summary>Right route and in-scope cost below 15% of lương cơ sở: 100%.</summary>
    SmallVisit,
    /// <summary>5 years continuous and this year's co-payment already above 6 months of lương cơ sở: 100% for the rest of the year.</summary>
    CoPaymentExempt,
    /// <summary>Card level 5 (QN, CA, CY): 100% including out-of-scope costs.</summary>
    FullCover,
}
