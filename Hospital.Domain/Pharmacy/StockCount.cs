using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Pharmacy;

/// <summary>
/// Biên bản kiểm kê: a count of one store. Opening it snapshots the book quantity of every lot;
/// staff enter what they counted; posting writes each difference as a
/// <see cref="StockMovementKind.CountAdjustment"/> (against the book quantity at posting time, so
/// movements during the count are not lost) and closes the count for good.
/// </summary>
public class StockCount
{
    public int Id { get; set; }
    public string Number { get; set; } = "";
    public int StoreId { get; set; }
    public StockCountStatus Status { get; set; }
    public DateTime StartedAt { get; set; }
    public string StartedBy { get; set; } = "";
    public DateTime? PostedAt { get; set; }
    public string? PostedBy { get; set; }
    public string? Note { get; set; }
    public List<StockCountLine> Lines { get; set; } = [];
}

public enum StockCountStatus { Open = 1, Posted = 2, Cancelled = 9 }

public class StockCountLine
{
    public int Id { get; set; }
    public int CountId { get; set; }
    public int LotId { get; set; }
    public int DrugId { get; set; }
    /// <summary>Book quantity when the count was opened.</summary>
    public decimal BookQuantity { get; set; }
    /// <summary>Null until counted.</summary>
    public decimal? CountedQuantity { get; set; }
    public string? Reason { get; set; }
}

internal sealed class StockCountConfiguration : IEntityTypeConfiguration<StockCount>
{
    public void Configure(EntityTypeBuilder<StockCount> b)
    {
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => new { x.StoreId, x.Status });
        b.Property(x => x.Number).HasMaxLength(30);
        b.Property(x => x.Status).HasConversion<int>().IsConcurrencyToken();
        b.Property(x => x.StartedBy).HasMaxLength(256);
        b.Property(x => x.PostedBy).HasMaxLength(256);
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasOne<Store>().WithMany().HasForeignKey(x => x.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.CountId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StockCountLineConfiguration : IEntityTypeConfiguration<StockCountLine>
{
    public void Configure(EntityTypeBuilder<StockCountLine> b)
    {
        b.HasIndex(x => new { x.CountId, x.LotId }).IsUnique();
        b.Property(x => x.BookQuantity).HasPrecision(18, 3);
        b.Property(x => x.CountedQuantity).HasPrecision(18, 3);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.HasOne<DrugLot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Catalog.Drug>().WithMany().HasForeignKey(x => x.DrugId).OnDelete(DeleteBehavior.Restrict);
    }
}
