using System.Globalization;
using Hospital.Domain.Clinical;
using Hospital.Emr.Prescriptions;

namespace Hospital.Web.Features.Prescriptions;

/// <summary>
/// The field names the prescription panel posts and how they are read: decimals with a comma or a
/// point (doctors type "0,5"), an unreadable number left as null so the rules give the Vietnamese
/// message rather than a binding error.
/// </summary>
public static class PrescriptionForms
{
    public const string DrugId = "drugId";
    public const string LineId = "lineId";
    public const string PrescriptionId = "prescriptionId";
    public const string Dose = "dose";
    public const string TimesPerDay = "timesPerDay";
    public const string Days = "days";
    public const string Containers = "containers";
    public const string Route = "route";
    public const string Timing = "timing";
    public const string Form = "form";
    public const string OverrideReason = "overrideReason";
    public const string Advice = "advice";
    public const string WeightKg = "weightKg";
    public const string GuardianName = "guardianName";
    public const string GuardianPhone = "guardianPhone";
    public const string GuardianAddress = "guardianAddress";
    public const string Reason = "reason";

    /// <summary>The posted line; a missing or unreadable number becomes 0, which the rules refuse with their message.</summary>
    public static PrescriptionLineInput Line(Func<string, string?> field) => new(
        Int(field(DrugId)) ?? 0,
        Decimal(field(Dose)) ?? 0,
        Int(field(TimesPerDay)) ?? 0,
        Int(field(Days)) ?? 0,
        Decimal(field(Containers)),
        field(Route),
        field(Timing),
        null,
        field(OverrideReason),
        Enum.TryParse<PrescriptionForm>(field(Form), out var f) && Enum.IsDefined(f) ? f : null);

    /// <summary>The header when the panel posted its fields (the advice box is always there), else null: keep what is stored.</summary>
    public static PrescriptionHeaderInput? Header(Func<string, string?> field, bool posted) => !posted ? null : new(
        field(Advice), Decimal(field(WeightKg)), field(GuardianName), field(GuardianPhone), field(GuardianAddress));

    public static decimal? Decimal(string? text) =>
        decimal.TryParse((text ?? "").Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;

    public static int? Int(string? text) =>
        int.TryParse((text ?? "").Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>A number as the panel shows it (Vietnamese decimal comma, no trailing zeros).</summary>
    public static string Show(decimal? value) => value is { } v ? v.ToString("0.###", CultureInfo.GetCultureInfo("vi-VN")) : "";
}
