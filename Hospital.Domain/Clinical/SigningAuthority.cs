using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Clinical;

/// <summary>
/// A certification authority whose clinicians' signatures this hospital accepts: a signed document
/// is valid only when its signer's certificate chains to one of these. The API publishes the PEM so
/// others can verify our PDFs. Only the demo CA keeps its private key here (protected with ASP.NET
/// Data Protection) to issue the demo clinicians' certificates.
/// </summary>
public class SigningAuthority
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string CertificatePem { get; set; } = "";
    public string Thumbprint { get; set; } = "";
    public DateTime NotAfter { get; set; }
    /// <summary>Data-protected PKCS#8 of the demo CA's key; null for a real CA.</summary>
    public string? ProtectedPrivateKey { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

internal sealed class SigningAuthorityConfiguration : IEntityTypeConfiguration<SigningAuthority>
{
    public void Configure(EntityTypeBuilder<SigningAuthority> b)
    {
        b.ToTable("signing_authorities");
        b.HasIndex(x => x.Thumbprint).IsUnique();
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.CertificatePem).HasMaxLength(20000);
        b.Property(x => x.Thumbprint).HasMaxLength(64);
        b.Property(x => x.ProtectedPrivateKey).HasMaxLength(20000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
    }
}
