using Hospital.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Pharmacy;

/// <summary>
/// One row of the stock ledger (thẻ kho): a signed quantity of one lot entering (+) or leaving (−)
/// one store, with the document that caused it. Written once, never changed or deleted; a mistake
/// is corrected by a further movement. The on-hand quantity of a lot in a store is the sum of its
/// rows (<see cref="StockBalance"/> keeps that sum current, and the ledger check compares them).
/// </summary>
public class StockMovement : IImmutableRecord
{
    public long Id { get; set; }
    public int StoreId { get; set; }
    public int LotId { get; set; }
    public int DrugId { get; set; }
    public StockMovementKind Kind { get; set; }
    /// <summary>Positive into the store, negative out of it, in the drug's unit of issue.</summary>
    public decimal Quantity { get; set; }
    /// <summary>Purchase price per unit (VAT included) of the lot as received; carried by every movement for the value columns of the stock report.</summary>
    public decimal UnitCost { get; set; }
    public DateTime OccurredAt { get; set; }
    public string RecordedBy { get; set; } = "";
    public StockDocument Document { get; set; }
    public int DocumentId { get; set; }
    /// <summary>Line of the document (prescription line for dispensing and returns), when it has lines.</summary>
    public int? DocumentLineId { get; set; }
    /// <summary>Why, for losses, disposals, returns and count differences.</summary>
    public string? Reason { get; set; }
}

public enum StockMovementKind
{
    Receipt = 1,
    TransferOut = 2,
    TransferIn = 3,
    Dispense = 4,
    /// <summary>A patient brings back drugs that were dispensed and not used.</summary>
    DispenseReturn = 5,
    /// <summary>Back to the supplier (trả nhà cung cấp).</summary>
    SupplierReturn = 6,
    /// <summary>Broken, lost (hư hỏng, mất).</summary>
    Loss = 7,
    /// <summary>Destroyed: expired, recalled (hủy).</summary>
    Disposal = 8,
    /// <summary>Difference found by a stock count (kiểm kê), + or −.</summary>
    CountAdjustment = 9,
}

/// <summary>The document a movement belongs to; <see cref="StockMovement.DocumentId"/> is its id.</summary>
public enum StockDocument { Receipt = 1, Transfer = 2, Dispensation = 3, WriteOff = 4, Count = 5 }

internal sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> b)
    {
        b.HasIndex(x => new { x.StoreId, x.OccurredAt });
        b.HasIndex(x => new { x.LotId, x.StoreId });
        b.HasIndex(x => new { x.Document, x.DocumentId });
        b.HasIndex(x => new { x.DrugId, x.OccurredAt });
        b.Property(x => x.Kind).HasConversion<int>();
        b.Property(x => x.Document).HasConversion<int>();
        b.Property(x => x.Quantity).HasPrecision(18, 3);
        b.Property(x => x.UnitCost).HasPrecision(18, 3);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.HasOne<Store>().WithMany().HasForeignKey(x => x.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DrugLot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Catalog.Drug>().WithMany().HasForeignKey(x => x.DrugId).OnDelete(DeleteBehavior.Restrict);
    }
}
