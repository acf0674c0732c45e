using System.Globalization;
using Hospital.Domain.Clinical;

namespace Hospital.Emr.Prescriptions;

/// <summary>Cách dùng as printed when the doctor wrote none: "Uống, mỗi lần 1 viên, ngày 2 lần, sau ăn" (TT 26/2025 line content).</summary>
public static class PrescriptionUsage
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Describe(PrescriptionLine line)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(line.Route)) parts.Add(line.Route.Trim());
        var perDose = PrescriptionQuantity.CountingOf(line.Unit) == UnitCounting.PerDose;
        parts.Add(perDose ? $"mỗi lần {Number(line.DosePerTime)} {line.Unit.ToLowerInvariant()}" : $"mỗi lần {Number(line.DosePerTime)}");
        parts.Add($"ngày {line.TimesPerDay} lần");
        if (!string.IsNullOrWhiteSpace(line.Timing)) parts.Add(line.Timing.Trim());
        var text = string.Join(", ", parts);
        return char.ToUpper(text[0], Vi) + text[1..];
    }

    public static string Number(decimal value) => value.ToString("0.###", Vi);
}
