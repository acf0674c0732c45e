using Hospital.Domain.Billing;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Insurance.Claims;
using Hospital.Domain.Visits;
using Hospital.Emr.Documents;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Insurance;
using Hospital.Web.Features.Billing;
using Hospital.Web.Features.Insurance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Demo;

/// <summary>Demo mode opens with concluded, signed visits: charts and the documents API have something real to show.</summary>
public sealed class DemoExamsTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Demo_doctor_concludes_and_signs_some_of_todays_visits(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider,
            new Dictionary<string, string?> { ["Demo:Visits"] = "12", ["Demo:ConcludedVisits"] = "5", ["Demo:WaitingLabOrders"] = "2" });
        await using var db = app.Database.NewContext();

        var concluded = await db.Set<Visit>().Where(v => v.Status == VisitStatus.Concluded).Select(v => v.Id).ToListAsync();
        Assert.Equal(5, concluded.Count);
        Assert.Equal(5, await db.Set<ExamRecord>().CountAsync(e => e.Status == ExamStatus.Concluded && e.PrimaryDiagnosisCode != null));
        Assert.Equal(7, await db.Set<QueueTicket>().CountAsync(t => t.Status == TicketStatus.Waiting));
        var prescriptions = await db.Set<Prescription>().Where(p => p.Status == PrescriptionStatus.Signed).Select(p => p.NationalCode).ToListAsync();
        Assert.Equal(4, prescriptions.Count);
        Assert.All(prescriptions, code => Assert.Matches("^[0-9A-Za-z]{5}[0-9a-z]{7}-C$", code));
        Assert.True(await db.Set<ServiceResult>().AnyAsync(r => r.Flag == ResultFlag.High));
        // The lab values went through the LIS: tubes received, values from the demo analysers, validated, released.
        Assert.True(await db.Set<ServiceResult>().AnyAsync(r => r.Source == "BS1" && r.TestCode == "SH-GLU" && r.Value == "7.8"));
        Assert.True(await db.Set<ServiceResult>().AnyAsync(r => r.Source == "XN1" && r.TestCode == "HH-WBC"));
        Assert.False(await db.Set<Hospital.Domain.Lab.Specimen>().AnyAsync(s => s.ReceivedAt == null));
        Assert.All(await db.Set<ServiceOrder>().Where(o => o.Kind == OrderKind.Lab).ToListAsync(), o => Assert.Equal(OrderStatus.Performed, o.Status));

        var documents = new SignedDocuments(db);
        var rows = new List<SignedDocumentRow>();
        foreach (var id in concluded) rows.AddRange(await documents.ForVisitAsync(id));
        Assert.Equal(5, rows.Count(r => r.Kind == ClinicalDocumentKind.ExamRecord));
        Assert.Equal(4, rows.Count(r => r.Kind == ClinicalDocumentKind.Prescription));
        Assert.Equal(1, rows.Count(r => r.Kind == ClinicalDocumentKind.Referral));
        Assert.All(rows, r => Assert.True(r.IsValid, $"{r.Kind} #{r.Id}: {r.Verdict}"));
        Assert.All(rows, r => Assert.Contains("Lê Văn Khám", r.SignedByName));

        // Two waiting visits' tubes wait for the technician (the first with a critical glucose), and one stray value in the unmatched queue.
        var waiting = await db.Set<Hospital.Domain.Lab.LabResult>().Where(r => r.Status == Hospital.Domain.Lab.LabResultStatus.Pending && r.SupersededAt == null)
            .Select(r => new { r.SpecimenId, r.TestCode, r.Flag }).ToListAsync();
        Assert.Equal(4, waiting.Select(r => r.SpecimenId).Distinct().Count());
        Assert.Single(waiting, r => r.TestCode == "SH-GLU" && r.Flag == ResultFlag.CriticalHigh);
        Assert.Equal(1, await db.Set<Hospital.Domain.Lab.UnmatchedLabResult>().CountAsync(u => u.ResolvedAt == null));

        // Money and claims (issue 6): every concluded visit but one has paid at the counter, with a receipt number;
        // every BHYT claim the demo made is ready: it passed our validator, its XML1 totals are its lines' sums, and
        // xmlsec1 verifies its CHUKYDONVI with the facility certificate.
        var payments = await db.Set<Payment>().Where(p => p.Status == PaymentStatus.Completed).ToListAsync();
        Assert.All(payments, p => Assert.NotNull(p.ReceiptNumber));
        Assert.Equal(concluded.Count - 1, payments.Select(p => p.VisitId).Distinct().Count() + await ZeroShareVisitsAsync(app, concluded, payments));
        var claims = await db.Set<Claim>().AsNoTracking().ToListAsync();
        Assert.NotEmpty(claims);
        var pem = app.Services.GetRequiredService<FacilitySigning>().Signer.Certificate.ExportCertificatePem();
        var dir = Directory.CreateTempSubdirectory("demo-claims-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "cert.pem"), pem);
            foreach (var claim in claims)
            {
                Assert.True(claim.Status == ClaimStatus.Ready, $"{claim.MaLk}: {claim.ErrorsJson}");
                var lines = await db.Set<ClaimLine>().AsNoTracking().Where(l => l.ClaimId == claim.Id).ToListAsync();
                Assert.Equal(claim.TotalCost, lines.Sum(l => l.ThanhTienBv));
                Assert.Equal(claim.InsurancePays, lines.Sum(l => l.Bhtt));
                var file = Path.Combine(dir, claim.MaLk + ".xml");
                await File.WriteAllBytesAsync(file, claim.SignedXml!);
                var (code, output) = await Xmlsec1.VerifyAsync(Path.Combine(dir, "cert.pem"), file);
                Assert.True(code == 0, output);
            }
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>Concluded visits whose patient owed nothing (a small visit paid in full by the fund, a free visit): settled without a payment.</summary>
    private static async Task<int> ZeroShareVisitsAsync(HospitalAppFactory app, IReadOnlyList<int> concluded, IReadOnlyList<Payment> payments)
    {
        using var scope = app.Services.CreateScope();
        var account = scope.ServiceProvider.GetRequiredService<VisitAccount>();
        var zero = 0;
        foreach (var id in concluded.Where(id => payments.All(p => p.VisitId != id)))
            if ((await account.BalanceAsync(id))!.PatientShare == 0) zero++;
        return zero;
    }
}
