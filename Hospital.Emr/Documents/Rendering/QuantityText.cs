using System.Globalization;

namespace Hospital.Emr.Documents.Rendering;

/// <summary>
/// How a prescribed quantity is written (TT 26/2025 Đ6 k3 and PL I): a whole number below 10 gets a
/// leading zero ("05") so it cannot be altered; narcotic and psychotropic prescriptions also spell
/// the quantity out in words.
/// </summary>
public static class QuantityText
{
    public static string Number(decimal quantity)
    {
        if (quantity == decimal.Truncate(quantity))
        {
            var whole = (long)quantity;
            return whole is >= 0 and < 10 ? "0" + whole.ToString(CultureInfo.InvariantCulture) : whole.ToString(CultureInfo.InvariantCulture);
        }
        return quantity.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"));
    }

    private static readonly string[] Digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

    /// <summary>Vietnamese words for a whole number 0–999 999 ("mười lăm", "hai mươi mốt", "một trăm linh năm").</summary>
    public static string Words(long n)
    {
        if (n < 0 || n > 999_999) return n.ToString(CultureInfo.InvariantCulture);
        if (n == 0) return Digits[0];
        var thousands = n / 1000;
        var rest = n % 1000;
        var parts = new List<string>();
        if (thousands > 0) parts.Add(Hundreds(thousands, full: false) + " nghìn");
        if (rest > 0) parts.Add(Hundreds(rest, full: thousands > 0));
        var text = string.Join(" ", parts);
        return char.ToUpper(text[0], CultureInfo.GetCultureInfo("vi-VN")) + text[1..];
    }

    private static string Hundreds(long n, bool full)
    {
        var h = n / 100;
        var t = n / 10 % 10;
        var u = n % 10;
        var words = new List<string>();
        if (h > 0 || full) words.Add(Digits[h] + " trăm");
        if (t == 0 && u > 0 && (h > 0 || full)) words.Add("linh");
        if (t == 1) words.Add("mười");
        else if (t > 1) words.Add(Digits[t] + " mươi");
        if (u > 0)
        {
            words.Add(u switch
            {
                1 when t > 1 => "mốt",
                5 when t > 0 => "lăm",
                4 when t > 1 => "tư",
                _ => Digits[u],
            });
        }
        return string.Join(" ", words);
    }
}
