using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Pharmacy;

/// <summary>
/// Phiếu xuất khác: stock leaving a store other than by dispensing or transfer: back to the
/// supplier, lost or broken, or destroyed (expired, recalled). Needs a reason; its lines are
/// movements of the matching kind with <see cref="StockDocument.WriteOff"/> and this id.
/// </summary>
public class StockWriteOff
{
    public int Id { get; set; }
    public string Number { get; set; } = "";
    public int StoreId { get; set; }
    /// <summary><see cref="StockMovementKind.SupplierReturn"/>, <see cref="StockMovementKind.Loss"/> or <see cref="StockMovementKind.Disposal"/>.</summary>
    public StockMovementKind Kind { get; set; }
    public string Reason { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}

internal sealed class StockWriteOffConfiguration : IEntityTypeConfiguration<StockWriteOff>
{
    public void Configure(EntityTypeBuilder<StockWriteOff> b)
    {
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => new { x.StoreId, x.RecordedAt });
        b.Property(x => x.Number).HasMaxLength(30);
        b.Property(x => x.Kind).HasConversion<int>();
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.HasOne<Store>().WithMany().HasForeignKey(x => x.StoreId).OnDelete(DeleteBehavior.Restrict);
    }
}
