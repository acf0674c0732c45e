using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Pharmacy;

/// <summary>
/// A manufacturer's lot (số lô) of a drug with its expiry (hạn dùng). Created by the first receipt
/// of that lot; a later receipt of the same lot must carry the same expiry. A recalled lot (thu hồi,
/// by a Cục Quản lý Dược notice) stays in the ledger but is never allocated again.
/// </summary>
public class DrugLot
{
    public int Id { get; set; }
    public int DrugId { get; set; }
    public string LotNumber { get; set; } = "";
    public DateOnly Expiry { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RecalledAt { get; set; }
    public string? RecalledBy { get; set; }
    public string? RecallReason { get; set; }

    public bool IsRecalled => RecalledAt is not null;
}

internal sealed class DrugLotConfiguration : IEntityTypeConfiguration<DrugLot>
{
    public void Configure(EntityTypeBuilder<DrugLot> b)
    {
        b.HasIndex(x => new { x.DrugId, x.LotNumber }).IsUnique();
        b.Property(x => x.LotNumber).HasMaxLength(50);
        b.Property(x => x.RecalledBy).HasMaxLength(256);
        b.Property(x => x.RecallReason).HasMaxLength(500);
        b.Ignore(x => x.IsRecalled);
        b.HasOne<Catalog.Drug>().WithMany().HasForeignKey(x => x.DrugId).OnDelete(DeleteBehavior.Restrict);
    }
}
