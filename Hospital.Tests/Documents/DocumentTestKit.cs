using System.Diagnostics;
using Hospital.Domain.Audit;
using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Visits;
using Hospital.Emr.Documents;
using Hospital.Emr.Documents.Signing;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Visits.VisitTestKit;

namespace Hospital.Tests.Documents;

/// <summary>A concluded exam with vitals and a prescription made directly in the database, signing as a demo user, and the poppler tools.</summary>
internal static class DocumentTestKit
{
    public sealed record TestUser(string? UserId, string UserName) : IAuditUser;

    public sealed record Exam(int VisitId, int ExamId, int PrescriptionId, int PatientId);

    public static async Task<TestUser> UserAsync(HospitalAppFactory app, string userName = "doctor")
    {
        await using var db = app.Database.NewContext();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return new TestUser(id, userName);
    }

    public static async Task<Exam> ConcludedExamAsync(HospitalAppFactory app, bool referral = false, bool draft = false)
    {
        var patient = await PatientAsync(app, age: 52);
        var room = await RoomAsync(app);
        var registered = await RegisterAsync(app, new VisitRequest { PatientId = patient.Id, Kind = VisitKind.Fee, RoomCode = room.Code, Reason = "Đau ngực" });
        var visitId = registered.Visit!.Id;
        await using var db = app.Database.NewContext();
        var now = DateTime.UtcNow;
        db.Add(new VitalSigns
        {
            VisitId = visitId, PatientId = patient.Id, MeasuredAt = now, RecordedBy = "nurse",
            Pulse = 88, TemperatureC = 37.2m, SystolicMmHg = 150, DiastolicMmHg = 95, RespiratoryRate = 18, SpO2Percent = 97, WeightKg = 68, HeightCm = 165,
        });
        var exam = new ExamRecord
        {
            VisitId = visitId, PatientId = patient.Id, Status = draft ? ExamStatus.Draft : ExamStatus.Concluded, StartedBy = "doctor", StartedAt = now.AddMinutes(-20),
            Reason = "Đau thắt ngực khi gắng sức", PresentIllness = "Đau ngực trái 3 ngày, lan lên vai, đỡ khi nghỉ.",
            PastHistory = "Tăng huyết áp 5 năm", ExamGeneral = "Tỉnh, tiếp xúc tốt; da niêm hồng",
            ExamCardiovascular = "Tim đều, T1 T2 rõ, không âm thổi", PrimaryDiagnosisCode = "I20.9", PrimaryDiagnosisText = "Cơn đau thắt ngực, không đặc hiệu",
            SecondaryDiagnosisCodes = "I10", SecondaryDiagnosisText = "Tăng huyết áp vô căn",
            Conclusion = "Theo dõi bệnh mạch vành ổn định", TreatmentPlan = "Điều trị nội khoa, hẹn làm nghiệm pháp gắng sức",
            Disposition = referral ? ExamDisposition.ReferOut : ExamDisposition.Home,
            FollowUpDate = DateOnly.FromDateTime(now.AddDays(14)), FollowUpNote = "Mang theo đơn thuốc",
            ReferToFacilityCode = referral ? "01001" : null, ReferToFacilityName = referral ? "Bệnh viện Bạch Mai" : null,
            ReferralReasonCode = referral ? 1 : null, ReferralClinicalSummary = referral ? "Đau ngực tái diễn" : null,
            ReferralTreatmentGiven = referral ? "Nitroglycerin ngậm" : null, ReferralConditionAtTransfer = referral ? "Ổn định" : null,
            ReferralTransport = referral ? "Xe cứu thương" : null,
            ConcludedAt = now, ConcludedBy = "doctor",
        };
        db.Add(exam);
        var drug = await db.Set<Drug>().OrderBy(d => d.Id).FirstAsync();
        var rx = new Prescription
        {
            VisitId = visitId, PatientId = patient.Id, Status = PrescriptionStatus.Signed, NationalCode = "37001ab12cd3-c",
            CreatedAt = now, CreatedBy = "doctor", SignedAt = now, SignedBy = "doctor",
            DiagnosisCodes = "I20.9; I10", DiagnosisText = "Cơn đau thắt ngực; tăng huyết áp", Advice = "Ăn nhạt, hạn chế mỡ", FollowUpDays = 14,
            Lines =
            [
                new PrescriptionLine { Position = 1, DrugId = drug.Id, DrugCode = drug.Code, DrugName = drug.Name, ActiveIngredient = drug.ActiveIngredient,
                    Strength = drug.Strength, Unit = "Viên", DosePerTime = 1, TimesPerDay = 1, Days = 5, Quantity = 5, Usage = "Uống 1 viên buổi sáng sau ăn" },
                new PrescriptionLine { Position = 2, DrugId = drug.Id, DrugCode = drug.Code, DrugName = "Amlodipin", ActiveIngredient = "Amlodipin",
                    Strength = "5mg", Unit = "Viên", DosePerTime = 1, TimesPerDay = 1, Days = 28, Quantity = 28 },
            ],
        };
        db.Add(rx);
        await db.SaveChangesAsync();
        return new Exam(visitId, exam.Id, rx.Id, patient.Id);
    }

    /// <summary>A context whose saves go through the audit interceptor as <paramref name="user"/>, as the application's do.</summary>
    public static HospitalDbContext AuditedContext(HospitalAppFactory app, IAuditUser user) =>
        app.Database.NewContext(new AuditInterceptor(user, TimeProvider.System));

    public static ClinicalDocumentIssuer Issuer(IAuditUser user) => new(user, TimeProvider.System, new PdfDocumentSigner());

    public static async Task<long> IssueAsync(HospitalAppFactory app, IAuditUser user, DocumentToSign document, string password = HospitalAppFactory.Password)
    {
        await using var db = AuditedContext(app, user);
        var added = await Issuer(user).AddSignedAsync(db, document, password);
        await db.SaveChangesAsync();
        return added.Id;
    }

    public static async Task<byte[]> ContentAsync(HospitalAppFactory app, long id)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<ClinicalDocument>().Where(d => d.Id == id).Select(d => d.Content).SingleAsync();
    }

    /// <summary>Runs a poppler-utils tool on <paramref name="pdf"/> and returns its standard output.</summary>
    public static async Task<string> PopplerAsync(string tool, byte[] pdf, params string[] args)
    {
        var file = Path.Combine(Path.GetTempPath(), "hospital-doc-" + Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(file, pdf);
        // Set HOSPITAL_DOC_DUMP to a directory to keep the PDFs the tests looked at.
        if (Environment.GetEnvironmentVariable("HOSPITAL_DOC_DUMP") is { Length: > 0 } dump)
            File.Copy(file, Path.Combine(dump, Path.GetFileName(file)));
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args) start.ArgumentList.Add(a);
            start.ArgumentList.Add(file);
            if (tool == "pdftotext") start.ArgumentList.Add("-");
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            output += await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
