using Hospital.Domain.Text;

namespace Hospital.Domain.Common;

/// <summary>Shared columns of every catalog table.</summary>
public abstract class CatalogEntry : ICatalogEntry
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string SearchKey { get; set; } = "";
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>Whether the entry may be used for something happening on <paramref name="day"/>.</summary>
    public bool IsValidOn(DateOnly day) =>
        IsActive && (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || day <= ValidTo);

    /// <summary>Extra text a user may search by besides code and name (e.g. an active ingredient).</summary>
    protected virtual string? ExtraSearchText => null;

    public void RefreshSearchKey() =>
        SearchKey = VietnameseText.SearchKey($"{Code} {Name} {ExtraSearchText}");
}
