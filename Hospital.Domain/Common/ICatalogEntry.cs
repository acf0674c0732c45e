namespace Hospital.Domain.Common;

/// <summary>
/// A row of a reference catalog. The regulator replaces catalogs per appendix and date
/// (bhyt-claims.md §1.1), so every entry carries its own validity period and is
/// deactivated rather than deleted.
/// </summary>
public interface ICatalogEntry
{
    int Id { get; set; }
    string Code { get; set; }
    string Name { get; set; }
    /// <summary>Accent-free lower-case key of code + name, see <see cref="Text.VietnameseText"/>.</summary>
    string SearchKey { get; set; }
    DateOnly? ValidFrom { get; set; }
    DateOnly? ValidTo { get; set; }
    bool IsActive { get; set; }
}
