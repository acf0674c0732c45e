using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Pharmacy;

/// <summary>
/// Phiếu nhập kho: stock received into a store from a supplier's invoice. Its lines are the
/// <see cref="StockMovementKind.Receipt"/> movements with <see cref="StockDocument.Receipt"/> and this id
/// (lot, expiry, quantity, unit cost). Written in one transaction with them; never edited after.
/// </summary>
public class StockReceipt
{
    public int Id { get; set; }
    /// <summary>Số phiếu, e.g. PN-2026-000123.</summary>
    public string Number { get; set; } = "";
    public int StoreId { get; set; }
    public string Supplier { get; set; } = "";
    public string InvoiceNumber { get; set; } = "";
    public DateOnly InvoiceDate { get; set; }
    public DateTime ReceivedAt { get; set; }
    public string ReceivedBy { get; set; } = "";
    public string? Note { get; set; }
}

internal sealed class StockReceiptConfiguration : IEntityTypeConfiguration<StockReceipt>
{
    public void Configure(EntityTypeBuilder<StockReceipt> b)
    {
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => new { x.StoreId, x.ReceivedAt });
        b.Property(x => x.Number).HasMaxLength(30);
        b.Property(x => x.Supplier).HasMaxLength(300);
        b.Property(x => x.InvoiceNumber).HasMaxLength(50);
        b.Property(x => x.ReceivedBy).HasMaxLength(256);
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasOne<Store>().WithMany().HasForeignKey(x => x.StoreId).OnDelete(DeleteBehavior.Restrict);
    }
}
