using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Pharmacy;

/// <summary>Cơ số tối thiểu: the quantity of a drug below which a store should order or request more.</summary>
public class StoreDrugLevel
{
    public int StoreId { get; set; }
    public int DrugId { get; set; }
    public decimal MinimumStock { get; set; }
}

internal sealed class StoreDrugLevelConfiguration : IEntityTypeConfiguration<StoreDrugLevel>
{
    public void Configure(EntityTypeBuilder<StoreDrugLevel> b)
    {
        b.HasKey(x => new { x.StoreId, x.DrugId });
        b.Property(x => x.MinimumStock).HasPrecision(18, 3);
        b.HasOne<Store>().WithMany().HasForeignKey(x => x.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Catalog.Drug>().WithMany().HasForeignKey(x => x.DrugId).OnDelete(DeleteBehavior.Restrict);
    }
}
