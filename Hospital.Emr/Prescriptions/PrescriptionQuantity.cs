using Hospital.Domain.Text;

namespace Hospital.Emr.Prescriptions;

/// <summary>How the quantity of a drug is counted from its unit of issue (Drug.Unit).</summary>
public enum UnitCounting
{
    /// <summary>Each unit is one dose or a part of one (viên, gói, ống, miếng): the total follows from the dose.</summary>
    PerDose,
    /// <summary>A container holding many doses (chai, lọ, tuýp, bình xịt): the doctor says how many containers.</summary>
    PerContainer,
}

/// <summary>
/// Số lượng of a prescription line (TT 26/2025: dose per time, times per day, days, quantity).
/// <para>For per-dose units the quantity is dose × times per day × days, rounded <b>up</b> to whole
/// units: the pharmacy issues whole tablets and sachets, and rounding down would leave the patient
/// short on the last day (½ tablet twice a day for 5 days = 5 tablets; ⅓ × 2 × 5 = 3.33 → 4).</para>
/// <para>Bottles, vials, tubes and inhalers are counted per container: their dose is measured in
/// ml, drops, grams or puffs, and the catalog does not record how much one container holds, so
/// the total cannot be derived from the dose (5 ml × 3 × 5 days is not "75 bottles"). The doctor
/// enters the number of containers (a whole number, at least 1); an infusion bottle or an
/// injection vial used whole is simply "1 chai/lọ per time" and the doctor counts it the same way.</para>
/// </summary>
public static class PrescriptionQuantity
{
    /// <summary>Accent-free first words of units that are multi-dose containers.</summary>
    private static readonly string[] ContainerUnits = ["chai", "lo", "tuyp", "binh", "binh xit", "hop", "can", "hu"];

    public static UnitCounting CountingOf(string? unit)
    {
        var key = VietnameseText.SearchKey(unit);
        return ContainerUnits.Any(c => key == c || key.StartsWith(c + " ", StringComparison.Ordinal))
            ? UnitCounting.PerContainer
            : UnitCounting.PerDose;
    }

    /// <summary>The quantity to issue, or the Vietnamese reason the numbers cannot give one.</summary>
    public static (decimal? Quantity, string? Error) Compute(string? unit, decimal dosePerTime, int timesPerDay, int days, decimal? containers)
    {
        if (dosePerTime <= 0) return (null, "Liều mỗi lần phải lớn hơn 0.");
        if (dosePerTime > 1000) return (null, "Liều mỗi lần quá lớn, kiểm tra lại.");
        if (timesPerDay is < 1 or > 24) return (null, "Số lần mỗi ngày phải từ 1 đến 24.");
        if (days is < 1 or > 366) return (null, "Số ngày dùng phải từ 1 đến 366.");
        if (CountingOf(unit) == UnitCounting.PerContainer)
        {
            if (containers is null) return (null, $"Nhập số {unit?.ToLowerInvariant()} cần cấp (thuốc đóng {unit?.ToLowerInvariant()} tính theo số {unit?.ToLowerInvariant()}).");
            if (containers < 1 || containers != decimal.Truncate(containers.Value) || containers > 1000)
                return (null, $"Số {unit?.ToLowerInvariant()} phải là số nguyên từ 1 đến 1000.");
            return (containers, null);
        }
        var total = decimal.Ceiling(dosePerTime * timesPerDay * days);
        return total > 100_000 ? (null, "Số lượng quá lớn, kiểm tra lại liều và số ngày.") : (total, null);
    }
}
