using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Lis.Analysers;
using Hospital.Lis.Results;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hospital.Tests.Lis.LabTestKit;

namespace Hospital.Tests.Lis.Results;

/// <summary>Analyser messages stored before their ACK: matched to ordered tests, or held as unmatched, QC apart, resends once.</summary>
public sealed class AnalyserResultImportTests
{
    private static readonly DateTime Measured = new(2026, 11, 22, 2, 15, 0, DateTimeKind.Utc);

    internal static AnalyserObservation O(string barcode, string code, string value, string? unit, string? flags, DateTime at,
        bool IsQc = false, bool IsRerun = false) => new(barcode, code, value, unit, flags, at, IsQc, IsRerun);

    internal static AnalyserUpload Upload(string analyser, string text, params AnalyserObservation[] observations) =>
        new(analyser, AnalyserProtocol.Astm, text, null, AnalyserMessageKind.Results, observations, DateTime.UtcNow);

    internal static async Task<UploadOutcome> ImportAsync(HospitalAppFactory app, AnalyserUpload upload)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AnalyserResultImport>().ImportAsync(upload);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Matched_values_are_stored_on_their_ordered_tests_with_range_and_flag_and_the_tests_become_resulted(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var (_, tubes) = await ReceivedSpecimensAsync(app, BloodCount, Glucose);
        var edta = tubes[SpecimenType.WholeBloodEdta];
        var serum = tubes[SpecimenType.Serum];

        var outcome = await ImportAsync(app, Upload("XN1", "H|\\^&\rR|1|WBC 12.5\r",
            O(edta, "WBC", "12,5", "10*3/uL", "H", Measured),
            O(edta, "HGB", " 135 ", null, null, Measured)));
        var chem = await ImportAsync(app, Upload("BS1", "H|\\^&\rR|1|GLU 28\r", O(serum, "GLU", "28", "mmol/L", "HH", Measured)));

        Assert.Equal((2, 0, 0, false), (outcome.Stored, outcome.Unmatched, outcome.Qc, outcome.Duplicate));
        Assert.Equal(1, chem.Stored);
        await using var db = app.Database.NewContext();
        var results = await db.Set<LabResult>().ToDictionaryAsync(r => r.TestCode);
        Assert.Equal(("12,5", 12.5m, ResultFlag.High, "4 - 10", "10*3/uL", "XN1", "WBC"),
            (results["HH-WBC"].Value, results["HH-WBC"].NumericValue, results["HH-WBC"].Flag, results["HH-WBC"].ReferenceRange,
             results["HH-WBC"].Unit, results["HH-WBC"].Analyser, results["HH-WBC"].AnalyserTestCode));
        Assert.Equal(("135", "g/L"), (results["HH-HGB"].Value, results["HH-HGB"].Unit));
        Assert.Equal(ResultFlag.CriticalHigh, results["SH-GLU"].Flag);
        Assert.All(results.Values, r => Assert.Equal((LabResultStatus.Pending, Measured, (DateTime?)null), (r.Status, r.InstrumentAt!.Value, r.SupersededAt)));
        var statuses = await db.Set<LabOrderTest>().ToDictionaryAsync(t => t.TestCode, t => t.Status);
        Assert.Equal(LabTestStatus.Resulted, statuses["HH-WBC"]);
        Assert.Equal(LabTestStatus.Resulted, statuses["SH-GLU"]);
        Assert.Equal(LabTestStatus.Received, statuses["HH-PLT"]);
        var message = await db.Set<AnalyserMessage>().SingleAsync(m => m.Id == outcome.MessageId);
        Assert.Equal(("XN1", 2, AnalyserResultImport.Sha256Hex("H|\\^&\rR|1|WBC 12.5\r")), (message.Analyser, message.ResultCount, message.ContentSha256));
        Assert.All(results.Values.Where(r => r.Analyser == "XN1"), r => Assert.Equal(outcome.MessageId, r.AnalyserMessageId));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_message_sent_again_after_a_lost_ack_is_stored_once(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var (_, tubes) = await ReceivedSpecimensAsync(app, BloodCount);
        var edta = tubes[SpecimenType.WholeBloodEdta];
        var upload = Upload("XN1", "H|\\^&\rR|1|WBC\r", O(edta, "WBC", "6.1", null, null, Measured), O("9999", "WBC", "5", null, null, Measured));

        var first = await ImportAsync(app, upload);
        var again = await ImportAsync(app, upload);
        // Same values rebuilt with a new header (a new message to the inbox): the values themselves are not stored twice.
        var rebuilt = await ImportAsync(app, upload with { Text = "H|\\^&|||XN^2\rR|1|WBC\r", Observations = [upload.Observations[0]] });

        Assert.False(first.Duplicate);
        Assert.Equal((true, first.MessageId, 1, 1), (again.Duplicate, again.MessageId, again.Stored, again.Unmatched));
        Assert.Equal((false, 0), (rebuilt.Duplicate, rebuilt.Stored));
        await using var db = app.Database.NewContext();
        Assert.Equal(1, await db.Set<LabResult>().CountAsync());
        Assert.Equal(1, await db.Set<UnmatchedLabResult>().CountAsync());
        Assert.Equal(2, await db.Set<AnalyserMessage>().CountAsync());
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task What_cannot_be_matched_waits_in_the_unmatched_queue_with_its_reason(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var (_, tubes) = await ReceivedSpecimensAsync(app, Glucose);
        var serum = tubes[SpecimenType.Serum];

        var outcome = await ImportAsync(app, Upload("BS1", "H|\\^&\rR|1|mixed\r",
            O("  26000001 ", "GLU", "5.2", "mmol/L", null, Measured),
            O(serum, "XYZ", "1.0", null, null, Measured),
            O(serum, "CREA", "88", "umol/L", null, Measured),
            O(serum, "GLU", "5.2", "mmol/L", "N", Measured)));

        Assert.Equal((1, 3), (outcome.Stored, outcome.Unmatched));
        await using var db = app.Database.NewContext();
        var unmatched = await db.Set<UnmatchedLabResult>().OrderBy(u => u.Id).ToListAsync();
        Assert.Equal([("26000001", "GLU", UnmatchedReason.UnknownSpecimen), (serum, "XYZ", UnmatchedReason.UnmappedCode), (serum, "CREA", UnmatchedReason.NotOrdered)],
            unmatched.Select(u => (u.Barcode, u.AnalyserTestCode, u.Reason)));
        Assert.All(unmatched, u => Assert.Equal(("BS1", outcome.MessageId, (DateTime?)null), (u.Analyser, u.AnalyserMessageId!.Value, u.ResolvedAt)));
        Assert.Equal("88", unmatched[2].Value);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Qc_values_go_to_the_qc_store_and_never_onto_a_patient(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var (_, tubes) = await ReceivedSpecimensAsync(app, Glucose);

        // A control whose ID happens to equal a patient's barcode still is a control.
        var outcome = await ImportAsync(app, Upload("BS1", "H|\\^&\rO|1||QC|||||||Q\rR|1|GLU\r",
            O("QC-N1", "GLU", "5.61", "mmol/L", null, Measured, IsQc: true),
            O(tubes[SpecimenType.Serum], "GLU", "5.0", "mmol/L", null, Measured, IsQc: true)));

        Assert.Equal((0, 0, 2), (outcome.Stored, outcome.Unmatched, outcome.Qc));
        await using var db = app.Database.NewContext();
        Assert.Equal(0, await db.Set<LabResult>().CountAsync());
        // The demo month of QC (DemoQc) is there too: this message's rows only.
        var qc = await db.Set<QcResult>().Where(q => q.AnalyserMessageId == outcome.MessageId).OrderBy(q => q.Id).FirstAsync();
        var glucoseId = await db.Set<LabTest>().Where(t => t.Code == "SH-GLU").Select(t => t.Id).SingleAsync();
        Assert.Equal(("QC-N1", (int?)glucoseId, 5.61m), (qc.ControlId, qc.LabTestId, qc.NumericValue));
        Assert.Equal(AnalyserMessageKind.QualityControl, (await db.Set<AnalyserMessage>().SingleAsync()).Kind);
        Assert.Equal(LabTestStatus.Received, await db.Set<LabOrderTest>().Select(t => t.Status).SingleAsync());
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_rerun_supersedes_the_current_value_and_keeps_it_as_history(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var (_, tubes) = await ReceivedSpecimensAsync(app, Glucose);
        var serum = tubes[SpecimenType.Serum];

        await ImportAsync(app, Upload("BS1", "run 1", O(serum, "GLU", "31.2", null, "HH", Measured)));
        await ImportAsync(app, Upload("BS1", "run 2", O(serum, "GLU", "6.0", null, null, Measured.AddMinutes(20), IsRerun: true)));

        await using var db = app.Database.NewContext();
        var history = await db.Set<LabResult>().OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(["31.2", "6.0"], history.Select(r => r.Value));
        Assert.NotNull(history[0].SupersededAt);
        Assert.Null(history[1].SupersededAt);
        Assert.Equal((ResultFlag.None, "mmol/L"), (history[1].Flag, history[1].Unit));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task An_unreadable_message_is_kept_with_its_error_and_values_that_are_not_numbers_stay_text(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var (_, tubes) = await ReceivedSpecimensAsync(app, Glucose);

        var broken = await ImportAsync(app, Upload("BS1", "\u0002garbage") with { Error = "Thiếu bản ghi H", Kind = AnalyserMessageKind.Other });
        await ImportAsync(app, Upload("BS1", "over range", O(tubes[SpecimenType.Serum], "GLU", ">33.3", null, "H", Measured)));

        await using var db = app.Database.NewContext();
        var kept = await db.Set<AnalyserMessage>().SingleAsync(m => m.Id == broken.MessageId);
        Assert.Equal(("Thiếu bản ghi H", 0, "\u0002garbage"), (kept.Error, kept.ResultCount, kept.Text));
        var over = await db.Set<LabResult>().SingleAsync();
        Assert.Equal((">33.3", (decimal?)null, ResultFlag.Abnormal), (over.Value, over.NumericValue, over.Flag));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_host_query_gets_the_pending_tests_of_that_analyser_with_its_own_codes(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var (_, tubes) = await ReceivedSpecimensAsync(app, Glucose, Creatinine, BloodCount);
        var serum = tubes[SpecimenType.Serum];
        using var scope = app.Services.CreateScope();
        var worklist = scope.ServiceProvider.GetRequiredService<SpecimenWorklist>();

        var chemistry = await worklist.ForAnalyserAsync("BS1", serum);
        var haematologyOnSerum = await worklist.ForAnalyserAsync("XN1", serum);
        Assert.Null(await worklist.ForAnalyserAsync("BS1", "00000000"));

        Assert.Equal([("SH-GLU", "GLU"), ("SH-CREA", "CREA")], chemistry!.Tests.Select(t => (t.TestCode, t.AnalyserTestCode)).OrderByDescending(t => t.TestCode));
        Assert.Equal(serum, chemistry.Barcode);
        Assert.Empty(haematologyOnSerum!.Tests);

        await ImportAsync(app, Upload("BS1", "glu", O(serum, "GLU", "5.0", null, null, Measured)));
        await worklist.MarkOnAnalyserAsync(serum, ["SH-CREA"]);
        var after = await scope.ServiceProvider.GetRequiredService<SpecimenWorklist>().ForAnalyserAsync("BS1", serum);
        Assert.Equal(["SH-CREA"], after!.Tests.Select(t => t.TestCode));
        await using var db = app.Database.NewContext();
        Assert.Equal(LabTestStatus.OnAnalyser, await db.Set<LabOrderTest>().Where(t => t.TestCode == "SH-CREA").Select(t => t.Status).SingleAsync());
    }
}
