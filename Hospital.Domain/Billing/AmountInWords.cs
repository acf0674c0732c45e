namespace Hospital.Domain.Billing;

/// <summary>
/// A whole amount of đồng in Vietnamese words, as receipts print it under the figures
/// ("Số tiền bằng chữ"): groups of three digits read with trăm / mươi, "linh" for an empty tens
/// digit, "mốt", "lăm", "mười"; every group after the first is read in full ("không trăm…");
/// all-zero groups are skipped; nghìn, triệu, tỷ, and tỷ again for larger amounts.
/// </summary>
public static class AmountInWords
{
    private static readonly string[] Digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

    /// <summary>"Một trăm tám mươi nghìn đồng". Fractions of a đồng are not read (receipts are in whole đồng).</summary>
    public static string Dong(decimal amount)
    {
        var whole = (long)decimal.Truncate(Math.Abs(amount));
        var text = Words(whole) + " đồng";
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    public static string Words(long n)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n));
        if (n == 0) return Digits[0];
        var words = new List<string>();
        Append(n, words, leading: true);
        return string.Join(' ', words);
    }

    private static void Append(long n, List<string> words, bool leading)
    {
        var billions = n / 1_000_000_000;
        var rest = n % 1_000_000_000;
        if (billions > 0)
        {
            Append(billions, words, leading);
            words.Add("tỷ");
            leading = false;
        }
        (long Group, string Name)[] groups = [(rest / 1_000_000, "triệu"), (rest / 1000 % 1000, "nghìn"), (rest % 1000, "")];
        foreach (var (group, name) in groups)
        {
            if (group == 0) continue;
            Triple((int)group, words, full: !leading);
            if (name.Length > 0) words.Add(name);
            leading = false;
        }
    }

    private static void Triple(int g, List<string> words, bool full)
    {
        int h = g / 100, t = g / 10 % 10, u = g % 10;
        var saidHundreds = full || h > 0;
        if (saidHundreds) { words.Add(Digits[h]); words.Add("trăm"); }
        switch (t)
        {
            case 0:
                if (u == 0) break;
                if (saidHundreds) words.Add("linh");
                words.Add(Digits[u]);
                break;
            case 1:
                words.Add("mười");
                if (u == 5) words.Add("lăm");
                else if (u > 0) words.Add(Digits[u]);
                break;
            default:
                words.Add(Digits[t]);
                words.Add("mươi");
                if (u == 1) words.Add("mốt");
                else if (u == 5) words.Add("lăm");
                else if (u > 0) words.Add(Digits[u]);
                break;
        }
    }
}
