using Hospital.Domain.Billing;
using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;
using Hospital.Domain.Patients;
using Hospital.Domain.Text;
using Hospital.Domain.Visits;
using Hospital.Emr.Prescriptions;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Tests.Prescriptions;

/// <summary>A registered visit with an open exam on the demo hospital, and what was stored for its prescriptions.</summary>
internal static class PrescriptionTestKit
{
    public const string Doctor = "doctor";

    public sealed record TestVisit(int VisitId, int PatientId);

    /// <summary>A visit of <paramref name="kind"/> for a patient of <paramref name="ageMonths"/> months, its exam started with the given diagnoses.</summary>
    public static async Task<TestVisit> VisitAsync(HospitalAppFactory app, VisitKind kind = VisitKind.Fee, int ageMonths = 480,
        string? primary = "J06.9", string? secondary = null)
    {
        var room = await VisitTestKit.RoomAsync(app);
        var card = kind == VisitKind.Bhyt ? "DN437" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999) : null;
        var patient = await VisitTestKit.PatientAsync(app, cardNumber: card);
        await using (var db = app.Database.NewContext())
        {
            var p = await db.Set<Patient>().SingleAsync(x => x.Id == patient.Id);
            var born = VisitTestKit.Today.AddMonths(-ageMonths).AddDays(-3);
            p.DateOfBirth = born;
            p.BirthYear = born.Year;
            await db.SaveChangesAsync();
        }
        var registered = await VisitTestKit.RegisterAsync(app, new VisitRequest { PatientId = patient.Id, Kind = kind, RoomId = room.Id });
        Assert.True(registered.Succeeded, string.Join("; ", registered.Errors.Values));
        await using (var db = app.Database.NewContext())
        {
            db.Add(new ExamRecord
            {
                VisitId = registered.Visit!.Id, PatientId = patient.Id, StartedBy = Doctor, StartedAt = DateTime.UtcNow,
                PrimaryDiagnosisCode = primary, PrimaryDiagnosisText = primary is null ? null : "Chẩn đoán " + primary,
                SecondaryDiagnosisCodes = secondary,
            });
            await db.SaveChangesAsync();
        }
        return new TestVisit(registered.Visit!.Id, patient.Id);
    }

    public static async Task AllergyAsync(HospitalAppFactory app, int patientId, string substance)
    {
        await using var db = app.Database.NewContext();
        db.Add(new PatientAllergy
        {
            PatientId = patientId, Substance = substance, SubstanceKey = VietnameseText.SearchKey(substance),
            Severity = AllergySeverity.Severe, RecordedAt = DateTime.UtcNow, RecordedBy = "test",
        });
        await db.SaveChangesAsync();
    }

    public static async Task<Drug> DrugAsync(HospitalAppFactory app, string code)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<Drug>().AsNoTracking().SingleAsync(d => d.Code == code);
    }

    public static async Task<T> WithAsync<TService, T>(HospitalAppFactory app, Func<TService, Task<T>> act) where TService : notnull
    {
        using var scope = app.Services.CreateScope();
        return await act(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static Task<PrescriptionWriteResult> AddAsync(HospitalAppFactory app, TestVisit visit, string drugCode, decimal dose = 1, int times = 2, int days = 5,
        decimal? containers = null, string? overrideReason = null, PrescriptionForm? form = null, PrescriptionHeaderInput? header = null) =>
        AddAsync(app, visit, drugCode, new PrescriptionLineInput(0, dose, times, days, containers, null, null, null, overrideReason, form), header);

    public static async Task<PrescriptionWriteResult> AddAsync(HospitalAppFactory app, TestVisit visit, string drugCode, PrescriptionLineInput input, PrescriptionHeaderInput? header = null)
    {
        var drug = await DrugAsync(app, drugCode);
        return await WithAsync<PrescriptionWriting, PrescriptionWriteResult>(app, w => w.AddLineAsync(visit.VisitId, input with { DrugId = drug.Id }, header, Doctor));
    }

    public sealed record Stored(int Prescriptions, int Lines, int DrugCharges);

    public static async Task<Stored> StoredAsync(HospitalAppFactory app, TestVisit visit)
    {
        await using var db = app.Database.NewContext();
        return new Stored(
            await db.Set<Prescription>().CountAsync(p => p.VisitId == visit.VisitId),
            await db.Set<PrescriptionLine>().CountAsync(l => db.Set<Prescription>().Any(p => p.Id == l.PrescriptionId && p.VisitId == visit.VisitId)),
            await db.Set<Charge>().CountAsync(c => c.VisitId == visit.VisitId && c.ItemKind == ChargeItemKind.Drug));
    }

    public static async Task<List<Prescription>> PrescriptionsAsync(HospitalAppFactory app, TestVisit visit)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<Prescription>().AsNoTracking().Include(p => p.Lines).Where(p => p.VisitId == visit.VisitId).OrderBy(p => p.Id).ToListAsync();
    }
}
