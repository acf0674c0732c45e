using Hospital.Domain.Common;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Catalog;

/// <summary>
/// Mã đối tượng: the first two letters of a BHYT card (QĐ 1351/QĐ-BHXH), with the benefit level
/// usually printed as the card's third character. The card's own digit wins where they differ.
/// </summary>
public class BhytBeneficiaryGroup : CatalogEntry
{
    public int BenefitLevel { get; set; }
}

internal sealed class BhytBeneficiaryGroupConfiguration : CatalogEntryConfiguration<BhytBeneficiaryGroup>
{
    protected override int CodeLength => 2;
    protected override int NameLength => 1000;
}
