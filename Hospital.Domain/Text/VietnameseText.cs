using System.Globalization;
using System.Text;

namespace Hospital.Domain.Text;

/// <summary>
/// Builds the accent-free search key stored beside every searchable name, so SQLite and
/// PostgreSQL search the same way without unaccent/ICU (DESIGN.md "Data").
/// </summary>
public static class VietnameseText
{
    /// <summary>Unicode NFC form, as names are stored ("Hoà" typed decomposed stays one glyph).</summary>
    public static string Nfc(string value) => value.Trim().Normalize(NormalizationForm.FormC);

    /// <summary>Lower case, diacritics removed, đ → d, runs of whitespace collapsed.</summary>
    public static string SearchKey(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return string.Empty;
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(ch))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
            sb.Append(ch switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(ch),
            });
        }
        return sb.ToString();
    }
}
