using Hospital.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Patients;

/// <summary>
/// The patient master record (hồ sơ người bệnh). Elderly patients often know only their birth
/// year, so <see cref="DateOfBirth"/> is optional and <see cref="BirthYear"/> always set.
/// </summary>
public class Patient : IVoidable
{
    public int Id { get; set; }
    /// <summary>Mã bệnh nhân, from a database sequence (<see cref="Data.IdentifierSequences"/>).</summary>
    public string Code { get; set; } = "";
    public string FullName { get; set; } = "";
    /// <summary>Accent-free lower-case name for search (DESIGN.md "Data"); its word suffixes are in <see cref="PatientNameKey"/>.</summary>
    public string SearchKey { get; set; } = "";
    public DateOnly? DateOfBirth { get; set; }
    public int BirthYear { get; set; }
    public Sex Sex { get; set; }
    public string? EthnicityCode { get; set; }
    /// <summary>Nationality code; null means Vietnamese.</summary>
    public string? NationalityCode { get; set; }
    public string? OccupationCode { get; set; }
    /// <summary>Số căn cước / CCCD, 12 digits.</summary>
    public string? Cccd { get; set; }
    /// <summary>Old 9-digit CMND carried in the CCCD QR (NĐ 70/2024 Đ12 k1): a secondary identifier.</summary>
    public string? OldIdNumber { get; set; }
    public string? Phone { get; set; }
    public string? ProvinceCode { get; set; }
    public string? CommuneCode { get; set; }
    /// <summary>House number, street, hamlet: the part of the address below the commune.</summary>
    public string? AddressLine { get; set; }
    /// <summary>Guardian (người giám hộ / thân nhân): required for children under 6.</summary>
    public string? GuardianName { get; set; }
    public string? GuardianPhone { get; set; }
    /// <summary>Relation to the patient: "Bố", "Mẹ", "Ông", ...</summary>
    public string? GuardianRelation { get; set; }
    public string? GuardianCccd { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? UpdatedAt { get; set; }
    /// <summary>Set when an administrator merged this record into another one (<see cref="PatientMerge"/>); both histories stay.</summary>
    public int? MergedIntoId { get; set; }
    public DateTime? VoidedAt { get; set; }
    public string? VoidedBy { get; set; }
    public string? VoidReason { get; set; }
    public List<BhytCard> BhytCards { get; set; } = [];
    public List<PatientAllergy> Allergies { get; set; } = [];
}

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> b)
    {
        b.Property(x => x.Code).HasMaxLength(20);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.FullName).HasMaxLength(200);
        b.Property(x => x.SearchKey).HasMaxLength(200);
        b.HasIndex(x => x.SearchKey);
        b.Property(x => x.Sex).HasConversion<int>();
        b.HasIndex(x => x.BirthYear);
        b.Property(x => x.EthnicityCode).HasMaxLength(3);
        b.Property(x => x.NationalityCode).HasMaxLength(3);
        b.Property(x => x.OccupationCode).HasMaxLength(5);
        b.Property(x => x.Cccd).HasMaxLength(12);
        b.HasIndex(x => x.Cccd);
        b.Property(x => x.OldIdNumber).HasMaxLength(12);
        b.HasIndex(x => x.OldIdNumber);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.HasIndex(x => x.Phone);
        b.Property(x => x.ProvinceCode).HasMaxLength(2);
        b.Property(x => x.CommuneCode).HasMaxLength(5);
        b.Property(x => x.AddressLine).HasMaxLength(300);
        b.Property(x => x.GuardianName).HasMaxLength(200);
        b.Property(x => x.GuardianPhone).HasMaxLength(20);
        b.Property(x => x.GuardianRelation).HasMaxLength(50);
        b.Property(x => x.GuardianCccd).HasMaxLength(12);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.VoidedBy).HasMaxLength(256);
        b.Property(x => x.VoidReason).HasMaxLength(500);
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.BhytCards).WithOne().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Allergies).WithOne().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
