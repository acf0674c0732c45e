using System.Globalization;

namespace Hospital.Web.Features.StockReports;

/// <summary>Quantities as pharmacists read them: "1.250" boxes, "12,5" ml (Vietnamese separators, up to 3 decimals).</summary>
public static class StockQuantity
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Text(decimal quantity) => quantity.ToString("#,##0.###", Vi);
}
