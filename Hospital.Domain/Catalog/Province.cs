using Hospital.Domain.Common;

namespace Hospital.Domain.Catalog;

/// <summary>Tỉnh/thành phố after 1/7/2025 (34), GSO 2-digit code = MATINH_CU_TRU.</summary>
public class Province : CatalogEntry;

internal sealed class ProvinceConfiguration : CatalogEntryConfiguration<Province>
{
    protected override int CodeLength => 2;
}
