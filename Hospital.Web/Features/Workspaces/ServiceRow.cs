using Hospital.Domain.Catalog;
using Hospital.Web.Components.Shared.Tables;

namespace Hospital.Web.Features.Workspaces;

/// <summary>A priced service as the lab, cashier and insurance lists show it.</summary>
public sealed record ServiceRow(string Code, string Name, BhytCostGroup CostGroup, string Unit, decimal Price, decimal? BhytPrice, string? Department);

public static class ServiceRows
{
    public static readonly TableSorts<MedicalService> Sorts = new TableSorts<MedicalService>()
        .Add("code", s => s.Code)
        .Add("name", s => s.SearchKey)
        .Add("group", s => s.CostGroup)
        // SQLite cannot ORDER BY a decimal (stored as text); both providers order a double cast correctly.
        .Add("price", s => (double)s.Price)
        .Add("bhyt", s => (double?)s.BhytPrice);

    public static readonly System.Linq.Expressions.Expression<Func<MedicalService, ServiceRow>> Projection =
        s => new ServiceRow(s.Code, s.Name, s.CostGroup, s.Unit, s.Price, s.BhytPrice, s.Department != null ? s.Department.Name : null);

    /// <summary>The cost group chosen in a list's filter, when it is one of <paramref name="allowed"/>.</summary>
    public static BhytCostGroup? ParseGroup(string? value, IEnumerable<BhytCostGroup> allowed) =>
        int.TryParse(value, out var n) && allowed.Contains((BhytCostGroup)n) ? (BhytCostGroup)n : null;
}
