using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hospital.Domain.Audit;
using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Emr.Documents.Signing;

/// <summary>
/// What the administrator does with signing certificates: register a clinician's PKCS#12 (opened
/// once with its password to prove it is complete; the password is not kept), bind a certificate
/// of the server's store by thumbprint, revoke, and declare the CA whose certificates we accept.
/// Each action validates first and saves once.
/// </summary>
public sealed class SigningCertificateAdministration(HospitalDbContext db, IAuditUser user, TimeProvider clock)
{
    public const int MaxPkcs12Bytes = 64 * 1024;

    public async Task<ClinicianCertificate> AddPkcs12Async(string userId, byte[] pkcs12, string password, CancellationToken ct = default)
    {
        await RequireUserAsync(userId, ct);
        if (pkcs12.Length == 0 || pkcs12.Length > MaxPkcs12Bytes)
            throw new DomainException("Chọn tệp chứng thư .p12/.pfx (tối đa 64 KB).");
        if (string.IsNullOrEmpty(password))
            throw new DomainException("Nhập mật khẩu của tệp chứng thư để kiểm tra.");
        var certificate = SigningCertificates.Inspect(pkcs12, password);
        return await AddAsync(userId, certificate, CertificateSource.Pkcs12, pkcs12, null, ct);
    }

    public async Task<ClinicianCertificate> BindStoreAsync(string userId, string thumbprint, StoreLocation location, CancellationToken ct = default)
    {
        await RequireUserAsync(userId, ct);
        thumbprint = new string((thumbprint ?? "").Where(char.IsAsciiHexDigit).ToArray()).ToUpperInvariant();
        if (thumbprint.Length != 40)
            throw new DomainException("Dấu vân tay (thumbprint) chứng thư phải gồm 40 ký tự hex.");
        var certificate = SigningCertificates.FromStore(thumbprint, location).Certificate;
        return await AddAsync(userId, certificate, CertificateSource.Store, null, location.ToString(), ct);
    }

    public async Task RevokeAsync(int id, string reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Nhập lý do thu hồi chứng thư.");
        var row = await db.Set<ClinicianCertificate>().FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new DomainException($"Không có chứng thư #{id}.");
        if (row.RevokedAt is not null) return;
        row.RevokedAt = clock.GetUtcNow().UtcDateTime;
        row.RevokedBy = user.UserName;
        row.RevokeReason = reason.Trim();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Declares a CA by its certificate (PEM); the first certificate in the text is used.</summary>
    public async Task<SigningAuthority> AddAuthorityAsync(string? name, string pem, CancellationToken ct = default)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(pem ?? "");
        }
        catch (CryptographicException)
        {
            throw new DomainException("Nội dung PEM không đọc được.");
        }
        if (certificates.Count == 0) throw new DomainException("Dán chứng thư CA dạng PEM (-----BEGIN CERTIFICATE-----).");
        var ca = certificates[0];
        if (await db.Set<SigningAuthority>().AnyAsync(a => a.Thumbprint == ca.Thumbprint, ct))
            throw new DomainException("CA này đã được khai báo.");
        var row = NewAuthority(string.IsNullOrWhiteSpace(name) ? ca.GetNameInfo(X509NameType.SimpleName, false) : name.Trim(), ca, null);
        db.Set<SigningAuthority>().Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }

    public SigningAuthority NewAuthority(string name, X509Certificate2 ca, string? protectedKey) => new()
    {
        Name = name,
        CertificatePem = CertificateAuthority.ToPem(ca),
        Thumbprint = ca.Thumbprint,
        NotAfter = ca.NotAfter.ToUniversalTime(),
        ProtectedPrivateKey = protectedKey,
        CreatedAt = clock.GetUtcNow().UtcDateTime,
        CreatedBy = user.UserName,
    };

    public ClinicianCertificate NewCertificate(string userId, X509Certificate2 certificate, CertificateSource source, byte[]? pkcs12, string? storeLocation) => new()
    {
        UserId = userId,
        Subject = certificate.Subject,
        Thumbprint = certificate.Thumbprint,
        SerialNumber = certificate.SerialNumber,
        NotBefore = certificate.NotBefore.ToUniversalTime(),
        NotAfter = certificate.NotAfter.ToUniversalTime(),
        Source = source,
        EncryptedPkcs12 = pkcs12,
        StoreLocation = storeLocation,
        CreatedAt = clock.GetUtcNow().UtcDateTime,
        CreatedBy = user.UserName,
    };

    private async Task<ClinicianCertificate> AddAsync(string userId, X509Certificate2 certificate, CertificateSource source, byte[]? pkcs12, string? location, CancellationToken ct)
    {
        if (certificate.NotAfter.ToUniversalTime() < clock.GetUtcNow().UtcDateTime)
            throw new DomainException($"Chứng thư đã hết hạn ngày {certificate.NotAfter:dd/MM/yyyy}.");
        if (await db.Set<ClinicianCertificate>().AnyAsync(c => c.UserId == userId && c.Thumbprint == certificate.Thumbprint && c.RevokedAt == null, ct))
            throw new DomainException("Người dùng này đã có chứng thư này.");
        var row = NewCertificate(userId, certificate, source, pkcs12, location);
        db.Set<ClinicianCertificate>().Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }

    private async Task RequireUserAsync(string userId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(userId) || !await db.Users.AnyAsync(u => u.Id == userId, ct))
            throw new DomainException("Chọn người dùng nhận chứng thư.");
    }
}
