using Hospital.Domain.Clinical;
using Hospital.Domain.Lab;
using Hospital.Lis.Analysers;
using Hospital.Lis.Specimens;
using Hospital.Lis.Validation;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Lis.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Tests.Lis.Validation;

/// <summary>Rules, analyser values through the real import, lab-form tubes for the same patient, and the validation service.</summary>
internal static class ValidationTestKit
{
    public static readonly DateTime Measured = DateTime.UtcNow.AddMinutes(-5);

    public static async Task SetRuleAsync(HospitalAppFactory app, string testCode, bool autoVerify, decimal? deltaLimit = null, int window = 30)
    {
        await using var db = app.Database.NewContext();
        var testId = await db.Set<LabTest>().Where(t => t.Code == testCode).Select(t => t.Id).SingleAsync();
        db.Add(new AutoVerificationRule { LabTestId = testId, AutoVerify = autoVerify, DeltaLimitPercent = deltaLimit, DeltaWindowDays = window, UpdatedAt = DateTime.UtcNow, UpdatedBy = "admin" });
        await db.SaveChangesAsync();
    }

    /// <summary>Values from an analyser, stored by the import as a session would hand them over (each call a distinct message).</summary>
    public static Task<UploadOutcome> SendAsync(HospitalAppFactory app, string analyser, params AnalyserObservation[] observations) =>
        AnalyserResultImportTests.ImportAsync(app, AnalyserResultImportTests.Upload(analyser,
            $"H|\\^&\rR|{Guid.NewGuid():N}\r", observations));

    /// <param name="minutesLater">Measured that many minutes after <see cref="Measured"/> (a rerun is measured later; the same time would be a resend).</param>
    public static AnalyserObservation Value(string barcode, string code, string value, string? flags = null, int minutesLater = 0, string? unit = null) =>
        new(barcode, code, value, unit, flags, Measured.AddMinutes(minutesLater));

    /// <summary>A tube of the same patient ordered from the lab form (no EMR order) and received.</summary>
    public static async Task<string> LabFormTubeAsync(HospitalAppFactory app, int patientId, params string[] testCodes)
    {
        using var scope = app.Services.CreateScope();
        var placed = await scope.ServiceProvider.GetRequiredService<LabOrdering>()
            .PlaceAsync(new LabOrderRequest(patientId, null, testCodes, OrderPriority.Routine, LabOrderSource.LabForm));
        Assert.NotNull(placed.Order);
        var barcode = placed.Order!.Specimens.Single().Barcode;
        await scope.ServiceProvider.GetRequiredService<SpecimenReceipt>().ReceiveAsync(barcode);
        return barcode;
    }

    public static async Task<T> WithValidationAsync<T>(HospitalAppFactory app, Func<LabResultValidation, Task<T>> act)
    {
        using var scope = app.Services.CreateScope();
        return await act(scope.ServiceProvider.GetRequiredService<LabResultValidation>());
    }

    public static async Task<LabResult> CurrentAsync(HospitalAppFactory app, string barcode, string testCode)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<LabResult>().SingleAsync(r => r.TestCode == testCode && r.SupersededAt == null
            && db.Set<Specimen>().Any(s => s.Id == r.SpecimenId && s.Barcode == barcode));
    }

    public static async Task<int> PatientOfAsync(HospitalAppFactory app, string barcode)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<Specimen>().Where(s => s.Barcode == barcode).Select(s => s.PatientId).SingleAsync();
    }

    /// <summary>The visit's released values (what the exam's results panel and the chart read), current ones only.</summary>
    public static async Task<List<ServiceResult>> EmrResultsAsync(HospitalAppFactory app, int visitId)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<ServiceResult>().Where(r => r.SupersededAt == null && db.Set<ServiceOrder>().Any(o => o.Id == r.ServiceOrderId && o.VisitId == visitId))
            .OrderBy(r => r.Id).ToListAsync();
    }

    /// <summary>The visit's lab orders as placed by the signed-in doctor (the kits order outside a request, as "system").</summary>
    public static async Task OrderedByDoctorAsync(HospitalAppFactory app, int visitId)
    {
        await using var db = app.Database.NewContext();
        await db.Set<ServiceOrder>().Where(o => o.VisitId == visitId).ExecuteUpdateAsync(s => s.SetProperty(o => o.OrderedBy, "doctor"));
    }
}
