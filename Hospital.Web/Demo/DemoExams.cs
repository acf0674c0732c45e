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
/// exam is started, vitals and diagnoses recorded, an order set placed (its tubes received, resulted
/// and validated in the LIS by <see cref="DemoLabWork"/>), drugs prescribed, and the visit concluded and signed with the doctor's demo
/// certificate through the real services — so the chart, the documents API and the pharmacy and
/// cashier queues have signed records to show. The audit trail names "system" for these rows: the
/// seeder did the work, under the doctor's signature.
/// </summary>
public sealed class DemoExams(HospitalDbContext db, IServiceProvider services, DemoLabWork lab, TimeProvider clock, ILogger<DemoExams> log)
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
                var labOrders = await sdb.Set<ServiceOrder>().AsNoTracking()
                    .Where(o => ordered.OrderIds.Contains(o.Id) && o.Kind == OrderKind.Lab).Select(o => o.Id).ToListAsync(ct);
                await lab.RunRequestAsync(ordered.RequestNumber!, visitId, labOrders, validate: true, null, ct);
                // Imaging and other studies get their report, as the performing room would enter it: a study
                // ordered but never performed has no performer or time, and its claim line would be refused.
                var studies = await sdb.Set<ServiceOrder>().AsNoTracking()
                    .Where(o => ordered.OrderIds.Contains(o.Id) && o.Kind != OrderKind.Lab).Select(o => o.Id).ToListAsync(ct);
                var reports = ActivatorUtilities.CreateInstance<TextResultEntry>(sp, doctor);
                foreach (var study in studies)
                    if (await reports.EnterAsync(study, "Bóng tim không to. Hai phế trường sáng, không thấy tổn thương nhu mô.", "Chưa phát hiện bất thường trên phim.", ct) is { } error)
                        return error;
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
            // The receiving facility's MA_CSKCB goes in XML13 (MA_CSKCB_DEN); a demo value, like the demo hospital's own code.
            ReferToFacilityCode = s.ReferTo is null ? null : "01929",
            ReferralReasonCode = s.ReferTo is null ? null : 1,
            ReferralClinicalSummary = s.ReferTo is null ? null : "Huyết áp 186/110 mmHg, đau ngực trái.",
            ReferralTreatmentGiven = s.ReferTo is null ? null : "Nghỉ ngơi tại chỗ, theo dõi huyết áp.",
        }, password, doctor.UserName, ct);
        return result.Ok ? null : string.Join("; ", result.Errors.Select(e => e.Message));
    }
}
