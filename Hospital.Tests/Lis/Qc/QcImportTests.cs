using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Lis.Results.AnalyserResultImportTests;

namespace Hospital.Tests.Lis.Qc;

/// <summary>QC values arriving through the import are judged by the Westgard rules before the analyser gets its ACK.</summary>
public sealed class QcImportTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_second_control_value_beyond_2_sd_rejects_the_run_as_it_is_stored(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        await using (var db = app.Database.NewContext())
        {
            var wbc = await db.Set<LabTest>().Where(t => t.Code == "HH-WBC").Select(t => t.Id).SingleAsync();
            db.Add(new QcTarget { Analyser = "XN1", ControlId = "QC-IMPORT", LabTestId = wbc, Mean = 7m, Sd = 0.2m, CreatedAt = DateTime.UtcNow.AddDays(-1), CreatedBy = "test" });
            await db.SaveChangesAsync();
        }
        var at = DateTime.UtcNow.AddHours(-2);
        var first = await ImportAsync(app, Upload("XN1", "QC 1", O("QC-IMPORT", "WBC", "7.45", null, null, at, IsQc: true),
            O("QC-OTHER", "WBC", "99", null, null, at, IsQc: true)));
        var second = await ImportAsync(app, Upload("XN1", "QC 2", O("QC-IMPORT", "WBC", "7,5", null, null, at.AddHours(1), IsQc: true)));
        Assert.Equal((2, 1, 0), (first.Qc, second.Qc, second.Stored));

        await using var read = app.Database.NewContext();
        var runs = await read.Set<QcResult>().Where(r => r.Analyser == "XN1" && r.ControlId.StartsWith("QC-IMPORT") || r.ControlId == "QC-OTHER")
            .ToDictionaryAsync(r => r.AnalyserMessageId == second.MessageId ? "second" : r.ControlId);
        Assert.Equal(("1-2s", false), (runs["QC-IMPORT"].Violations, runs["QC-IMPORT"].RunRejected));
        Assert.Equal(("1-2s;2-2s", true), (runs["second"].Violations, runs["second"].RunRejected));
        // A control without a target is stored unjudged.
        Assert.Equal((null, false), (runs["QC-OTHER"].Violations, runs["QC-OTHER"].RunRejected));
        Assert.Equal(0, await read.Set<LabResult>().CountAsync());
    }
}
