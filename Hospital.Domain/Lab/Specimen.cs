using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Lab;

/// <summary>
/// One tube of a <see cref="LabOrder"/> with its barcode (from a database sequence, formatted by
/// <c>Lis:SpecimenBarcodeFormat</c>). The barcode is what analysers send back with every result and
/// ask about in host queries, so it is unique for ever, not per day.
/// </summary>
public class Specimen
{
    public long Id { get; set; }
    public long LabOrderId { get; set; }
    public LabOrder? LabOrder { get; set; }
    public int PatientId { get; set; }
    public string Barcode { get; set; } = "";
    public SpecimenType SpecimenType { get; set; }
    public DateTime? CollectedAt { get; set; }
    public string? CollectedBy { get; set; }
    public DateTime? ReceivedAt { get; set; }
    public string? ReceivedBy { get; set; }
    public List<LabOrderTest> Tests { get; set; } = [];
}

internal sealed class SpecimenConfiguration : IEntityTypeConfiguration<Specimen>
{
    public void Configure(EntityTypeBuilder<Specimen> b)
    {
        b.HasIndex(x => x.Barcode).IsUnique();
        b.HasIndex(x => x.LabOrderId);
        b.HasIndex(x => x.PatientId);
        b.Property(x => x.Barcode).HasMaxLength(30);
        b.Property(x => x.SpecimenType).HasConversion<int>();
        b.Property(x => x.CollectedBy).HasMaxLength(256);
        b.Property(x => x.ReceivedBy).HasMaxLength(256);
        b.HasOne<Patients.Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Tests).WithOne(x => x.Specimen).HasForeignKey(x => x.SpecimenId).OnDelete(DeleteBehavior.Restrict);
    }
}
