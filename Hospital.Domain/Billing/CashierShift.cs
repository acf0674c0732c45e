using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Billing;

/// <summary>
/// A cashier's shift (ca thu ngân): opened at the first transaction, closed with the cash counted
/// in the drawer. The close report sums the shift's completed transactions by kind and method.
/// </summary>
public class CashierShift
{
    public long Id { get; set; }
    public string Cashier { get; set; } = "";
    public DateTime OpenedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    /// <summary>Cash counted in the drawer at close; the report shows the difference from the expected cash.</summary>
    public decimal? CashCounted { get; set; }
    public string? Note { get; set; }
}

internal sealed class CashierShiftConfiguration : IEntityTypeConfiguration<CashierShift>
{
    public void Configure(EntityTypeBuilder<CashierShift> b)
    {
        b.HasIndex(x => new { x.Cashier, x.OpenedAt });
        b.Property(x => x.Cashier).HasMaxLength(256);
        b.Property(x => x.CashCounted).HasPrecision(18, 2);
        b.Property(x => x.Note).HasMaxLength(500);
    }
}
