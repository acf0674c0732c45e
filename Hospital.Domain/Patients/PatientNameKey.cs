using Hospital.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Patients;

/// <summary>
/// One word-suffix of a patient's accent-free name: "nguyen van an" is stored as "nguyen van an",
/// "van an" and "an". A typed name (any case, with or without diacritics) then becomes one
/// index range scan on both SQLite and PostgreSQL: the words a clerk types from any word of the
/// name onwards ("van an", "an") find the patient without scanning the table (DESIGN.md "Data":
/// index the words of the normalized key). Rebuilt whenever the name changes.
/// </summary>
public class PatientNameKey : INotAudited
{
    public string Key { get; set; } = "";
    public int PatientId { get; set; }
    /// <summary>Word position the suffix starts at (0 = whole name), so whole-name matches rank first.</summary>
    public int WordIndex { get; set; }
}

internal sealed class PatientNameKeyConfiguration : IEntityTypeConfiguration<PatientNameKey>
{
    public void Configure(EntityTypeBuilder<PatientNameKey> b)
    {
        b.ToTable("patient_name_keys");
        b.HasKey(x => new { x.Key, x.PatientId });
        b.Property(x => x.Key).HasMaxLength(200);
        b.HasIndex(x => x.PatientId);
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Cascade);
    }
}
