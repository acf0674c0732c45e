using Hospital.Domain.Clinical;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Lab;

/// <summary>
/// A critical value (giá trị nguy hiểm) that must reach the ordering doctor: raised when such a
/// result is validated, shown to that doctor until acknowledged, with who acknowledged it and
/// when (the lab must be able to prove the doctor was told).
/// </summary>
public class CriticalValueAlert
{
    public long Id { get; set; }
    public long LabResultId { get; set; }
    public int PatientId { get; set; }
    public int? VisitId { get; set; }
    public long? ServiceOrderId { get; set; }
    /// <summary>User name of the ordering doctor (ServiceOrder.OrderedBy), or null when the order came from the lab form.</summary>
    public string? NotifyUser { get; set; }
    public string TestCode { get; set; } = "";
    public string TestName { get; set; } = "";
    public string Value { get; set; } = "";
    public string? Unit { get; set; }
    public ResultFlag Flag { get; set; }
    public DateTime RaisedAt { get; set; }
    public string RaisedBy { get; set; } = "";
    public DateTime? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
}

internal sealed class CriticalValueAlertConfiguration : IEntityTypeConfiguration<CriticalValueAlert>
{
    public void Configure(EntityTypeBuilder<CriticalValueAlert> b)
    {
        b.ToTable("lab_critical_alerts");
        b.HasIndex(x => new { x.NotifyUser, x.AcknowledgedAt });
        b.HasIndex(x => x.LabResultId);
        b.HasIndex(x => x.PatientId);
        b.Property(x => x.NotifyUser).HasMaxLength(256);
        b.Property(x => x.TestCode).HasMaxLength(30);
        b.Property(x => x.TestName).HasMaxLength(300);
        b.Property(x => x.Value).HasMaxLength(200);
        b.Property(x => x.Unit).HasMaxLength(30);
        b.Property(x => x.Flag).HasConversion<int>();
        b.Property(x => x.RaisedBy).HasMaxLength(256);
        b.Property(x => x.AcknowledgedBy).HasMaxLength(256);
        b.HasOne<LabResult>().WithMany().HasForeignKey(x => x.LabResultId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Visits.Visit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
    }
}
