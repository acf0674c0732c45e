using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Pharmacy;

/// <summary>
/// Phiếu lĩnh / dự trù between stores: the receiving store requests drugs and quantities, the
/// issuing store approves and issues lots (FEFO; <see cref="StockMovementKind.TransferOut"/> rows at
/// approval, so the goods are off its shelf while in transit), and the receiving store confirms
/// (<see cref="StockMovementKind.TransferIn"/> rows, same lots and quantities). A request may be
/// refused with a reason before approval.
/// </summary>
public class StockTransfer
{
    public int Id { get; set; }
    public string Number { get; set; } = "";
    public int FromStoreId { get; set; }
    public int ToStoreId { get; set; }
    public StockTransferStatus Status { get; set; }
    public DateTime RequestedAt { get; set; }
    public string RequestedBy { get; set; } = "";
    public DateTime? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTime? ReceivedAt { get; set; }
    public string? ReceivedBy { get; set; }
    public DateTime? RefusedAt { get; set; }
    public string? RefusedBy { get; set; }
    public string? Note { get; set; }
    public List<StockTransferLine> Lines { get; set; } = [];
}

public enum StockTransferStatus { Requested = 1, Approved = 2, Received = 3, Refused = 9 }

/// <summary>A drug and quantity the receiving store asked for; the lots issued are the transfer's movements.</summary>
public class StockTransferLine
{
    public int Id { get; set; }
    public int TransferId { get; set; }
    public int DrugId { get; set; }
    public decimal RequestedQuantity { get; set; }
}

internal sealed class StockTransferConfiguration : IEntityTypeConfiguration<StockTransfer>
{
    public void Configure(EntityTypeBuilder<StockTransfer> b)
    {
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => new { x.Status, x.RequestedAt });
        b.Property(x => x.Number).HasMaxLength(30);
        b.Property(x => x.Status).HasConversion<int>().IsConcurrencyToken();
        b.Property(x => x.RequestedBy).HasMaxLength(256);
        b.Property(x => x.ApprovedBy).HasMaxLength(256);
        b.Property(x => x.ReceivedBy).HasMaxLength(256);
        b.Property(x => x.RefusedBy).HasMaxLength(256);
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasOne<Store>().WithMany().HasForeignKey(x => x.FromStoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Store>().WithMany().HasForeignKey(x => x.ToStoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.TransferId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StockTransferLineConfiguration : IEntityTypeConfiguration<StockTransferLine>
{
    public void Configure(EntityTypeBuilder<StockTransferLine> b)
    {
        b.HasIndex(x => x.TransferId);
        b.Property(x => x.RequestedQuantity).HasPrecision(18, 3);
        b.HasOne<Catalog.Drug>().WithMany().HasForeignKey(x => x.DrugId).OnDelete(DeleteBehavior.Restrict);
    }
}
