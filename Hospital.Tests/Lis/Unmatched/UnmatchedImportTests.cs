using AngleSharp.Html.Parser;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Queues;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Lis.LabTestKit;
using static Hospital.Tests.Lis.Results.AnalyserResultImportTests;

namespace Hospital.Tests.Lis.Unmatched;

/// <summary>The whole path: an analyser sends a value for a barcode it misread, the import holds it, a technician assigns it.</summary>
public sealed class UnmatchedImportTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_value_for_an_unknown_barcode_waits_in_the_queue_and_the_technician_assigns_it(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var (_, tubes) = await ReceivedSpecimensAsync(app, BloodCount);
        var edta = tubes[SpecimenType.WholeBloodEdta];
        var measured = DateTime.UtcNow.AddMinutes(-3);
        var outcome = await ImportAsync(app, Upload("XN1", "H|\\^&\rO|1||7" + edta + "\rR|1|^^^WBC|11.2\r",
            O("7" + edta, "WBC", "11.2", "10*3/uL", "H", measured)));
        Assert.Equal((0, 1), (outcome.Stored, outcome.Unmatched));

        using var lab = await QueueWebKit.SignedInAsync(app, "labtech");
        var api = await lab.Client.GetStringAsync("/api/v1/lab-results/unmatched");
        Assert.Contains($"\"barcode\":\"7{edta}\"", api);
        var (_, list) = await lab.GetPageAsync("/lab/unmatched");
        var row = list.QuerySelectorAll("[data-testid=unmatched-row]").Single(r => r.GetAttribute("data-barcode") == "7" + edta);
        Assert.Equal("unknown-specimen", row.GetAttribute("data-reason"));
        var id = row.GetAttribute("data-id")!;

        var (_, page) = await lab.GetPageAsync(row.QuerySelector("[data-testid=unmatched-open]")!.GetAttribute("href")!);
        var picker = new HtmlParser().ParseDocument(await lab.Client.GetStringAsync($"/lab/unmatched/{id}/tests?AssignBarcode={edta}"));
        Assert.Equal("HH-WBC", picker.QuerySelector("#assign-test option[selected]")!.GetAttribute("value"));
        var assigned = await lab.SubmitAsync(page, "#unmatched-assign-form",
            new Dictionary<string, string> { ["AssignBarcode"] = edta, ["AssignTestCode"] = "HH-WBC" }, $"/lab/unmatched?id={id}");
        Assert.True(WebSession.IsRedirectTo(assigned, "/lab/unmatched"), assigned.StatusCode.ToString());

        await using var db = app.Database.NewContext();
        var result = await db.Set<LabResult>().SingleAsync();
        Assert.Equal(("HH-WBC", "11.2", ResultFlag.High, "4 - 10", "XN1", "WBC", outcome.MessageId),
            (result.TestCode, result.Value, result.Flag, result.ReferenceRange, result.Analyser, result.AnalyserTestCode, result.AnalyserMessageId));
        Assert.Equal(LabResultStatus.Pending, result.Status);
        var unmatched = await db.Set<UnmatchedLabResult>().SingleAsync();
        Assert.Equal((UnmatchedResolution.Assigned, result.Id, "labtech"), (unmatched.Resolution, unmatched.AssignedLabResultId, unmatched.ResolvedBy));
        Assert.Equal(LabTestStatus.Resulted, (await db.Set<LabOrderTest>().SingleAsync(t => t.TestCode == "HH-WBC")).Status);
    }
}
