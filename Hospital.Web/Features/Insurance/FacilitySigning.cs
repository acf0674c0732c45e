using Hospital.Integration.Bhxh;
using Hospital.Web.Platform;
using Microsoft.Extensions.Options;

namespace Hospital.Web.Features.Insurance;

/// <summary>
/// The facility's XML signer for CHUKYDONVI: the PKCS#12 file of <c>Bhxh:CertificatePath</c>
/// (+ <c>Bhxh:CertificatePassword</c>), or, in demo mode or with the simulator, a self-signed
/// certificate made once under the data directory (bhxh/facility-signing-demo.pfx). A real
/// installation without a certificate gets a clear error at the first signing, and a failed
/// load is tried again next time (the file may be put in place later).
/// </summary>
public sealed class FacilitySigning(IOptions<BhxhOptions> options, IOptions<StorageOptions> storage, IConfiguration config)
{
    private readonly Lock _lock = new();
    private FacilityXmlSigner? _signer;

    public FacilityXmlSigner Signer
    {
        get
        {
            lock (_lock) return _signer ??= Create();
        }
    }

    private FacilityXmlSigner Create()
    {
        var o = options.Value;
        if (!string.IsNullOrWhiteSpace(o.CertificatePath))
        {
            if (!File.Exists(o.CertificatePath))
                throw new InvalidOperationException($"Không tìm thấy tệp chứng thư số của cơ sở: {o.CertificatePath} (Bhxh:CertificatePath).");
            return new FacilityXmlSigner(FacilityCertificate.Load(o.CertificatePath, o.CertificatePassword));
        }
        if (o.UseSimulator == true || config.GetValue("Demo:Enabled", false))
            return new FacilityXmlSigner(FacilityCertificate.LoadOrCreateDemo(
                Path.Combine(storage.Value.FullDataDirectory, "bhxh"), "Hospital"));
        throw new InvalidOperationException("Chưa cấu hình chứng thư số của cơ sở để ký hồ sơ BHYT (Bhxh:CertificatePath, Bhxh:CertificatePassword).");
    }
}
