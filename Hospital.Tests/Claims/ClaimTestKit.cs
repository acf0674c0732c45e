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

namespace Hospital.Tests.Claims;

/// <summary>A concluded BHYT episode as the EMR and LIS leave it, and the staff certificate it depends on: shared by the claim and browser tests.</summary>
internal static class ClaimTestKit
{
    public sealed record Episode(int VisitId, int DoctorId, int LabTechId);

    /// <summary>
    /// A registered BHYT visit (exam fee charged at registration), then a blood count performed by a
    /// technician with two released values and a drug paid at 50% prescribed for 5 days, the exam
    /// concluded with a diagnosis, an outcome and a weight, as the EMR and LIS leave them.
    /// </summary>
    public static async Task<Episode> ConcludedVisitAsync(HospitalAppFactory app)
    {
        var visitId = await OrdersTestKit.VisitAsync(app, VisitKind.Bhyt);
        var lab = await OrdersTestKit.ServiceAsync(app, BhytCostGroup.Lab, price: 50_000, bhytPrice: 46_200);
        await using var db = app.Database.NewContext();
        var visit = await db.Set<Visit>().Include(v => v.Patient).SingleAsync(v => v.Id == visitId);
        var commune = await db.Set<Commune>().AsNoTracking().OrderBy(c => c.Code).FirstAsync();
        visit.Patient!.EthnicityCode = "01";
        visit.Patient.ProvinceCode = commune.ProvinceCode;
        visit.Patient.CommuneCode = commune.Code;
        visit.Patient.AddressLine = "Số 5 ngõ 12";
        visit.Reason = "Sốt, ho 3 ngày";

        Staff NewStaff(string name, string cchn) =>
            new() { Code = "S" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), Name = name, PracticeCertificateNo = cchn, DepartmentId = visit.DepartmentId };
        var doctor = NewStaff("Bác sĩ Thử", "009999/HNO-CCHN");
        var tech = NewStaff("KTV Thử", "008888/HNO-CCHN");
        db.AddRange(doctor, tech);
        var drug = new Drug
        {
            Code = "40." + Random.Shared.Next(100, 999), Name = "Thuốc thử 500mg", ActiveIngredient = "Paracetamol", Strength = "500mg",
            RouteCode = "1.01", RegistrationNo = "VD-1234-56", Unit = "Viên", Price = 1_234.5m, BhytPaymentRate = 50, CostGroup = BhytCostGroup.DrugByRate,
            TenderDecision = "125/QĐ-BV", TenderPackage = 1, TenderGroup = 4, TenderYear = 2026, DosageForm = "Viên nén",
        };
        drug.RefreshSearchKey();
        db.Add(drug);
        await db.SaveChangesAsync();

        var now = DateTime.UtcNow;
        var labCharge = ServiceCharge.For(visit, lab, visit.DepartmentId, "doctor", now, doctor.Id);
        labCharge.PerformingStaffId = tech.Id;
        labCharge.PerformedAt = now.AddSeconds(1);
        var drugCharge = DrugCharge.For(visit, drug, 10, "doctor", doctor.Id, now);
        db.AddRange(labCharge, drugCharge);
        await db.SaveChangesAsync();
        var order = new ServiceOrder
        {
            RequestNumber = "R" + Guid.NewGuid().ToString("N")[..8], VisitId = visitId, PatientId = visit.PatientId, ServiceId = lab.Id,
            ServiceCode = lab.Code, ServiceName = lab.Name, Kind = OrderKind.Lab, Status = OrderStatus.Performed, OrderedAt = now, OrderedBy = "doctor",
            OrderingStaffId = doctor.Id, ChargeId = labCharge.Id, PerformedAt = now.AddSeconds(2), PerformedBy = "labtech", PerformingStaffId = tech.Id,
        };
        db.Add(order);
        await db.SaveChangesAsync();
        foreach (var (code, value) in new[] { ("WBC", "7.2"), ("HGB", "128") })
            db.Add(new ServiceResult
            {
                ServiceOrderId = order.Id, PatientId = visit.PatientId, TestCode = code, TestName = code, Value = value,
                ResultedAt = now.AddSeconds(2), ReleasedAt = now.AddSeconds(2), ReleasedBy = "labtech",
            });
        db.Add(new Prescription
        {
            VisitId = visitId, PatientId = visit.PatientId, Status = PrescriptionStatus.Signed, CreatedAt = now, CreatedBy = "doctor", DoctorStaffId = doctor.Id,
            Lines = [new PrescriptionLine
            {
                Position = 1, DrugId = drug.Id, DrugCode = drug.Code, DrugName = drug.Name, ActiveIngredient = drug.ActiveIngredient, Unit = "Viên",
                DosePerTime = 1, TimesPerDay = 2, Days = 5, Quantity = 10, Usage = "Uống sau ăn", ChargeId = drugCharge.Id,
            }],
        });
        db.Add(new VitalSigns { VisitId = visitId, PatientId = visit.PatientId, MeasuredAt = now, RecordedBy = "nurse", WeightKg = 61.5m });
        db.Add(new ExamRecord
        {
            VisitId = visitId, PatientId = visit.PatientId, Status = ExamStatus.Concluded, StartedBy = "doctor", StartedAt = now, DoctorStaffId = doctor.Id,
            Reason = "Sốt", PrimaryDiagnosisCode = "J02.9", PrimaryDiagnosisText = "Viêm họng cấp", OutcomeCode = 2,
            ConcludedAt = now.AddSeconds(3), ConcludedBy = "doctor",
        });
        visit.Status = VisitStatus.Concluded;
        await db.SaveChangesAsync();
        return new Episode(visitId, doctor.Id, tech.Id);
    }

    public static async Task PayAsync(HospitalAppFactory app, int visitId)
    {
        using var scope = app.Services.CreateScope();
        var due = (await scope.ServiceProvider.GetRequiredService<VisitAccount>().BalanceAsync(visitId))!.Due;
        Assert.True(due > 0);
        await using var db = app.Database.NewContext();
        db.Add(new Payment
        {
            VisitId = visitId, Kind = PaymentKind.Payment, Method = PaymentMethod.Cash, Status = PaymentStatus.Completed, Amount = due,
            CreatedBy = "cashier", CreatedAt = DateTime.UtcNow, CompletedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    public static async Task SetCertificateAsync(HospitalAppFactory app, int staffId, string? code)
    {
        await using var db = app.Database.NewContext();
        var staff = await db.Set<Staff>().SingleAsync(s => s.Id == staffId);
        staff.PracticeCertificateNo = code;
        await db.SaveChangesAsync();
    }

    public static async Task<string?> CertificateAsync(HospitalAppFactory app, int staffId)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<Staff>().Where(s => s.Id == staffId).Select(s => s.PracticeCertificateNo).SingleAsync();
    }

}
