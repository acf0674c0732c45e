using Hospital.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Clinical;

/// <summary>Where a clinician's signing key lives.</summary>
public enum CertificateSource { Pkcs12 = 1, Store = 2 }

/// <summary>
/// A clinician's signing certificate (Luật GDĐT 2023; TT 13/2025: each medical record is signed by
/// the person responsible with their own digital signature). Either a PKCS#12 file kept here,
/// encrypted by its own password (which is never stored: the doctor types it when signing), or a
/// thumbprint in the server's certificate store. Revoked rows are kept for the record.
/// </summary>
public class ClinicianCertificate
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public AppUser? User { get; set; }
    public string Subject { get; set; } = "";
    public string Thumbprint { get; set; } = "";
    public string SerialNumber { get; set; } = "";
    public DateTime NotBefore { get; set; }
    public DateTime NotAfter { get; set; }
    public CertificateSource Source { get; set; }
    /// <summary>The PKCS#12 as uploaded: key and certificate encrypted under the clinician's password.</summary>
    public byte[]? EncryptedPkcs12 { get; set; }
    /// <summary>For <see cref="CertificateSource.Store"/>: "CurrentUser" or "LocalMachine" (store My).</summary>
    public string? StoreLocation { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public string? RevokeReason { get; set; }

    public bool IsUsableAt(DateTime utc) => RevokedAt is null && NotBefore <= utc && utc <= NotAfter;
}

internal sealed class ClinicianCertificateConfiguration : IEntityTypeConfiguration<ClinicianCertificate>
{
    public void Configure(EntityTypeBuilder<ClinicianCertificate> b)
    {
        b.HasIndex(x => x.UserId);
        b.HasIndex(x => x.Thumbprint);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Subject).HasMaxLength(500);
        b.Property(x => x.Thumbprint).HasMaxLength(64);
        b.Property(x => x.SerialNumber).HasMaxLength(100);
        b.Property(x => x.Source).HasConversion<int>();
        b.Property(x => x.StoreLocation).HasMaxLength(20);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.RevokedBy).HasMaxLength(256);
        b.Property(x => x.RevokeReason).HasMaxLength(500);
        b.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
