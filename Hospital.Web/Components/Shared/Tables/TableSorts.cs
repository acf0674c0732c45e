using System.Linq.Expressions;

namespace Hospital.Web.Components.Shared.Tables;

/// <summary>The columns a table may be sorted by, mapped to expressions EF can translate.</summary>
public sealed class TableSorts<T>
{
    private readonly Dictionary<string, Func<IQueryable<T>, bool, IOrderedQueryable<T>>> _sorts = new(StringComparer.OrdinalIgnoreCase);

    public TableSorts<T> Add<TKey>(string key, Expression<Func<T, TKey>> by)
    {
        _sorts[key] = (q, desc) => desc ? q.OrderByDescending(by) : q.OrderBy(by);
        return this;
    }

    /// <summary>Applies the requested sort, or the first registered one when the request names an unknown column.</summary>
    public IQueryable<T> Apply(IQueryable<T> query, TableQuery table)
    {
        if (_sorts.Count == 0) return query;
        var sort = table.Sort is not null && _sorts.TryGetValue(table.Sort, out var s) ? s : _sorts.Values.First();
        return sort(query, table.Descending);
    }
}
