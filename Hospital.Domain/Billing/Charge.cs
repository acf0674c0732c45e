using Hospital.Domain.Catalog;
using Hospital.Domain.Common;
using Hospital.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Billing;

public enum ChargeItemKind { Service = 1, Drug = 2, Supply = 3 }

/// <summary>
/// One chargeable item of a visit (exam fee, service, lab test, drug, supply), priced when it
/// was ordered: <see cref="UnitPrice"/> is the price for the visit kind (BHYT price for a BHYT
/// visit, fee price otherwise), <see cref="BhytUnitPrice"/> what the fund recognises (DON_GIA_BH),
/// <see cref="BhytPayableRatio"/> TYLE_TT in percent. Lines are voided, never deleted; the
/// claim XML (XML2/XML3) and the statement are built from them.
/// </summary>
public class Charge : IVoidable
{
    public long Id { get; set; }
    public int VisitId { get; set; }
    public Visit? Visit { get; set; }
    public ChargeItemKind ItemKind { get; set; }
    public int? ServiceId { get; set; }
    public int? DrugId { get; set; }
    public int? SupplyId { get; set; }
    /// <summary>MA_DICH_VU / MA_THUOC / MA_VAT_TU as priced.</summary>
    public string ItemCode { get; set; } = "";
    public string ItemName { get; set; } = "";
    public string Unit { get; set; } = "";
    public BhytCostGroup CostGroup { get; set; }
    public decimal Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal? BhytUnitPrice { get; set; }
    public decimal BhytPayableRatio { get; set; } = 100;
    public int? DepartmentId { get; set; }
    /// <summary>User who ordered it and the staff entry (CCHN) of the ordering doctor when known.</summary>
    public string OrderedBy { get; set; } = "";
    public int? OrderingStaffId { get; set; }
    public int? PerformingStaffId { get; set; }
    public DateTime OrderedAt { get; set; }
    public DateTime? PerformedAt { get; set; }
    public DateTime? VoidedAt { get; set; }
    public string? VoidedBy { get; set; }
    public string? VoidReason { get; set; }

    public decimal Amount => decimal.Round(Quantity * UnitPrice, 2, MidpointRounding.AwayFromZero);
}

internal sealed class ChargeConfiguration : IEntityTypeConfiguration<Charge>
{
    public void Configure(EntityTypeBuilder<Charge> b)
    {
        b.HasIndex(x => x.VisitId);
        b.Property(x => x.ItemKind).HasConversion<int>();
        b.Property(x => x.CostGroup).HasConversion<int>();
        b.Property(x => x.ItemCode).HasMaxLength(50);
        b.Property(x => x.ItemName).HasMaxLength(1000);
        b.Property(x => x.Unit).HasMaxLength(50);
        b.Property(x => x.Quantity).HasPrecision(18, 3);
        b.Property(x => x.UnitPrice).HasPrecision(18, 3);
        b.Property(x => x.BhytUnitPrice).HasPrecision(18, 3);
        b.Property(x => x.BhytPayableRatio).HasPrecision(5, 2);
        b.Property(x => x.OrderedBy).HasMaxLength(256);
        b.Property(x => x.VoidedBy).HasMaxLength(256);
        b.Property(x => x.VoidReason).HasMaxLength(500);
        b.Ignore(x => x.Amount);
        b.HasOne(x => x.Visit).WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<MedicalService>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Drug>().WithMany().HasForeignKey(x => x.DrugId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Supply>().WithMany().HasForeignKey(x => x.SupplyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
