using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Components.Shared.Tables;

/// <summary>One page of rows and the total matching the filter.</summary>
public sealed record TablePage<T>(IReadOnlyList<T> Items, int Total)
{
    public static readonly TablePage<T> Empty = new([], 0);
}

public static class TablePageExtensions
{
    /// <summary>Sort, count and take one page; <paramref name="project"/> keeps the SELECT to what the screen shows.</summary>
    public static async Task<TablePage<TRow>> ToTablePageAsync<T, TRow>(
        this IQueryable<T> query, TableQuery table, TableSorts<T> sorts,
        System.Linq.Expressions.Expression<Func<T, TRow>> project, CancellationToken ct = default)
    {
        var total = await query.CountAsync(ct);
        var rows = await sorts.Apply(query, table).Skip(table.Skip).Take(table.PageSize).Select(project).ToListAsync(ct);
        return new TablePage<TRow>(rows, total);
    }
}
