using System.Globalization;

namespace Hospital.Web.Features.LabQc;

/// <summary>QC numbers as the lab writes them: targets without trailing zeros, z-scores signed with one decimal.</summary>
public static class QcNumbers
{
    public static string Text(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Z(decimal z) => z.ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture);
}
