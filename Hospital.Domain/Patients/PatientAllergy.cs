using Hospital.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Patients;

public enum AllergySeverity { Unknown = 0, Mild = 1, Moderate = 2, Severe = 3 }

/// <summary>
/// A known allergy (tiền sử dị ứng), shown as a banner wherever the patient is open and checked
/// against prescriptions. <see cref="Substance"/> is what the patient or record says ("Penicillin",
/// "hải sản"); <see cref="SubstanceKey"/> is its accent-free key for matching active ingredients.
/// </summary>
public class PatientAllergy : IVoidable
{
    public int Id { get; set; }
    public int PatientId { get; set; }
    public string Substance { get; set; } = "";
    public string SubstanceKey { get; set; } = "";
    public string? Reaction { get; set; }
    public AllergySeverity Severity { get; set; }
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime? VoidedAt { get; set; }
    public string? VoidedBy { get; set; }
    public string? VoidReason { get; set; }
}

internal sealed class PatientAllergyConfiguration : IEntityTypeConfiguration<PatientAllergy>
{
    public void Configure(EntityTypeBuilder<PatientAllergy> b)
    {
        b.ToTable("patient_allergies");
        b.Property(x => x.Substance).HasMaxLength(200);
        b.Property(x => x.SubstanceKey).HasMaxLength(200);
        b.Property(x => x.Reaction).HasMaxLength(500);
        b.Property(x => x.Severity).HasConversion<int>();
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.Property(x => x.VoidedBy).HasMaxLength(256);
        b.Property(x => x.VoidReason).HasMaxLength(500);
    }
}
