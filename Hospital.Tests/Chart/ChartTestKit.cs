using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Visits;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Chart;

/// <summary>A patient with a finished visit holding every part the chart and the export show.</summary>
internal static class ChartTestKit
{
    public sealed record Seeded(int PatientId, string PatientCode, int VisitId, string MaLk, long LabOrderId, long DocumentV1, long DocumentV2);

    public const string Primary = "J06.9";
    public const string Secondary = "I10;E11.9";

    public static async Task<Seeded> VisitAsync(HospitalAppFactory app, int daysAgo = 3)
    {
        var patient = await VisitTestKit.PatientAsync(app, age: 52);
        await using var db = app.Database.NewContext();
        var room = await db.Set<Room>().Where(r => r.Kind == RoomKind.ExamRoom && r.IsActive).OrderBy(r => r.Id).FirstAsync();
        var staff = await db.Set<Staff>().Where(s => s.PracticeCertificateNo != null).OrderBy(s => s.Id).FirstAsync();
        var lab = await db.Set<MedicalService>().Where(s => s.CostGroup == BhytCostGroup.Lab).OrderBy(s => s.Id).FirstAsync();
        var imaging = await db.Set<MedicalService>().Where(s => s.CostGroup == BhytCostGroup.Imaging).OrderBy(s => s.Id).FirstAsync();
        var drug = await db.Set<Drug>().OrderBy(d => d.Id).FirstAsync();
        var at = DateTime.UtcNow.AddDays(-daysAgo);
        var tag = Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

        db.Add(new PatientAllergy { PatientId = patient.Id, Substance = "Penicilin", SubstanceKey = "penicilin", Reaction = "mề đay", Severity = AllergySeverity.Moderate, RecordedAt = at, RecordedBy = "test" });
        var visit = new Visit
        {
            Code = "CV" + tag, MaLk = "LK" + tag, PatientId = patient.Id, Kind = VisitKind.Fee, Status = VisitStatus.Concluded,
            RegisteredAt = at, RegisteredBy = "test", VisitDate = DateOnly.FromDateTime(Hospital.Domain.Common.VietnamCalendar.ToLocal(at)),
            Reason = "Sốt, ho", DepartmentId = room.DepartmentId, RoomId = room.Id,
        };
        db.Add(visit);
        await db.SaveChangesAsync();

        db.Add(new ExamRecord
        {
            VisitId = visit.Id, PatientId = patient.Id, Status = ExamStatus.Concluded, StartedBy = "doctor", StartedAt = at.AddMinutes(10),
            DoctorStaffId = staff.Id, Reason = "Sốt 3 ngày", PresentIllness = "Sốt, ho khan", ExamRespiratory = "Phổi thông khí tốt",
            PrimaryDiagnosisCode = Primary, PrimaryDiagnosisText = "Nhiễm trùng hô hấp trên cấp", SecondaryDiagnosisCodes = Secondary,
            SecondaryDiagnosisText = "Tăng huyết áp; Đái tháo đường typ 2", Conclusion = "Viêm họng cấp", Disposition = ExamDisposition.ReferOut,
            ReferToFacilityCode = "01001", ReferToFacilityName = "Bệnh viện Bạch Mai", ReferralReasonCode = 1,
            ConcludedAt = at.AddMinutes(50), ConcludedBy = "doctor",
        });
        db.Add(new VitalSigns
        {
            VisitId = visit.Id, PatientId = patient.Id, MeasuredAt = at.AddMinutes(5), RecordedBy = "nurse",
            Pulse = 88, TemperatureC = 38.4m, SystolicMmHg = 142, DiastolicMmHg = 91, WeightKg = 63.5m, SpO2Percent = 97,
        });
        var labOrder = new ServiceOrder
        {
            RequestNumber = "CD" + tag, VisitId = visit.Id, PatientId = patient.Id, ServiceId = lab.Id, ServiceCode = lab.Code, ServiceName = lab.Name,
            Kind = OrderKind.Lab, Status = OrderStatus.Performed, OrderedAt = at.AddMinutes(15), OrderedBy = "doctor",
        };
        var imagingOrder = new ServiceOrder
        {
            RequestNumber = "CD" + tag, VisitId = visit.Id, PatientId = patient.Id, ServiceId = imaging.Id, ServiceCode = imaging.Code, ServiceName = imaging.Name,
            Kind = OrderKind.Imaging, Status = OrderStatus.Performed, OrderedAt = at.AddMinutes(15), OrderedBy = "doctor",
            PerformedAt = at.AddMinutes(30), PerformedBy = "ktv", ResultText = "Hai phế trường sáng", ResultConclusion = "Không thấy tổn thương",
        };
        db.AddRange(labOrder, imagingOrder);
        await db.SaveChangesAsync();
        db.AddRange(
            new ServiceResult { ServiceOrderId = labOrder.Id, PatientId = patient.Id, TestCode = "WBC", TestName = "Bạch cầu", Value = "12.5", Unit = "G/L", ReferenceRange = "4-10", Flag = ResultFlag.High, ResultedAt = at.AddMinutes(40), ReleasedAt = at.AddMinutes(41), ReleasedBy = "labtech" },
            new ServiceResult { ServiceOrderId = labOrder.Id, PatientId = patient.Id, TestCode = "HGB", TestName = "Huyết sắc tố", Value = "140", Unit = "g/L", ReferenceRange = "120-160", ResultedAt = at.AddMinutes(40), ReleasedAt = at.AddMinutes(41), ReleasedBy = "labtech" });
        var rx = new Prescription
        {
            VisitId = visit.Id, PatientId = patient.Id, Status = PrescriptionStatus.Signed, NationalCode = "37001" + tag[..7] + "-c",
            CreatedAt = at.AddMinutes(45), CreatedBy = "doctor", SignedAt = at.AddMinutes(50), SignedBy = "doctor",
            Lines = [new PrescriptionLine { Position = 1, DrugId = drug.Id, DrugCode = drug.Code, DrugName = drug.Name, ActiveIngredient = drug.ActiveIngredient, Unit = drug.Unit, DosePerTime = 1, TimesPerDay = 2, Days = 5, Quantity = 10, Usage = "Uống sáng, chiều sau ăn" }],
        };
        db.Add(rx);
        await db.SaveChangesAsync();
        var exam = await db.Set<ExamRecord>().SingleAsync(e => e.VisitId == visit.Id);
        var v1 = Document(visit, exam.Id, 1, null, null, at.AddMinutes(51));
        db.Add(v1);
        await db.SaveChangesAsync();
        var v2 = Document(visit, exam.Id, 2, v1.Id, "Bổ sung kết quả X-quang", at.AddMinutes(80));
        db.Add(v2);
        await db.SaveChangesAsync();
        return new Seeded(patient.Id, patient.Code, visit.Id, visit.MaLk, labOrder.Id, v1.Id, v2.Id);
    }

    private static ClinicalDocument Document(Visit visit, long examId, int version, long? previous, string? reason, DateTime signedAt) => new()
    {
        VisitId = visit.Id, PatientId = visit.PatientId, Kind = ClinicalDocumentKind.ExamRecord, SourceId = examId, Version = version,
        PreviousVersionId = previous, CorrectionReason = reason, Title = "Phiếu khám bệnh", Content = "%PDF-1.7 test"u8.ToArray(),
        ContentSha256 = new string('0', 64), SignedByUserId = "u-doctor", SignedByName = "BS. Nguyễn Văn Khám", CertificateSubject = "CN=doctor",
        CertificateThumbprint = new string('A', 40), SignedAt = signedAt,
    };
}
