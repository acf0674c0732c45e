namespace Hospital.Domain.Identity;

/// <summary>
/// An ASP.NET Core data-protection key (it signs the sign-in cookie and antiforgery tokens),
/// kept in the database so every app instance of a hospital accepts the others' cookies and a
/// restart on a new machine does not sign everyone out.
/// </summary>
public class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = "";
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<DataProtectionKey> b)
    {
        b.ToTable("data_protection_keys");
        b.Property(x => x.FriendlyName).HasMaxLength(200);
    }
}
