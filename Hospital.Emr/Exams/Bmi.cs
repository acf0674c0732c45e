namespace Hospital.Emr.Exams;

/// <summary>Body-mass index (chỉ số khối cơ thể) shown and stored with the vitals.</summary>
public static class Bmi
{
    /// <summary>
    /// Weight (kg) / height (m)², rounded to one decimal half away from zero as clinicians read it
    /// off a table; null unless both are given and positive.
    /// </summary>
    public static decimal? Compute(decimal? heightCm, decimal? weightKg)
    {
        if (heightCm is not > 0m || weightKg is not > 0m) return null;
        var metres = heightCm.Value / 100m;
        return Math.Round(weightKg.Value / (metres * metres), 1, MidpointRounding.AwayFromZero);
    }
}
