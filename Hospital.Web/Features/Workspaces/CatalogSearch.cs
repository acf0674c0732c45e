using Hospital.Domain.Common;
using Hospital.Domain.Text;

namespace Hospital.Web.Features.Workspaces;

/// <summary>
/// Diacritics-insensitive search over a catalog's stored search key: every word typed must
/// begin a word of the key, so "tang huyet" finds "Tăng huyết áp" and "para 500" finds
/// "Paracetamol 500mg", while "hung" does not find "Phùng".
/// </summary>
public static class CatalogSearch
{
    public static IQueryable<T> Matching<T>(this IQueryable<T> query, string? text) where T : CatalogEntry
    {
        foreach (var word in Words(text))
        {
            // A word also begins after a hyphen or an opening bracket: "x quang" finds "X-quang",
            // "na" finds "Điện giải đồ (Na, K, Cl)".
            var inside = " " + word;
            var afterHyphen = "-" + word;
            var inBracket = "(" + word;
            query = query.Where(e => e.SearchKey.StartsWith(word) || e.SearchKey.Contains(inside)
                                     || e.SearchKey.Contains(afterHyphen) || e.SearchKey.Contains(inBracket));
        }
        return query;
    }

    public static string[] Words(string? text) =>
        VietnameseText.SearchKey(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
