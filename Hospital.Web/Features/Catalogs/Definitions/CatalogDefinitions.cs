namespace Hospital.Web.Features.Catalogs;

/// <summary>
/// Every catalog with a screen, in menu order. The definitions themselves live in the partial
/// files beside this one, grouped by who maintains the list.
/// </summary>
public static partial class CatalogDefinitions
{
    private static IReadOnlyList<ICatalogDefinition>? _all;

    public static IReadOnlyList<ICatalogDefinition> All => _all ??=
    [
        Departments, Rooms, Staff, Stores,
        Icd10, Services, Drugs, Supplies,
        Provinces, Communes, Ethnicities, Occupations, BhytGroups,
    ];

    public static ICatalogDefinition? Find(string? slug) =>
        All.FirstOrDefault(d => string.Equals(d.Slug, slug, StringComparison.OrdinalIgnoreCase));
}
