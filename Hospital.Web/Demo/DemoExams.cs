using Hospital.Domain.Audit;
using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Visits;
using Hospital.Emr.Documents;
using Hospital.Emr.Exams;
using Hospital.Emr.Orders;
using Hospital.Emr.Prescriptions;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Demo;

/// <summary>
/// Concludes a few of today's demo visits the way the demo doctor would at the exam screen: the
/// exam is started, vitals and diagnoses recorded, an order set placed (lab values released as the
/// LIS would), drugs prescribed, and the visit concluded and signed with the doctor's demo
/// certificate through the real services — so the chart, the documents API and the pharmacy and
/// cashier queues have signed records to show. The audit trail names "system" for these rows: the
/// seeder did the work, under the doctor's signature.
/// </summary>
public sealed class DemoExams(HospitalDbContext db, IServiceProvider services, TimeProvider clock, ILogger<DemoExams> log)
{
    private sealed record DemoClinician(string? UserId, string UserName) : IAuditUser;

    private sealed record Scenario(
        string Diagnosis, VitalsReading Vitals, string? OrderSet, string[] Drugs, ExamDisposition Disposition,
        string Conclusion, bool FollowUp = false, string? ReferTo = null);

    private static readonly Scenario[] Scenarios =
    [
        new("I10", new(78, 36.7m, 162, 98, 18, 98, 165, 70), "SHM-CB", ["TH0019", "TH0021"], ExamDisposition.Home,
            "Tăng huyết áp độ 2, chưa kiểm soát.", FollowUp: true),
        new("J02.9", new(96, 38.4m, 118, 74, 20, 97, 158, 52), "CTM", ["TH0001"], ExamDisposition.Home,
            "Viêm họng cấp, sốt."),
        new("E11.9", new(82, 36.9m, 135, 82, 18, 98, 160, 68), "DTD", ["TH0015"], ExamDisposition.Home,
            "Đái tháo đường type 2 ổn định.", FollowUp: true),
        new("K29.7", new(80, 36.8m, 120, 78, 18, 99, 162, 55), null, ["TH0030"], ExamDisposition.Home,
            "Viêm dạ dày, đau thượng vị."),
        new("I10", new(88, 36.6m, 186, 110, 20, 97, 168, 74), "XQ-NGUC", [], ExamDisposition.ReferOut,
            "Tăng huyết áp độ 3, đau ngực: chuyển tuyến trên.", ReferTo: "Bệnh viện Bạch Mai"),
    ];

    // Plausible adult values for the basic biochemistry panel (glucose, urea, creatinine, AST, ALT).
    private static readonly Dictionary<string, (string Value, string Unit, string Range, ResultFlag Flag)> LabValues = new()
    {
        ["23.0075.1494"] = ("7.8", "mmol/L", "3.9 – 6.4", ResultFlag.High),
        ["23.0166.1494"] = ("5.1", "mmol/L", "2.5 – 7.5", ResultFlag.None),
        ["23.0051.1494"] = ("88", "µmol/L", "62 – 120", ResultFlag.None),
        ["23.0019.1493"] = ("31", "U/L", "≤ 37", ResultFlag.None),
        ["23.0020.1493"] = ("45", "U/L", "≤ 40", ResultFlag.High),
    };

    public async Task SeedTodayAsync(int count, string password, CancellationToken ct)
    {
        if (count <= 0) return;
        var today = VietnamCalendar.Today(clock);
        if (await db.Set<ExamRecord>().AnyAsync(e => e.Visit!.VisitDate == today, ct)) return;
        var doctor = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == "doctor", ct);
        if (doctor is null) return;
        var visitIds = await db.Set<Visit>().AsNoTracking()
            // Adults only: the scenarios' doses are adult doses (children need weight-based ones and a guardian on the form).
            .Where(v => v.VisitDate == today && v.Status == VisitStatus.Waiting && !v.Emergency && v.VoidedAt == null
                        && v.Patient!.BirthYear <= today.Year - 18)
            .OrderBy(v => v.Id).Take(count).Select(v => v.Id).ToListAsync(ct);
        var concluded = 0;
        foreach (var (visitId, i) in visitIds.Select((v, i) => (v, i)))
        {
            var error = await ConcludeAsync(visitId, Scenarios[i % Scenarios.Length], new DemoClinician(doctor.Id, doctor.UserName!), password, ct);
            if (error is null) concluded++;
            else log.LogWarning("Demo visit {VisitId} not concluded: {Error}", visitId, error);
        }
        log.LogInformation("Concluded and signed {Count} demo visits for {Day}", concluded, today);
    }

    private async Task<string?> ConcludeAsync(int visitId, Scenario s, DemoClinician doctor, string password, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var sdb = sp.GetRequiredService<HospitalDbContext>();
        var records = sp.GetRequiredService<ExamRecords>();
        var exam = await records.StartAsync(visitId, doctor.UserName, ct);

        if (s.OrderSet is { } code)
        {
            var setId = await sdb.Set<OrderSet>().Where(o => o.Code == code).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
            if (setId is not null)
            {
                var ordered = await ActivatorUtilities.CreateInstance<ServiceOrdering>(sp, doctor)
                    .OrderAsync(new OrderRequest(visitId, [], setId), ct);
                if (!ordered.Ok) return string.Join("; ", ordered.Errors);
                await ReleaseLabValuesAsync(sdb, ordered.OrderIds, ct);
            }
        }
        var writing = sp.GetRequiredService<PrescriptionWriting>();
        foreach (var drugCode in s.Drugs)
        {
            var drugId = await sdb.Set<Domain.Catalog.Drug>().Where(d => d.Code == drugCode).Select(d => d.Id).FirstAsync(ct);
            var line = await writing.AddLineAsync(visitId, new PrescriptionLineInput(drugId, 1, drugCode == "TH0001" ? 3 : 1, drugCode == "TH0001" ? 5 : 30),
                new PrescriptionHeaderInput("Tái khám khi có bất thường."), doctor.UserName, ct);
            if (!line.Ok) return string.Join("; ", line.Errors);
        }

        var issuer = ActivatorUtilities.CreateInstance<ClinicalDocumentIssuer>(sp, doctor);
        var conclusion = ActivatorUtilities.CreateInstance<VisitConclusion>(sp, (IClinicalDocumentIssuer)issuer);
        var today = VietnamCalendar.Today(clock);
        var result = await conclusion.ConcludeAsync(visitId, new ExamDraft
        {
            Revision = (await sdb.Set<ExamRecord>().AsNoTracking().FirstAsync(e => e.Id == exam.Id, ct)).Revision,
            Reason = exam.Reason,
            PresentIllness = "Bệnh khởi phát vài ngày nay, đã tự dùng thuốc không đỡ.",
            Vitals = s.Vitals,
            ExamGeneral = "Tỉnh, tiếp xúc tốt. Da niêm mạc hồng.",
            ExamCardiovascular = "Tim đều, không tiếng thổi.",
            ExamRespiratory = "Phổi thông khí đều, không rales.",
            PrimaryDiagnosisCode = s.Diagnosis,
            Conclusion = s.Conclusion,
            TreatmentPlan = s.Drugs.Length > 0 ? "Điều trị ngoại trú theo đơn." : null,
            OutcomeCode = 2,
            Disposition = s.Disposition,
            FollowUpDate = s.FollowUp ? today.AddDays(30) : null,
            ReferToFacilityName = s.ReferTo,
            ReferralReasonCode = s.ReferTo is null ? null : 1,
            ReferralClinicalSummary = s.ReferTo is null ? null : "Huyết áp 186/110 mmHg, đau ngực trái.",
            ReferralTreatmentGiven = s.ReferTo is null ? null : "Nghỉ ngơi tại chỗ, theo dõi huyết áp.",
        }, password, doctor.UserName, ct);
        return result.Ok ? null : string.Join("; ", result.Errors.Select(e => e.Message));
    }

    private async Task ReleaseLabValuesAsync(HospitalDbContext sdb, IReadOnlyList<long> orderIds, CancellationToken ct)
    {
        var orders = await sdb.Set<ServiceOrder>().AsNoTracking()
            .Where(o => orderIds.Contains(o.Id) && o.Kind == OrderKind.Lab).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var o in orders)
        {
            if (!LabValues.TryGetValue(o.ServiceCode, out var v)) continue;
            await LabResultRelease.ReleaseAsync(sdb, o.Id, [o.ServiceCode],
                [new ReleasedValue(o.ServiceCode, o.ServiceName, v.Value, v.Unit, v.Range, v.Flag, now, "Demo")], "labtech", null, clock, ct);
        }
        await sdb.SaveChangesAsync(ct);
    }
}
