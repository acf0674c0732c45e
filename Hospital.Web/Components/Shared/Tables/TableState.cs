using Microsoft.AspNetCore.WebUtilities;

namespace Hospital.Web.Components.Shared.Tables;

/// <summary>What a table's header and pager links need to build URLs for another page or sort.</summary>
public sealed record TableState(string Path, TableQuery Query, IReadOnlyDictionary<string, string?> Filters)
{
    public string Url(int? page = null, string? sort = null, bool? descending = null)
    {
        var values = new Dictionary<string, string?>(Filters.Where(f => !string.IsNullOrEmpty(f.Value)));
        if (Query.Search is not null) values["q"] = Query.Search;
        var s = sort ?? Query.Sort;
        if (s is not null) values["sort"] = s;
        if (descending ?? Query.Descending) values["dir"] = "desc";
        if (Query.PageSize != TableQuery.DefaultPageSize) values["size"] = Query.PageSize.ToString();
        var p = page ?? Query.Page;
        if (p > 1) values["page"] = p.ToString();
        return QueryHelpers.AddQueryString(Path, values);
    }
}
