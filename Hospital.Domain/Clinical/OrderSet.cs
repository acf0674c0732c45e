using Hospital.Domain.Catalog;
using Hospital.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Clinical;

/// <summary>
/// A panel or order set (bộ chỉ định, e.g. "Sinh hóa máu cơ bản"): services a doctor orders
/// together with one click. Each service is still ordered and charged on its own line.
/// </summary>
public class OrderSet : CatalogEntry
{
    public List<OrderSetItem> Items { get; set; } = [];
}

public class OrderSetItem
{
    public int Id { get; set; }
    public int OrderSetId { get; set; }
    public int ServiceId { get; set; }
    public MedicalService? Service { get; set; }
    public int Position { get; set; }
}

internal sealed class OrderSetConfiguration : CatalogEntryConfiguration<OrderSet>
{
    protected override int CodeLength => 30;
    protected override void ConfigureMore(EntityTypeBuilder<OrderSet> b)
    {
        b.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.OrderSetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrderSetItemConfiguration : IEntityTypeConfiguration<OrderSetItem>
{
    public void Configure(EntityTypeBuilder<OrderSetItem> b)
    {
        b.HasIndex(x => new { x.OrderSetId, x.ServiceId }).IsUnique();
        b.HasOne(x => x.Service).WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}
