using Hospital.Domain.Clinical;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Pharmacy;

/// <summary>
/// One handing-out of a signed prescription at a store (phiếu xuất cấp phát). Its lines are the
/// <see cref="StockMovementKind.Dispense"/> movements with <see cref="StockDocument.Dispensation"/>,
/// this id and the prescription line in <see cref="StockMovement.DocumentLineId"/>; drugs brought
/// back are <see cref="StockMovementKind.DispenseReturn"/> movements against the same dispensation.
/// A prescription short of stock is dispensed in several of these. For narcotic and psychotropic
/// drugs the receiver's name and identity number are required (TT 26/2025 PL II/III, TT 20/2017 Đ41).
/// </summary>
public class Dispensation
{
    public int Id { get; set; }
    public string Number { get; set; } = "";
    public int PrescriptionId { get; set; }
    public int StoreId { get; set; }
    public DateTime DispensedAt { get; set; }
    public string DispensedBy { get; set; } = "";
    public string? ReceiverName { get; set; }
    public string? ReceiverIdNumber { get; set; }
    public string? Note { get; set; }
}

/// <summary>How much of a signed prescription the pharmacy has handed out.</summary>
public enum DispensingStatus
{
    NotDispensed = 0,
    Partial = 1,
    Complete = 2,
    /// <summary>The rest will not be dispensed (the patient declined it, or the 5 days of TT 26 passed).</summary>
    Closed = 3,
}

internal sealed class DispensationConfiguration : IEntityTypeConfiguration<Dispensation>
{
    public void Configure(EntityTypeBuilder<Dispensation> b)
    {
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => x.PrescriptionId);
        b.HasIndex(x => new { x.StoreId, x.DispensedAt });
        b.Property(x => x.Number).HasMaxLength(30);
        b.Property(x => x.DispensedBy).HasMaxLength(256);
        b.Property(x => x.ReceiverName).HasMaxLength(200);
        b.Property(x => x.ReceiverIdNumber).HasMaxLength(20);
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasOne<Prescription>().WithMany().HasForeignKey(x => x.PrescriptionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Store>().WithMany().HasForeignKey(x => x.StoreId).OnDelete(DeleteBehavior.Restrict);
    }
}
