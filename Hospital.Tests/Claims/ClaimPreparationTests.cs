using System.Net;
using System.Text.Json;
using Hospital.Domain.Billing;
using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Insurance.Claims;
using Hospital.Domain.Visits;
using Hospital.Integration.Bhxh;
using Hospital.Integration.Bhxh.Claims;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Insurance;
using Hospital.Tests.Orders;
using Hospital.Web.Features.Billing;
using Hospital.Web.Features.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static Hospital.Tests.Claims.ClaimTestKit;

namespace Hospital.Tests.Claims;

/// <summary>
/// A concluded, settled BHYT visit gets its claim from the database (both providers): version 1 Ready and
/// signed, with its line money; the signed file is served exactly as stored and verifies with the served
/// certificate; a missing CCHN makes the next version Invalid with a link to the staff page; fixing it
/// there and rebuilding gives a Ready version 3, the earlier ones Superseded.
/// </summary>
public sealed class ClaimPreparationTests
{

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_settled_visit_gets_a_signed_claim_and_finance_fixes_a_missing_certificate(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var e = await ConcludedVisitAsync(app);

        // Not settled yet: nothing is built.
        Assert.Null(await PrepareAsync(app, p => p.WhenReadyAsync(e.VisitId, "cashier")));
        await PayAsync(app, e.VisitId);
        var v1 = await PrepareAsync(app, p => p.WhenReadyAsync(e.VisitId, "cashier"));
        Assert.NotNull(v1);
        Assert.True(v1.Status == ClaimStatus.Ready, v1.ErrorsJson);
        Assert.Equal(1, v1.Version);
        Assert.Null(await PrepareAsync(app, p => p.WhenReadyAsync(e.VisitId, "cashier")));

        await using (var db = app.Database.NewContext())
        {
            var claim = await db.Set<Claim>().AsNoTracking().SingleAsync(c => c.Id == v1.Id);
            var visit = await db.Set<Visit>().AsNoTracking().SingleAsync(v => v.Id == e.VisitId);
            Assert.Equal(visit.MaLk, claim.MaLk);
            Assert.Equal(e.DoctorId, claim.DoctorStaffId);
            var lines = await db.Set<ClaimLine>().AsNoTracking().Where(l => l.ClaimId == claim.Id).ToListAsync();
            Assert.Equal(3, lines.Count);
            Assert.Equal([2, 3, 3], lines.Select(l => l.Table).Order());
            Assert.Equal(claim.TotalCost, lines.Sum(l => l.ThanhTienBv));
            Assert.Equal(claim.InsurancePays, lines.Sum(l => l.Bhtt));
            Assert.Equal(claim.CoPayment, lines.Sum(l => l.Bncct));
            Assert.Equal(claim.InsuranceCost - claim.CoPayment, claim.InsurancePays);
            // The claim's money is the statement's money.
            using var scope = app.Services.CreateScope();
            var split = (await scope.ServiceProvider.GetRequiredService<VisitCoverage>().ForVisitAsync(e.VisitId))!;
            Assert.Equal(split.Coverage.TongChiBv, claim.TotalCost);
            Assert.Equal(split.Coverage.Bhtt, claim.InsurancePays);
            var tables = Hospital.Integration.Bhxh.Envelope.ClaimEnvelope.Read(claim.SignedXml!).Files.Select(t => t.Type).ToList();
            Assert.Equal(["XML1", "XML2", "XML3", "XML4"], tables);
        }

        using var officer = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await officer.SignInAsync("insurance"), "/"));
        var file = await officer.Client.GetAsync($"/api/v1/claims/{v1.Id}/xml");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/xml", file.Content.Headers.ContentType?.MediaType);
        var bytes = await file.Content.ReadAsByteArrayAsync();
        Assert.Equal(v1.SignedXml, bytes);
        var pem = await officer.Client.GetStringAsync("/api/v1/claims/signing-certificate");
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", pem);
        await AssertXmlsec1AcceptsAsync(pem, bytes);

        // The lab technician's CCHN goes missing: the rebuilt version is Invalid and says where to fix it.
        await SetCertificateAsync(app, e.LabTechId, null);
        var v2 = await PrepareAsync(app, async p => await p.PrepareAsync(e.VisitId, "insurance"));
        Assert.Equal((2, ClaimStatus.Invalid), (v2!.Version, v2.Status));
        Assert.Null(v2.SignedXml);
        var error = Assert.Single(ClaimBuilder.ErrorsOf(v2));
        Assert.Equal(("XML3", "NGUOI_THUC_HIEN", $"/insurance/staff/{e.LabTechId}"), (error.Table, error.Field, error.FixUrl));
        Assert.Contains("chưa có mã chứng chỉ hành nghề", error.Message);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.Client.GetAsync($"/api/v1/claims/{v2.Id}/xml")).StatusCode);

        // Finance fixes it on the staff page: a bad code is refused and nothing is stored; a good one is kept.
        var (_, page) = await officer.GetPageAsync(error.FixUrl!);
        var refused = await officer.SubmitAsync(page, "[data-testid=practitioner-form]", new Dictionary<string, string> { ["Certificate"] = "12;34" }, error.FixUrl);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Null(await CertificateAsync(app, e.LabTechId));
        var saved = await officer.SubmitAsync(page, "[data-testid=practitioner-form]", new Dictionary<string, string> { ["Certificate"] = " 004321/hno-cchn " }, error.FixUrl);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("004321/HNO-CCHN", await CertificateAsync(app, e.LabTechId));

        var v3 = await PrepareAsync(app, async p => await p.PrepareAsync(e.VisitId, "insurance"));
        Assert.True(v3!.Status == ClaimStatus.Ready, v3.ErrorsJson);
        Assert.Equal(3, v3.Version);
        await using (var db = app.Database.NewContext())
        {
            var versions = await db.Set<Claim>().AsNoTracking().Where(c => c.VisitId == e.VisitId).OrderBy(c => c.Version).Select(c => c.Status).ToListAsync();
            Assert.Equal([ClaimStatus.Superseded, ClaimStatus.Superseded, ClaimStatus.Ready], versions);
            Assert.Equal(6, await db.Set<ClaimLine>().CountAsync(l => l.ClaimId == v1.Id || l.ClaimId == v3.Id));
        }
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Visits_that_are_not_ready_get_no_claim(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var fee = await OrdersTestKit.VisitAsync(app, VisitKind.Fee);
        var waiting = await OrdersTestKit.VisitAsync(app, VisitKind.Bhyt);
        Assert.Null(await PrepareAsync(app, p => p.WhenReadyAsync(fee, "cashier")));
        Assert.Null(await PrepareAsync(app, p => p.WhenReadyAsync(waiting, "cashier")));
        var refused = await Assert.ThrowsAsync<Hospital.Domain.Common.DomainException>(() => PrepareAsync(app, async p => await p.PrepareAsync(waiting, "insurance")));
        Assert.Contains("chưa kết thúc khám", refused.Message);
        await using var db = app.Database.NewContext();
        Assert.Equal(0, await db.Set<Claim>().CountAsync());
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Batches_build_the_same_files_as_one_visit_at_a_time(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visits = new List<int>();
        for (var i = 0; i < 3; i++) visits.Add((await ConcludedVisitAsync(app)).VisitId);
        visits.Add(await OrdersTestKit.VisitAsync(app, VisitKind.Bhyt)); // not concluded: built as a preview, Invalid or not, still one file per visit
        visits.Add(int.MaxValue); // no such visit: skipped

        async Task<List<BuiltClaim>> BuildAsync(int batchSize)
        {
            using var scope = app.Services.CreateScope();
            var builder = scope.ServiceProvider.GetRequiredService<ClaimBuilder>();
            var built = new List<BuiltClaim>();
            await foreach (var c in builder.BuildAllAsync(visits.ToAsyncEnumerable(), "benchmark", batchSize)) built.Add(c);
            return built;
        }
        var one = await BuildAsync(1);
        var batched = await BuildAsync(100);
        Assert.Equal(visits.Take(4), batched.Select(b => b.Claim.VisitId));
        Assert.Equal(one.Select(b => b.Claim.VisitId), batched.Select(b => b.Claim.VisitId));
        for (var i = 0; i < 3; i++)
        {
            Assert.True(batched[i].Claim.Status == ClaimStatus.Ready, batched[i].Claim.ErrorsJson);
            // PKCS#1 v1.5 signatures are deterministic: the same data gives the same bytes.
            Assert.Equal(one[i].Claim.SignedXml, batched[i].Claim.SignedXml);
            Assert.Equal(one[i].Lines.Select(l => (l.Table, l.ItemCode, l.ThanhTienBv, l.Bhtt)), batched[i].Lines.Select(l => (l.Table, l.ItemCode, l.ThanhTienBv, l.Bhtt)));
        }
        await using var db = app.Database.NewContext();
        Assert.Equal(0, await db.Set<Claim>().CountAsync()); // building alone stores nothing
    }

    private static async Task<Claim?> PrepareAsync(HospitalAppFactory app, Func<ClaimPreparation, Task<Claim?>> act)
    {
        using var scope = app.Services.CreateScope();
        return await act(scope.ServiceProvider.GetRequiredService<ClaimPreparation>());
    }

    private static async Task AssertXmlsec1AcceptsAsync(string pem, byte[] file)
    {
        var dir = Directory.CreateTempSubdirectory("claim-api-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "cert.pem"), pem);
            await File.WriteAllBytesAsync(Path.Combine(dir, "claim.xml"), file);
            var (code, output) = await Xmlsec1.VerifyAsync(Path.Combine(dir, "cert.pem"), Path.Combine(dir, "claim.xml"));
            Assert.True(code == 0, output);
        }
        finally { Directory.Delete(dir, true); }
    }
}
