using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Lis.Validation;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Lis.LabTestKit;
using static Hospital.Tests.Lis.Validation.ValidationTestKit;

namespace Hospital.Tests.Lis.Validation;

/// <summary>Validate, reject and rerun: what reaches the EMR, what stays as history.</summary>
public sealed class LabResultValidationTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Reject_and_rerun_keep_the_history_and_a_rerun_after_release_supersedes_the_released_value(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var (visitId, tubes) = await ReceivedSpecimensAsync(app, BloodCount);
        var edta = tubes[SpecimenType.WholeBloodEdta];
        await SendAsync(app, "XN1", Value(edta, "WBC", "6.1"), Value(edta, "HGB", "140"));
        var wbc = await CurrentAsync(app, edta, "HH-WBC");

        // A reason is required; nothing changes without one.
        var refused = await Assert.ThrowsAsync<DomainException>(() => WithValidationAsync(app, v => v.RerunAsync(ResultSelection.Result(wbc.Id), "  ")));
        Assert.Contains("Cần ghi lý do chạy lại", refused.Message);
        Assert.Equal(LabResultStatus.Pending, (await CurrentAsync(app, edta, "HH-WBC")).Status);

        await WithValidationAsync(app, v => v.RerunAsync(ResultSelection.Result(wbc.Id), "Mẫu có cục đông"));
        await using (var db = app.Database.NewContext())
            Assert.Equal(LabTestStatus.Received, await db.Set<LabOrderTest>().Where(t => t.Id == wbc.LabOrderTestId).Select(t => t.Status).SingleAsync());
        await SendAsync(app, "XN1", Value(edta, "WBC", "6.3", minutesLater: 1));
        var outcome = await WithValidationAsync(app, v => v.ValidateAsync(ResultSelection.Specimen(wbc.SpecimenId)));
        Assert.Equal((2, edta), (outcome.Count, outcome.Barcode));
        Assert.Equal(["6.3", "140"], (await EmrResultsAsync(app, visitId)).Select(r => r.Value));

        // A rerun arrives after release: it waits; validating it supersedes the released value in the EMR.
        await SendAsync(app, "XN1", Value(edta, "WBC", "9.9", minutesLater: 2));
        Assert.Equal("6.3", (await EmrResultsAsync(app, visitId)).Single(r => r.TestCode == "HH-WBC").Value);
        await using (var db = app.Database.NewContext())
        {
            // The worklist marks it: "đã trả kết quả trước đó: 6.3".
            var listed = (await Web.Features.LabValidation.ValidationWorklistModel.LoadAsync(db, null, null, default)).Single(s => s.Barcode == edta);
            var shown = listed.Tests.Single(t => t.Code == "HH-WBC");
            Assert.Equal(("9.9", "6.3"), (shown.Current!.Value, shown.ReleasedBefore!.Value));
            Assert.Equal(2, shown.History.Count);
        }
        var rerun = await CurrentAsync(app, edta, "HH-WBC");
        await WithValidationAsync(app, v => v.ValidateAsync(ResultSelection.Result(rerun.Id)));
        Assert.Equal("9.9", (await EmrResultsAsync(app, visitId)).Single(r => r.TestCode == "HH-WBC").Value);

        // A wrong new HGB value is rejected: the released one stands, in the LIS and the EMR.
        await SendAsync(app, "XN1", Value(edta, "HGB", "50", minutesLater: 3));
        var bad = await CurrentAsync(app, edta, "HH-HGB");
        await WithValidationAsync(app, v => v.RejectAsync(ResultSelection.Result(bad.Id), "Vỡ hồng cầu"));
        Assert.Equal("140", (await EmrResultsAsync(app, visitId)).Single(r => r.TestCode == "HH-HGB").Value);

        await using var check = app.Database.NewContext();
        var history = await check.Set<LabResult>().Where(r => r.TestCode == "HH-WBC").OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([("6.1", LabResultStatus.RerunRequested, "Mẫu có cục đông"), ("6.3", LabResultStatus.Validated, null), ("9.9", LabResultStatus.Validated, null)],
            history.Select(h => (h.Value, h.Status, h.StatusReason)));
        Assert.Equal([true, true, false], history.Select(h => h.SupersededAt is not null));
        Assert.Equal(("system", LabResultStatus.Rejected, "Vỡ hồng cầu"), (bad.StatusChangedBy ?? "system", (await CurrentAsync(app, edta, "HH-HGB")).Status, (await CurrentAsync(app, edta, "HH-HGB")).StatusReason));
        Assert.Equal(LabTestStatus.Released, await check.Set<LabOrderTest>().Where(t => t.Id == bad.LabOrderTestId).Select(t => t.Status).SingleAsync());
        var emrWbc = await check.Set<ServiceResult>().Where(r => r.TestCode == "HH-WBC").OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([("6.3", true), ("9.9", false)], emrWbc.Select(r => (r.Value, r.SupersededAt is not null)));

        // Nothing left to validate on the tube.
        var nothing = await Assert.ThrowsAsync<DomainException>(() => WithValidationAsync(app, v => v.ValidateAsync(ResultSelection.Specimen(wbc.SpecimenId))));
        Assert.Contains("không còn kết quả nào chờ duyệt", nothing.Message);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_value_typed_for_a_test_without_an_analyser_is_checked_stored_and_released_as_manual(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var (visitId, tubes) = await ReceivedSpecimensAsync(app, "22.0280.1269");
        var edta = tubes[SpecimenType.WholeBloodEdta];
        long orderTestId;
        await using (var db = app.Database.NewContext())
            orderTestId = await db.Set<LabOrderTest>().Where(t => t.TestCode == "HH-ABO").Select(t => t.Id).SingleAsync();

        var wrong = await Assert.ThrowsAsync<DomainException>(() => WithValidationAsync(app, v => v.EnterAsync(orderTestId, "Z")));
        Assert.Contains("phải là một trong: A, B, AB, O", wrong.Message);
        var typed = await WithValidationAsync(app, v => v.EnterAsync(orderTestId, "ab"));
        Assert.Equal(("AB", null, LabResultStatus.Pending), (typed.Value, typed.Analyser, typed.Status));

        await WithValidationAsync(app, v => v.ValidateAsync(ResultSelection.Result(typed.Id)));
        var released = Assert.Single(await EmrResultsAsync(app, visitId));
        Assert.Equal(("HH-ABO", "AB", ResultSignOff.ManualSource), (released.TestCode, released.Value, released.Source));

        // A test an analyser runs is not typed in.
        var (_, other) = await ReceivedSpecimensAsync(app, Glucose);
        await using var check = app.Database.NewContext();
        var glucoseTest = await check.Set<LabOrderTest>().Where(t => t.TestCode == "SH-GLU").Select(t => t.Id).SingleAsync();
        var refused = await Assert.ThrowsAsync<DomainException>(() => WithValidationAsync(app, v => v.EnterAsync(glucoseTest, "5")));
        Assert.Contains("được chạy trên máy", refused.Message);
        Assert.Empty(await check.Set<LabResult>().Where(r => r.LabOrderTestId == glucoseTest).ToListAsync());
        Assert.NotEmpty(other);
    }
}
