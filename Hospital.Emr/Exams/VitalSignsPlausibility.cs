namespace Hospital.Emr.Exams;

/// <summary>One set of vital signs as the doctor or nurse typed them; every value optional.</summary>
public sealed record VitalsReading(
    int? Pulse = null, decimal? TemperatureC = null, int? SystolicMmHg = null, int? DiastolicMmHg = null,
    int? RespiratoryRate = null, int? SpO2Percent = null, decimal? HeightCm = null, decimal? WeightKg = null)
{
    public bool IsEmpty => this == new VitalsReading();
}

/// <summary>A message about one input of a form, keyed by the form field it belongs to.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// Plausibility limits for vital signs typed at the exam. They are not clinical alarm limits: they
/// catch typing slips (50 °C, 1200 mmHg, a weight in grams) while letting every reading a living
/// outpatient — newborn to very large adult, in shock or fever — can have through. A value outside
/// is refused with a Vietnamese message and nothing is stored, so the record never shows a
/// number the doctor did not mean.
/// </summary>
public static class VitalSignsPlausibility
{
    /// <summary>The limits, inclusive, with why they are where they are.</summary>
    public static class Limits
    {
        // Below 20/min only in agonal rhythms (resuscitation, not an exam record); 250/min covers
        // SVT and newborns' rates (term newborn up to ~180, SVT 220+).
        public const int PulseMin = 20, PulseMax = 250;
        // 34 °C is moderate hypothermia still seen in the elderly in winter; above 43 °C no one
        // survives to be examined. Clinical thermometers read 32–42 °C, so wider means a typo.
        public const decimal TemperatureMin = 34m, TemperatureMax = 43m;
        // Systolic 50 is profound shock; 300 is the top of the sphygmomanometer scale.
        public const int SystolicMin = 50, SystolicMax = 300;
        // Diastolic 20 (shock, aortic regurgitation) to 200 (hypertensive emergency).
        public const int DiastolicMin = 20, DiastolicMax = 200;
        // Newborns breathe 40–60/min, children in distress up to ~80; below 5/min is apnoea.
        public const int RespiratoryMin = 5, RespiratoryMax = 80;
        // Pulse oximeters are not calibrated below ~70% and read garbage below 50%.
        public const int SpO2Min = 50, SpO2Max = 100;
        // Extremely premature newborns measure ~30 cm; the tallest people ~250 cm.
        public const decimal HeightMin = 30m, HeightMax = 250m;
        // Extremely premature newborns from 0.5 kg; 350 kg is beyond any outpatient scale.
        public const decimal WeightMin = 0.5m, WeightMax = 350m;
    }

    public static IReadOnlyList<FieldError> Check(VitalsReading v)
    {
        var errors = new List<FieldError>();
        Range(errors, "pulse", "Mạch", v.Pulse, Limits.PulseMin, Limits.PulseMax, "lần/phút");
        Range(errors, "temperature", "Nhiệt độ", v.TemperatureC, Limits.TemperatureMin, Limits.TemperatureMax, "°C");
        Range(errors, "systolic", "Huyết áp tâm thu", v.SystolicMmHg, Limits.SystolicMin, Limits.SystolicMax, "mmHg");
        Range(errors, "diastolic", "Huyết áp tâm trương", v.DiastolicMmHg, Limits.DiastolicMin, Limits.DiastolicMax, "mmHg");
        if (v.SystolicMmHg is { } s && v.DiastolicMmHg is { } d && s <= d)
            errors.Add(new("systolic", $"Huyết áp tâm thu ({s} mmHg) phải lớn hơn huyết áp tâm trương ({d} mmHg)."));
        else if (v.SystolicMmHg is null != v.DiastolicMmHg is null)
            errors.Add(new(v.SystolicMmHg is null ? "systolic" : "diastolic", "Nhập đủ cả huyết áp tâm thu và tâm trương."));
        Range(errors, "respiratoryRate", "Nhịp thở", v.RespiratoryRate, Limits.RespiratoryMin, Limits.RespiratoryMax, "lần/phút");
        Range(errors, "spo2", "SpO2", v.SpO2Percent, Limits.SpO2Min, Limits.SpO2Max, "%");
        Range(errors, "height", "Chiều cao", v.HeightCm, Limits.HeightMin, Limits.HeightMax, "cm");
        Range(errors, "weight", "Cân nặng", v.WeightKg, Limits.WeightMin, Limits.WeightMax, "kg");
        return errors;
    }

    private static void Range<T>(List<FieldError> errors, string field, string label, T? value, T min, T max, string unit)
        where T : struct, IComparable<T>
    {
        if (value is { } x && (x.CompareTo(min) < 0 || x.CompareTo(max) > 0))
            errors.Add(new(field, $"{label} {Show(x)} {unit} không hợp lý: phải trong khoảng {Show(min)}–{Show(max)} {unit}."));
    }

    /// <summary>Decimals with the Vietnamese comma ("37,5"), as the staff write them.</summary>
    private static string Show<T>(T value) where T : struct => value is decimal m
        ? m.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))
        : value.ToString() ?? "";
}
