using Hospital.Domain.Clinical;
using Hospital.Domain.Visits;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Lab;

/// <summary>Where a lab order came from.</summary>
public enum LabOrderSource { Emr = 1, LabForm = 2, Api = 3 }

/// <summary>
/// A lab order as the LIS works on it: the tests asked for one patient at one time, split into
/// <see cref="Specimen"/>s by tube. Orders from the EMR carry the request number of their
/// <see cref="ServiceOrder"/>s (unique here, which makes the handoff idempotent); orders from the
/// lab's own form or the API have none.
/// </summary>
public class LabOrder
{
    public long Id { get; set; }
    public int PatientId { get; set; }
    public int? VisitId { get; set; }
    public Visit? Visit { get; set; }
    /// <summary>Số phiếu chỉ định of the EMR request this order was made from.</summary>
    public string? RequestNumber { get; set; }
    public LabOrderSource Source { get; set; }
    public OrderPriority Priority { get; set; }
    public DateTime OrderedAt { get; set; }
    public string OrderedBy { get; set; } = "";
    public List<Specimen> Specimens { get; set; } = [];
    public List<LabOrderTest> Tests { get; set; } = [];
}

internal sealed class LabOrderConfiguration : IEntityTypeConfiguration<LabOrder>
{
    public void Configure(EntityTypeBuilder<LabOrder> b)
    {
        b.HasIndex(x => x.RequestNumber).IsUnique();
        b.HasIndex(x => new { x.PatientId, x.OrderedAt });
        b.HasIndex(x => x.VisitId);
        b.Property(x => x.RequestNumber).HasMaxLength(30);
        b.Property(x => x.Source).HasConversion<int>();
        b.Property(x => x.Priority).HasConversion<int>();
        b.Property(x => x.OrderedBy).HasMaxLength(256);
        b.HasOne<Patients.Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Visit).WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Specimens).WithOne(x => x.LabOrder).HasForeignKey(x => x.LabOrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Tests).WithOne().HasForeignKey(x => x.LabOrderId).OnDelete(DeleteBehavior.Restrict);
    }
}
