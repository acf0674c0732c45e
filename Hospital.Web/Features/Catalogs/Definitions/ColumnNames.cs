using System.Text;
using Hospital.Domain.Text;

namespace Hospital.Web.Features.Catalogs;

/// <summary>
/// Import headers are compared in one normal form, so "MÃ BỆNH", "Mã bệnh" and "ma_benh" are
/// the same column: lower case, no diacritics, every run of other characters one underscore.
/// </summary>
public static class ColumnNames
{
    public static string Normalize(string header)
    {
        var key = VietnameseText.SearchKey(header);
        var sb = new StringBuilder(key.Length);
        foreach (var ch in key)
        {
            if (char.IsLetterOrDigit(ch)) sb.Append(ch);
            else if (sb.Length > 0 && sb[^1] != '_') sb.Append('_');
        }
        return sb.ToString().TrimEnd('_');
    }

    /// <summary>"nameEn" → "name_en": every field is importable under its own key in snake_case.</summary>
    public static string SnakeCase(string key)
    {
        var sb = new StringBuilder(key.Length + 4);
        foreach (var ch in key)
        {
            if (char.IsUpper(ch) && sb.Length > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(ch));
        }
        return sb.ToString();
    }
}
