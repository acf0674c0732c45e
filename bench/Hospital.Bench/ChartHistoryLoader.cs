using System.Diagnostics;
using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Bench;

/// <summary>
/// Past visits for the chart benchmark: one patient with a long history (each visit with a concluded
/// exam, vitals, three orders with results, a signed prescription and two signed documents, every
/// tenth exam record also corrected as version 2) among other patients with shorter ones, so the
/// indexes have to pick one patient's rows out of many. Document bytes are dummy filler of a real
/// signed PDF's size: the chart never loads them, and a query that did would show in the timings.
/// </summary>
public static class ChartHistoryLoader
{
    public const int DocumentBytes = 60_000;

    public static async Task<int> LoadAsync(IServiceProvider services, int visits, int otherPatients, int otherVisits, TextWriter log)
    {
        var watch = Stopwatch.StartNew();
        var target = await PatientWithHistoryAsync(services, "BNCHART", visits, 0);
        for (var i = 1; i <= otherPatients; i++)
        {
            await PatientWithHistoryAsync(services, "BNCH" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), otherVisits, i);
            if (i % 100 == 0) log.WriteLine($"    {i} other patients ({watch.Elapsed.TotalSeconds:F0} s)");
        }
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<HospitalDbContext>().Database.ExecuteSqlRawAsync("ANALYZE");
        return target;
    }

    private static async Task<int> PatientWithHistoryAsync(IServiceProvider services, string code, int visits, int seed)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HospitalDbContext>();
        var rooms = await db.Set<Room>().AsNoTracking().Where(r => r.Kind == RoomKind.ExamRoom && r.IsActive).OrderBy(r => r.Id).ToListAsync();
        var staff = await db.Set<Staff>().AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).Take(5).ToListAsync();
        var labs = await db.Set<MedicalService>().AsNoTracking().Where(s => s.CostGroup == BhytCostGroup.Lab).OrderBy(s => s.Id).Take(2).ToListAsync();
        var imaging = await db.Set<MedicalService>().AsNoTracking().Where(s => s.CostGroup == BhytCostGroup.Imaging).OrderBy(s => s.Id).FirstAsync();
        var drugs = await db.Set<Drug>().AsNoTracking().OrderBy(d => d.Id).Take(2).ToListAsync();
        var icd = new[] { "J06.9", "I10", "E11.9", "K29.7", "M54.5", "J20.9", "N39.0", "R51" };
        var random = new Random(seed);
        var filler = new byte[DocumentBytes];
        random.NextBytes(filler);

        var patient = new Patient
        {
            Code = code, FullName = "Trần Thị Bệnh Án " + code, SearchKey = "tran thi benh an " + code.ToLowerInvariant(),
            DateOfBirth = new DateOnly(1960, 5, 17), BirthYear = 1960, Sex = Sex.Female, CreatedAt = DateTime.UtcNow, CreatedBy = "bench",
            Allergies = [new PatientAllergy { Substance = "Penicilin", SubstanceKey = "penicilin", Reaction = "mề đay", RecordedAt = DateTime.UtcNow, RecordedBy = "bench" }],
        };
        db.Add(patient);
        await db.SaveChangesAsync();

        for (var n = 0; n < visits; n++)
        {
            var at = DateTime.UtcNow.AddDays(-7 * (visits - n)).AddHours(random.Next(0, 8));
            var room = rooms[random.Next(rooms.Count)];
            var tag = $"{code}{n:D4}";
            var visit = new Visit
            {
                Code = tag, MaLk = "LK" + tag, PatientId = patient.Id, Kind = VisitKind.Bhyt, Status = VisitStatus.Concluded,
                RegisteredAt = at, RegisteredBy = "bench", VisitDate = DateOnly.FromDateTime(at), Reason = "Tái khám",
                DepartmentId = room.DepartmentId, RoomId = room.Id,
            };
            db.Add(visit);
            await db.SaveChangesAsync();
            var exam = new ExamRecord
            {
                VisitId = visit.Id, PatientId = patient.Id, Status = ExamStatus.Concluded, StartedBy = "doctor", StartedAt = at.AddMinutes(10),
                DoctorStaffId = staff[random.Next(staff.Count)], Reason = "Tái khám định kỳ", PresentIllness = "Ổn định",
                PrimaryDiagnosisCode = icd[random.Next(icd.Length)], PrimaryDiagnosisText = "Chẩn đoán chính",
                SecondaryDiagnosisCodes = $"{icd[random.Next(icd.Length)]};{icd[random.Next(icd.Length)]}", SecondaryDiagnosisText = "Bệnh kèm theo",
                Conclusion = "Ổn định", Disposition = ExamDisposition.Home, ConcludedAt = at.AddMinutes(40), ConcludedBy = "doctor",
            };
            db.Add(exam);
            db.Add(new VitalSigns
            {
                VisitId = visit.Id, PatientId = patient.Id, MeasuredAt = at.AddMinutes(5), RecordedBy = "nurse",
                Pulse = 70 + random.Next(20), TemperatureC = 36.5m + random.Next(15) / 10m, SystolicMmHg = 115 + random.Next(40),
                DiastolicMmHg = 70 + random.Next(25), WeightKg = 60 + random.Next(5), SpO2Percent = 95 + random.Next(5),
            });
            var orders = labs.Select(s => Order(visit, s, OrderKind.Lab, at)).Append(Order(visit, imaging, OrderKind.Imaging, at)).ToList();
            orders[^1].ResultText = "Hai phế trường sáng";
            orders[^1].ResultConclusion = "Bình thường";
            db.AddRange(orders);
            var rx = new Prescription
            {
                VisitId = visit.Id, PatientId = patient.Id, Status = PrescriptionStatus.Signed, CreatedAt = at.AddMinutes(35), CreatedBy = "doctor",
                SignedAt = at.AddMinutes(40), SignedBy = "doctor",
                Lines = drugs.Select((d, i) => new PrescriptionLine
                {
                    Position = i + 1, DrugId = d.Id, DrugCode = d.Code, DrugName = d.Name, ActiveIngredient = d.ActiveIngredient, Unit = d.Unit,
                    DosePerTime = 1, TimesPerDay = 2, Days = 7, Quantity = 14,
                }).ToList(),
            };
            db.Add(rx);
            await db.SaveChangesAsync();
            foreach (var o in orders.Where(o => o.Kind == OrderKind.Lab))
                for (var t = 0; t < 3; t++)
                    db.Add(new ServiceResult
                    {
                        ServiceOrderId = o.Id, PatientId = patient.Id, TestCode = $"T{t}", TestName = $"Chỉ số {t}", Value = (4 + random.Next(8)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Unit = "mmol/L", ReferenceRange = "4-10", Flag = random.Next(5) == 0 ? ResultFlag.High : ResultFlag.None,
                        ResultedAt = at.AddMinutes(25), ReleasedAt = at.AddMinutes(26), ReleasedBy = "labtech",
                    });
            var first = Document(visit, ClinicalDocumentKind.ExamRecord, exam.Id, 1, null, at.AddMinutes(41), filler);
            db.Add(first);
            db.Add(Document(visit, ClinicalDocumentKind.Prescription, rx.Id, 1, null, at.AddMinutes(41), filler));
            await db.SaveChangesAsync();
            if (n % 10 == 0)
            {
                db.Add(Document(visit, ClinicalDocumentKind.ExamRecord, exam.Id, 2, first.Id, at.AddMinutes(90), filler, "Bổ sung kết quả"));
                await db.SaveChangesAsync();
            }
            db.ChangeTracker.Clear();
        }
        return patient.Id;
    }

    private static ServiceOrder Order(Visit visit, MedicalService s, OrderKind kind, DateTime at) => new()
    {
        RequestNumber = "CD" + visit.Code, VisitId = visit.Id, PatientId = visit.PatientId, ServiceId = s.Id, ServiceCode = s.Code, ServiceName = s.Name,
        Kind = kind, Status = OrderStatus.Performed, OrderedAt = at.AddMinutes(15), OrderedBy = "doctor", PerformedAt = at.AddMinutes(25), PerformedBy = "ktv",
    };

    private static ClinicalDocument Document(Visit visit, ClinicalDocumentKind kind, long sourceId, int version, long? previous, DateTime at, byte[] content, string? reason = null) => new()
    {
        VisitId = visit.Id, PatientId = visit.PatientId, Kind = kind, SourceId = sourceId, Version = version, PreviousVersionId = previous,
        CorrectionReason = reason, Title = kind.ToString(), Content = content, ContentSha256 = new string('0', 64), SignedByUserId = "bench",
        SignedByName = "BS. Bench", CertificateSubject = "CN=bench", CertificateThumbprint = new string('A', 40), SignedAt = at,
    };
}
