using Hospital.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Pharmacy;

/// <summary>
/// On hand of one lot in one store: the running sum of its <see cref="StockMovement"/> rows, kept
/// by <c>StockLedger</c> in the same transaction as the rows. Decrements are a conditional
/// <c>UPDATE … SET on_hand = on_hand - q WHERE on_hand &gt;= q</c>, so two pharmacists taking the
/// last box cannot both succeed and the quantity never goes below zero on either database.
/// Not audited: the ledger rows are the audit.
/// </summary>
public class StockBalance : INotAudited
{
    public int StoreId { get; set; }
    public int LotId { get; set; }
    public int DrugId { get; set; }
    public decimal OnHand { get; set; }
    /// <summary>Last purchase price of the lot, for valuing what is on hand.</summary>
    public decimal UnitCost { get; set; }
}

internal sealed class StockBalanceConfiguration : IEntityTypeConfiguration<StockBalance>
{
    public void Configure(EntityTypeBuilder<StockBalance> b)
    {
        b.HasKey(x => new { x.StoreId, x.LotId });
        b.HasIndex(x => new { x.DrugId, x.StoreId });
        b.Property(x => x.OnHand).HasPrecision(18, 3);
        b.Property(x => x.UnitCost).HasPrecision(18, 3);
        b.HasOne<Store>().WithMany().HasForeignKey(x => x.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DrugLot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Catalog.Drug>().WithMany().HasForeignKey(x => x.DrugId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable("stock_balances", t => t.HasCheckConstraint("ck_stock_balances_on_hand", "on_hand >= 0"));
    }
}
