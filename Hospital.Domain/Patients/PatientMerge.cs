using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Patients;

/// <summary>
/// An administrator's decision that two records are one person. The merged record keeps its
/// own visits, cards and audit trail and points at the survivor (<see cref="Patient.MergedIntoId"/>);
/// nothing is moved or deleted, so the merge can be explained later from both histories.
/// </summary>
public class PatientMerge
{
    public int Id { get; set; }
    public int SurvivorId { get; set; }
    public int MergedId { get; set; }
    public string Reason { get; set; } = "";
    public DateTime MergedAt { get; set; }
    public string MergedBy { get; set; } = "";
}

internal sealed class PatientMergeConfiguration : IEntityTypeConfiguration<PatientMerge>
{
    public void Configure(EntityTypeBuilder<PatientMerge> b)
    {
        b.ToTable("patient_merges");
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.MergedBy).HasMaxLength(256);
        b.HasIndex(x => x.SurvivorId);
        b.HasIndex(x => x.MergedId).IsUnique();
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.SurvivorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.MergedId).OnDelete(DeleteBehavior.Restrict);
    }
}
