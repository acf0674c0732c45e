using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Billing;

/// <summary>
/// A receipt book (quyển biên lai): a series (ký hiệu) and a range of numbers handed out in order.
/// A book assigned to a cashier is used by that cashier only; an unassigned one is shared.
/// <see cref="NextNumber"/> is a concurrency token so two counters never print the same number.
/// </summary>
public class ReceiptBook
{
    public int Id { get; set; }
    public string Series { get; set; } = "";
    public string Name { get; set; } = "";
    public int FirstNumber { get; set; } = 1;
    public int LastNumber { get; set; }
    public int NextNumber { get; set; } = 1;
    public string? AssignedTo { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }

    public bool IsExhausted => NextNumber > LastNumber;
}

internal sealed class ReceiptBookConfiguration : IEntityTypeConfiguration<ReceiptBook>
{
    public void Configure(EntityTypeBuilder<ReceiptBook> b)
    {
        b.HasIndex(x => x.Series).IsUnique();
        b.Property(x => x.Series).HasMaxLength(20);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.AssignedTo).HasMaxLength(256);
        b.Property(x => x.NextNumber).IsConcurrencyToken();
        b.Ignore(x => x.IsExhausted);
    }
}
