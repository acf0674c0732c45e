using Hospital.Domain.Patients;

namespace Hospital.Emr.Prescriptions;

/// <summary>
/// Children under 72 months (TT 26/2025 Đ6; the national payload's thong_tin_nguoi_giam_ho): the
/// prescription carries the age in months, the weight and the accompanying adult's name and a
/// phone or address.
/// </summary>
public static class ChildPrescriptionRules
{
    public const int AgeLimitMonths = 72;

    /// <summary>Age in months on <paramref name="day"/>; with only a birth year, whole years × 12 (the doctor may correct it).</summary>
    public static int AgeMonths(DateOnly? dateOfBirth, int birthYear, DateOnly day) =>
        dateOfBirth is { } d ? PatientAge.Months(d, day) : Math.Max(0, day.Year - birthYear) * 12;

    /// <summary>
    /// Whether the rule applies. A child known only by birth year is treated as under 72 months
    /// while the year difference is under 6 (the safe side: asking for a weight costs little).
    /// </summary>
    public static bool Applies(DateOnly? dateOfBirth, int birthYear, DateOnly day) =>
        dateOfBirth is { } d ? PatientAge.Months(d, day) < AgeLimitMonths : day.Year - birthYear < 6;

    /// <summary>The Vietnamese errors for the missing child fields (empty when complete).</summary>
    public static IReadOnlyList<string> Check(decimal? weightKg, string? guardianName, string? guardianPhone, string? guardianAddress)
    {
        var errors = new List<string>();
        if (weightKg is null) errors.Add("Trẻ dưới 72 tháng tuổi: nhập cân nặng (kg) trên đơn thuốc.");
        else if (weightKg is <= 0 or > 60) errors.Add("Cân nặng của trẻ phải từ 0,1 đến 60 kg.");
        if (string.IsNullOrWhiteSpace(guardianName)) errors.Add("Trẻ dưới 72 tháng tuổi: nhập họ tên người đưa trẻ đến khám (cha, mẹ hoặc người giám hộ).");
        if (string.IsNullOrWhiteSpace(guardianPhone) && string.IsNullOrWhiteSpace(guardianAddress))
            errors.Add("Trẻ dưới 72 tháng tuổi: nhập số điện thoại hoặc địa chỉ của người giám hộ.");
        return errors;
    }
}
