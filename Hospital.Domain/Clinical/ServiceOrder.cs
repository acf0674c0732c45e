using Hospital.Domain.Billing;
using Hospital.Domain.Catalog;
using Hospital.Domain.Common;
using Hospital.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Clinical;

/// <summary>What kind of department performs an order; lab orders are handed to the LIS.</summary>
public enum OrderKind { Lab = 1, Imaging = 2, FunctionalTest = 3, Procedure = 4, Other = 9 }

public enum OrderStatus { Ordered = 1, InProgress = 2, Performed = 3, Cancelled = 9 }

public enum OrderPriority { Routine = 0, Stat = 1 }

/// <summary>
/// One ordered service (chỉ định cận lâm sàng / dịch vụ kỹ thuật) of a visit: a lab test, an
/// imaging study, a functional test or a procedure from the service catalog. Ordering creates its
/// <see cref="Charge"/> at the price for the visit kind; until it is performed it can be cancelled
/// with a reason (<see cref="IVoidable"/>: the order and its charge are voided together).
/// Lab orders are what the LIS turns into specimens; results come back as
/// <see cref="ServiceResult"/> rows (lab values) or <see cref="ResultText"/> (imaging, procedures).
/// </summary>
public class ServiceOrder : IVoidable
{
    public long Id { get; set; }
    /// <summary>Số phiếu chỉ định; all services ordered together share it.</summary>
    public string RequestNumber { get; set; } = "";
    public int VisitId { get; set; }
    public Visit? Visit { get; set; }
    public int PatientId { get; set; }
    public int ServiceId { get; set; }
    public MedicalService? Service { get; set; }
    public string ServiceCode { get; set; } = "";
    public string ServiceName { get; set; } = "";
    public OrderKind Kind { get; set; }
    public OrderPriority Priority { get; set; }
    public OrderStatus Status { get; set; } = OrderStatus.Ordered;
    /// <summary>The panel (bộ xét nghiệm) it was ordered from, if any.</summary>
    public int? OrderSetId { get; set; }
    public string? ClinicalNote { get; set; }
    public DateTime OrderedAt { get; set; }
    public string OrderedBy { get; set; } = "";
    public int? OrderingStaffId { get; set; }
    public long? ChargeId { get; set; }
    public Charge? Charge { get; set; }
    public DateTime? PerformedAt { get; set; }
    public string? PerformedBy { get; set; }
    public int? PerformingStaffId { get; set; }
    /// <summary>Text result (mô tả) and conclusion (kết luận) of imaging and other non-lab orders.</summary>
    public string? ResultText { get; set; }
    public string? ResultConclusion { get; set; }
    public DateTime? VoidedAt { get; set; }
    public string? VoidedBy { get; set; }
    public string? VoidReason { get; set; }

    public static OrderKind KindOf(BhytCostGroup group) => group switch
    {
        BhytCostGroup.Lab => OrderKind.Lab,
        BhytCostGroup.Imaging => OrderKind.Imaging,
        BhytCostGroup.FunctionalTest => OrderKind.FunctionalTest,
        BhytCostGroup.Surgery or BhytCostGroup.Procedure or BhytCostGroup.ServiceByRate => OrderKind.Procedure,
        _ => OrderKind.Other,
    };
}

internal sealed class ServiceOrderConfiguration : IEntityTypeConfiguration<ServiceOrder>
{
    public void Configure(EntityTypeBuilder<ServiceOrder> b)
    {
        b.HasIndex(x => x.VisitId);
        b.HasIndex(x => new { x.PatientId, x.OrderedAt });
        b.HasIndex(x => x.RequestNumber);
        b.HasIndex(x => new { x.Kind, x.Status });
        b.Property(x => x.RequestNumber).HasMaxLength(30);
        b.Property(x => x.ServiceCode).HasMaxLength(50);
        b.Property(x => x.ServiceName).HasMaxLength(1000);
        b.Property(x => x.Kind).HasConversion<int>();
        b.Property(x => x.Priority).HasConversion<int>();
        b.Property(x => x.Status).HasConversion<int>();
        b.Property(x => x.ClinicalNote).HasMaxLength(1000);
        b.Property(x => x.OrderedBy).HasMaxLength(256);
        b.Property(x => x.PerformedBy).HasMaxLength(256);
        b.Property(x => x.ResultText).HasMaxLength(8000);
        b.Property(x => x.ResultConclusion).HasMaxLength(2000);
        b.Property(x => x.VoidedBy).HasMaxLength(256);
        b.Property(x => x.VoidReason).HasMaxLength(500);
        b.HasOne(x => x.Visit).WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Patients.Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Service).WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrderSet>().WithMany().HasForeignKey(x => x.OrderSetId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Charge).WithMany().HasForeignKey(x => x.ChargeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.OrderingStaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.PerformingStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
