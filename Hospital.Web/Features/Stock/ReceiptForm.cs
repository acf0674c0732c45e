using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Hospital.Web.Features.Stock;

/// <summary>Reads the receipt form's repeated line fields (drug, lot, expiry, quantity, cost) in order.</summary>
public static class ReceiptForm
{
    public static List<ReceiptLineRow.Typed> Lines(IFormCollection form)
    {
        StringValues Of(string key) => form.TryGetValue(key, out var v) ? v : StringValues.Empty;
        var (drug, lot, expiry, quantity, cost) = (Of("drug"), Of("lot"), Of("expiry"), Of("quantity"), Of("cost"));
        var count = new[] { drug.Count, lot.Count, expiry.Count, quantity.Count, cost.Count }.Max();
        return Enumerable.Range(0, count)
            .Select(i => new ReceiptLineRow.Typed(At(drug, i), At(lot, i), At(expiry, i), At(quantity, i), At(cost, i)))
            // A line left completely empty is not a line.
            .Where(l => new[] { l.DrugCode, l.Lot, l.Expiry, l.Quantity, l.Cost }.Any(x => !string.IsNullOrWhiteSpace(x)))
            .ToList();
    }

    public static ReceiptLineInput Input(ReceiptLineRow.Typed t) =>
        new(t.DrugCode, t.Lot, Date(t.Expiry), StockQuantity.Parse(t.Quantity), StockQuantity.Parse(t.Cost));

    /// <summary>yyyy-MM-dd from a date input, or dd/MM/yyyy typed by hand.</summary>
    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string? At(StringValues values, int i) => i < values.Count ? values[i] : null;
}
