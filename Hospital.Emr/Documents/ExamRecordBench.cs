using System.Diagnostics;
using System.Security.Cryptography;
using Hospital.Domain.Clinical;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using Hospital.Emr.Documents.Rendering;
using Hospital.Emr.Documents.Signing;

namespace Hospital.Emr.Documents;

/// <summary>
/// Benchmark hook for bench/Hospital.Bench: renders and signs <c>count</c> exam records in memory
/// (no database), the CPU cost a conclusion adds. The signer is a throwaway certificate made once.
/// </summary>
public static class ExamRecordBench
{
    public sealed record Result(int Documents, TimeSpan Elapsed, long TotalBytes)
    {
        public double MillisecondsPerDocument => Documents == 0 ? 0 : Elapsed.TotalMilliseconds / Documents;
    }

    public static Task<Result> RenderAndSignAsync(int count, CancellationToken ct = default) => RunAsync(count, sign: true, ct);

    /// <summary>Rendering alone, to tell the form's cost from the signature's.</summary>
    public static Task<Result> RenderOnlyAsync(int count, CancellationToken ct = default) => RunAsync(count, sign: false, ct);

    private static async Task<Result> RunAsync(int count, bool sign, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        using var caKey = RSA.Create(2048);
        using var ca = CertificateAuthority.CreateRoot("Bench CA", caKey, now.AddDays(-1), 1);
        using var key = RSA.Create(2048);
        var cms = new LocalCmsSigner(CertificateAuthority.Issue(ca, "BS. Bench", key, now.AddDays(-1), now.AddDays(30)));
        var signer = new PdfDocumentSigner();
        var source = Sample(now);
        var watch = Stopwatch.StartNew();
        long bytes = 0;
        for (var i = 0; i < count; i++)
        {
            var header = new DocumentHeader("Sở Y tế Bench", "Bệnh viện Bench", "00000", null, $"PK-{i:D6}", 1, "BS. Bench", "Bác sĩ", now);
            var (pdf, box) = ExamRecordForm.Render(source, header);
            bytes += sign
                ? (await signer.SignAsync(pdf, cms, new SignatureDetails("BS. Bench", "Bác sĩ", "Phiếu khám bệnh", "Bench", now, box), ct)).Length
                : Saved(pdf);
        }
        return new Result(count, watch.Elapsed, bytes);
    }

    private static long Saved(PdfSharp.Pdf.PdfDocument pdf)
    {
        using var stream = new MemoryStream();
        pdf.Save(stream);
        return stream.Length;
    }

    private static ExamRecordSource Sample(DateTime now)
    {
        var patient = new Patient { Id = 1, Code = "BN000001", FullName = "Nguyễn Thị Thử", DateOfBirth = new DateOnly(1970, 5, 1), BirthYear = 1970, Sex = Sex.Female };
        var visit = new Visit { Id = 1, Code = "261122000001", MaLk = "370012600000001", PatientId = 1, Patient = patient, Kind = VisitKind.Bhyt,
            CardNumber = "HT2370123456789", RegisteredAt = now, VisitDate = DateOnly.FromDateTime(now) };
        var exam = new ExamRecord
        {
            Id = 1, VisitId = 1, PatientId = 1, Status = ExamStatus.Concluded, Reason = "Ho, sốt 3 ngày",
            PresentIllness = "Ho khan, sốt về chiều, không khó thở.", PastHistory = "Chưa ghi nhận bệnh lý",
            ExamGeneral = "Tỉnh, da niêm hồng", ExamRespiratory = "Phổi ran nổ đáy phải",
            PrimaryDiagnosisCode = "J18.9", PrimaryDiagnosisText = "Viêm phổi, không đặc hiệu", Conclusion = "Viêm phổi cộng đồng mức độ nhẹ",
            TreatmentPlan = "Kháng sinh uống 7 ngày", Disposition = ExamDisposition.Home, FollowUpDate = DateOnly.FromDateTime(now.AddDays(7)),
        };
        var vitals = new VitalSigns { Pulse = 92, TemperatureC = 38.1m, SystolicMmHg = 120, DiastolicMmHg = 75, RespiratoryRate = 20, SpO2Percent = 96, WeightKg = 55, HeightCm = 155 };
        return new ExamRecordSource(exam, visit, patient, vitals, [], [], []);
    }
}
