using System.Security.Cryptography.X509Certificates;
using Hospital.Integration.Bhxh;

namespace Hospital.Tests.Insurance;

/// <summary>One self-signed facility certificate for the signing tests, made the way demo installations make theirs.</summary>
internal static class TestCertificates
{
    private static readonly Lazy<X509Certificate2> Lazy = new(() =>
        FacilityCertificate.LoadOrCreateDemo(Directory.CreateTempSubdirectory("hospital-cert-").FullName, "Bệnh viện Thử nghiệm"));

    public static X509Certificate2 Facility => Lazy.Value;
}
