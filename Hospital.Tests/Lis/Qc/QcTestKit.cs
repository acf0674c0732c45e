using Hospital.Domain.Lab;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Lis.Qc;

/// <summary>QC targets and results written as the admin page and the import leave them, on an analyser the demo data does not use.</summary>
internal static class QcTestKit
{
    public const string Analyser = "XN9", Control = "QC-T1";

    public static async Task<QcTarget> TargetAsync(HospitalAppFactory app, string testCode, decimal mean, decimal sd, DateTime createdAt, string control = Control)
    {
        await using var db = app.Database.NewContext();
        var testId = await db.Set<LabTest>().Where(t => t.Code == testCode).Select(t => t.Id).SingleAsync();
        var target = new QcTarget { Analyser = Analyser, ControlId = control, LabTestId = testId, Mean = mean, Sd = sd, CreatedAt = createdAt, CreatedBy = "test" };
        db.Add(target);
        await db.SaveChangesAsync();
        return target;
    }

    public static QcResult Run(int labTestId, decimal? value, DateTime at, string control = Control) => new()
    {
        Analyser = Analyser, ControlId = control, AnalyserTestCode = "WBC", LabTestId = labTestId,
        Value = value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "----", NumericValue = value,
        InstrumentAt = at, ReceivedAt = at.AddMinutes(1),
    };

    public static async Task StoreAsync(HospitalAppFactory app, params QcResult[] runs)
    {
        await using var db = app.Database.NewContext();
        db.AddRange(runs);
        await db.SaveChangesAsync();
    }
}
