using System.Globalization;

namespace Hospital.Web.Features.Stock;

/// <summary>
/// What a stock document service answers: the document saved (id and số phiếu), or the Vietnamese
/// sentences saying why nothing was stored. Every line is checked before anything is written, so a
/// form shows all its mistakes at once.
/// </summary>
public sealed record StockOutcome(int? Id, string? Number, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static StockOutcome Done(int id, string number) => new(id, number, []);

    public static StockOutcome Refused(params IEnumerable<string> errors) => new(null, null, errors.ToList());
}

/// <summary>Quantities as Vietnamese forms write them: up to 3 decimals, comma as the decimal separator.</summary>
public static class StockQuantity
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Format(decimal quantity) => quantity.ToString("#,##0.###", Vi);

    /// <summary>For an input box: no thousands separator, so <see cref="Parse"/> reads it back unchanged.</summary>
    public static string Input(decimal? quantity) => quantity?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A quantity typed in a form: "12", "12,5" or "12.5"; null when empty or not a number.</summary>
    public static decimal? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim().Replace(" ", "");
        // One separator only: a comma is the Vietnamese decimal mark; a dot is read the same way,
        // since nobody types thousands separators into a quantity box.
        t = t.Replace(',', '.');
        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) ? q : null;
    }
}
