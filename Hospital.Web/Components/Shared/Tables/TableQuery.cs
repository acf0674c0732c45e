namespace Hospital.Web.Components.Shared.Tables;

/// <summary>
/// Paging, sorting and filter of a server-side table, read from the query string
/// (<c>?q=&amp;page=&amp;size=&amp;sort=&amp;dir=</c>) so every state has a URL that works without JavaScript.
/// </summary>
public sealed record TableQuery(string? Search, int Page, int PageSize, string? Sort, bool Descending)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public int Skip => (Page - 1) * PageSize;

    public static TableQuery From(HttpContext? context, string? defaultSort = null)
    {
        var q = context?.Request.Query;
        var page = int.TryParse(q?["page"], out var p) && p > 0 ? p : 1;
        var size = int.TryParse(q?["size"], out var s) && s > 0 ? Math.Min(s, MaxPageSize) : DefaultPageSize;
        var sort = q?["sort"].ToString();
        var search = q?["q"].ToString().Trim();
        return new TableQuery(
            string.IsNullOrEmpty(search) ? null : search,
            page,
            size,
            string.IsNullOrEmpty(sort) ? defaultSort : sort,
            string.Equals(q?["dir"], "desc", StringComparison.OrdinalIgnoreCase));
    }
}
