using Hospital.Domain.Clinical;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Lab;

/// <summary>Where one ordered test is in the lab, in order; <see cref="Cancelled"/> when its EMR order was cancelled.</summary>
public enum LabTestStatus
{
    Ordered = 1,
    Collected = 2,
    Received = 3,
    OnAnalyser = 4,
    Resulted = 5,
    Validated = 6,
    Released = 7,
    Cancelled = 9,
}

/// <summary>
/// One test of a <see cref="LabOrder"/> in one <see cref="Specimen"/>, with its own status (a
/// specimen's tests are resulted and validated one by one). <see cref="ServiceOrderId"/> links
/// it to the EMR order it came from, so validated values can be released to that order
/// (<see cref="LabResultRelease"/>).
/// </summary>
public class LabOrderTest
{
    public long Id { get; set; }
    public long LabOrderId { get; set; }
    public long SpecimenId { get; set; }
    public Specimen? Specimen { get; set; }
    public int LabTestId { get; set; }
    public LabTest? LabTest { get; set; }
    public string TestCode { get; set; } = "";
    public long? ServiceOrderId { get; set; }
    public LabTestStatus Status { get; set; } = LabTestStatus.Ordered;
    public DateTime StatusChangedAt { get; set; }
}

internal sealed class LabOrderTestConfiguration : IEntityTypeConfiguration<LabOrderTest>
{
    public void Configure(EntityTypeBuilder<LabOrderTest> b)
    {
        b.HasIndex(x => x.LabOrderId);
        b.HasIndex(x => x.SpecimenId);
        b.HasIndex(x => x.ServiceOrderId);
        b.HasIndex(x => new { x.LabTestId, x.Status });
        b.Property(x => x.TestCode).HasMaxLength(30);
        b.Property(x => x.Status).HasConversion<int>();
        b.HasOne(x => x.LabTest).WithMany().HasForeignKey(x => x.LabTestId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ServiceOrder>().WithMany().HasForeignKey(x => x.ServiceOrderId).OnDelete(DeleteBehavior.Restrict);
    }
}
