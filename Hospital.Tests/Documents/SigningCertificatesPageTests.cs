using AngleSharp.Html.Dom;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Emr.Documents.Signing;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Documents.DocumentTestKit;

namespace Hospital.Tests.Documents;

/// <summary>The administrator registers a clinician's .p12 (checked with its password, which is not kept) and declares a CA; the demo gave every clinician one.</summary>
public sealed class SigningCertificatesPageTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Uploads_a_p12_checked_with_its_password(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var admin = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await admin.SignInAsync("admin"), "/"));
        var (_, page) = await admin.GetPageAsync("/admin/signing-certificates");
        // Demo: the CA and one certificate for each of doctor, nurse and labtech.
        Assert.Equal(3, page.QuerySelectorAll("[data-testid=certificates] tbody tr").Length);
        Assert.Contains("Hospital Demo CA", page.QuerySelector("[data-testid=authorities]")!.TextContent);

        var pharmacist = await UserAsync(app, "pharmacist");
        var ca = CertificateAuthority.CreateRoot("Test CA", DateTime.UtcNow.AddDays(-1), 2, keySize: 2048);
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var certificate = CertificateAuthority.Issue(ca, "DS. Vũ Thị Dược", key, DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddYears(1));
        var p12 = CertificateAuthority.ExportPkcs12(certificate, ca, "p12-secret");

        var wrong = await UploadAsync(admin, page, pharmacist.UserId!, p12, "sai");
        Assert.Contains("Mật khẩu chứng thư số không đúng", await wrong.Content.ReadAsStringAsync());
        await using (var db = app.Database.NewContext())
            Assert.False(await db.Set<ClinicianCertificate>().AnyAsync(c => c.UserId == pharmacist.UserId));

        var ok = await UploadAsync(admin, page, pharmacist.UserId!, p12, "p12-secret");
        Assert.True(WebSession.IsRedirectTo(ok, "/admin/signing-certificates"));
        await using (var db = app.Database.NewContext())
        {
            var row = await db.Set<ClinicianCertificate>().SingleAsync(c => c.UserId == pharmacist.UserId);
            Assert.Equal((CertificateSource.Pkcs12, certificate.Thumbprint), (row.Source, row.Thumbprint));
            Assert.DoesNotContain("p12-secret", System.Text.Encoding.UTF8.GetString(row.EncryptedPkcs12!));
        }
    }

    private static async Task<HttpResponseMessage> UploadAsync(WebSession session, IHtmlDocument page, string userId, byte[] p12, string password)
    {
        var form = (IHtmlFormElement)page.QuerySelector("form[enctype='multipart/form-data']")!;
        var content = new MultipartFormDataContent();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
            content.Add(new StringContent(input.Value), input.Name!);
        content.Add(new StringContent(userId), "userId");
        content.Add(new StringContent(password), "password");
        content.Add(new ByteArrayContent(p12), "file", "bac-si.p12");
        return await session.Client.PostAsync("/admin/signing-certificates", content);
    }
}
