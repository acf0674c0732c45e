using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Identity;
using Hospital.Emr.Documents.Signing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Demo;

/// <summary>
/// Demo signing: a "Hospital Demo CA" (RSA 3072, 10 years; its key kept with ASP.NET Data
/// Protection) and one signing certificate per clinician (Doctor, Nurse, LabTech; CN = full name
/// and practising-certificate number), each PKCS#12 encrypted with the demo password, so the demo
/// doctor signs with the password he signs in with. Idempotent: only what is missing is added.
/// </summary>
public sealed class DemoSigning(
    HospitalDbContext db, UserManager<AppUser> users, IDataProtectionProvider protection,
    SigningCertificateAdministration administration, TimeProvider clock)
{
    public const string AuthorityName = "Hospital Demo CA";
    private const string ProtectorPurpose = "Hospital.Documents.DemoCa";
    private static readonly string[] ClinicianRoles = [Roles.Doctor, Roles.Nurse, Roles.LabTech];

    // Key generation is the slow part (RSA 3072 takes a second here); demo and test databases made
    // by one process reuse the same keys. Certificates and PKCS#12 files are still made per database.
    private static readonly Lazy<byte[]> CaKey = new(() => NewKey(3072));
    private static readonly ConcurrentDictionary<string, byte[]> ClinicianKeys = new();

    public async Task SeedAsync(string password, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var protector = protection.CreateProtector(ProtectorPurpose);
        var ca = await AuthorityAsync(protector, now, ct);

        var withCertificate = await db.Set<ClinicianCertificate>().Where(c => c.RevokedAt == null)
            .Select(c => c.UserId).Distinct().ToListAsync(ct);
        var staff = await db.Set<Domain.Catalog.Staff>().AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.PracticeCertificateNo, ct);
        foreach (var role in ClinicianRoles)
        {
            foreach (var user in await users.GetUsersInRoleAsync(role))
            {
                if (withCertificate.Contains(user.Id) || !user.IsActive) continue;
                var practice = user.StaffId is { } id && staff.TryGetValue(id, out var no) && !string.IsNullOrWhiteSpace(no) ? no : null;
                var commonName = practice is null ? user.FullName : $"{user.FullName} - CCHN {practice}";
                using var key = RSA.Create();
                key.ImportPkcs8PrivateKey(ClinicianKeys.GetOrAdd(user.UserName ?? user.Id, _ => NewKey(2048)), out _);
                using var certificate = CertificateAuthority.Issue(ca, commonName, key, now.AddDays(-1), now.AddYears(3));
                var pkcs12 = CertificateAuthority.ExportPkcs12(certificate, ca, password);
                db.Set<ClinicianCertificate>().Add(administration.NewCertificate(user.Id, certificate, CertificateSource.Pkcs12, pkcs12, null));
                withCertificate.Add(user.Id);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The demo CA with its private key: read back from the database, or made now.</summary>
    private async Task<X509Certificate2> AuthorityAsync(IDataProtector protector, DateTime now, CancellationToken ct)
    {
        var row = await db.Set<SigningAuthority>().AsNoTracking()
            .FirstOrDefaultAsync(a => a.Name == AuthorityName && a.ProtectedPrivateKey != null, ct);
        using var key = RSA.Create();
        if (row is not null)
        {
            key.ImportPkcs8PrivateKey(Convert.FromBase64String(protector.Unprotect(row.ProtectedPrivateKey!)), out _);
            using var certificate = X509Certificate2.CreateFromPem(row.CertificatePem);
            return certificate.CopyWithPrivateKey(key);
        }
        key.ImportPkcs8PrivateKey(CaKey.Value, out _);
        var ca = CertificateAuthority.CreateRoot(AuthorityName, key, now.AddDays(-1), 10);
        db.Set<SigningAuthority>().Add(administration.NewAuthority(AuthorityName, ca,
            protector.Protect(Convert.ToBase64String(key.ExportPkcs8PrivateKey()))));
        return ca;
    }

    private static byte[] NewKey(int bits)
    {
        using var rsa = RSA.Create(bits);
        return rsa.ExportPkcs8PrivateKey();
    }
}
