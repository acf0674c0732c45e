using Hospital.Domain.Catalog;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Lab;

/// <summary>
/// What an ordered lab <see cref="MedicalService"/> is made of: one row per <see cref="LabTest"/>,
/// in report order. A single-test service (glucose) has one row; a panel ("Tổng phân tích tế bào
/// máu" → WBC, RBC, HGB, HCT, PLT…) has several. The service is what is billed; the tests are what
/// the analysers measure.
/// </summary>
public class LabServiceTest
{
    public int Id { get; set; }
    public int ServiceId { get; set; }
    public MedicalService? Service { get; set; }
    public int LabTestId { get; set; }
    public LabTest? LabTest { get; set; }
    public int Position { get; set; }
}

internal sealed class LabServiceTestConfiguration : IEntityTypeConfiguration<LabServiceTest>
{
    public void Configure(EntityTypeBuilder<LabServiceTest> b)
    {
        b.HasIndex(x => new { x.ServiceId, x.LabTestId }).IsUnique();
        b.HasIndex(x => x.LabTestId);
        b.HasOne(x => x.Service).WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.LabTest).WithMany().HasForeignKey(x => x.LabTestId).OnDelete(DeleteBehavior.Restrict);
    }
}
