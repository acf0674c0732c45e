using Hospital.Domain.Catalog;
using Hospital.Domain.Common;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Pharmacy;

/// <summary>
/// Where drugs are kept: the main store (kho chính) receives from suppliers, the outpatient
/// dispensary (nhà thuốc / kho cấp phát ngoại trú) hands out prescriptions, ward cabinets (tủ trực)
/// hold a department's emergency stock. Stock is only ever moved between stores by the ledger.
/// </summary>
public class Store : CatalogEntry
{
    public StoreKind Kind { get; set; } = StoreKind.Main;
    /// <summary>The department a ward cabinet belongs to.</summary>
    public int? DepartmentId { get; set; }
}

public enum StoreKind { Main = 1, Dispensary = 2, WardCabinet = 3 }

internal sealed class StoreConfiguration : CatalogEntryConfiguration<Store>
{
    protected override void ConfigureMore(EntityTypeBuilder<Store> b)
    {
        b.ToTable("stores");
        b.Property(x => x.Kind).HasConversion<int>();
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(Microsoft.EntityFrameworkCore.DeleteBehavior.Restrict);
    }
}
