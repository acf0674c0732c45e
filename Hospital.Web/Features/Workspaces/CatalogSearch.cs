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
            var inside = " " + word;
            query = query.Where(e => e.SearchKey.StartsWith(word) || e.SearchKey.Contains(inside));
        }
        return query;
    }

    public static string[] Words(string? text) =>
        VietnameseText.SearchKey(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
