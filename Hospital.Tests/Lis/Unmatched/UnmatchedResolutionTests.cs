using Hospital.Domain.Audit;
using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Lis.Results;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hospital.Tests.Lis.Unmatched.UnmatchedTestKit;

namespace Hospital.Tests.Lis.Unmatched;

/// <summary>A technician settles the unmatched results queue: assign to the right tube and test, or discard with a reason.</summary>
public sealed class UnmatchedResolutionTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Assigning_puts_a_pending_flagged_result_on_the_test_and_closes_the_row(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var tubes = await TubesAsync(app);
        // The barcode was misread by the analyser; the value is a 40-year-old man's HGB (male range 130–170 g/L).
        var id = await QueueAsync(app, "0000" + tubes.Edta, "HGB", "125");
        LabResult earlier;
        await using (var db = app.Database.NewContext())
        {
            var orderTest = await db.Set<LabOrderTest>().SingleAsync(t => t.Specimen!.Barcode == tubes.Edta && t.TestCode == "HH-HGB");
            earlier = new LabResult
            {
                LabOrderTestId = orderTest.Id, SpecimenId = orderTest.SpecimenId, PatientId = tubes.PatientId, LabTestId = orderTest.LabTestId,
                TestCode = "HH-HGB", Value = "99", NumericValue = 99, ReceivedAt = DateTime.UtcNow.AddHours(-1), Status = LabResultStatus.RerunRequested,
            };
            db.Add(earlier);
            await db.SaveChangesAsync();
        }

        var choices = await WithQueueAsync(app, async q => await q.ChoicesAsync((await q.FindAsync(id, default))!, tubes.Edta, default));
        Assert.True(choices.SpecimenFound);
        Assert.Equal("HH-HGB", choices.SuggestedCode);
        Assert.Contains(choices.Tests, t => t.Code == "HH-WBC" && !t.HasResult);
        Assert.Contains(choices.Tests, t => t.Code == "HH-HGB" && t.HasResult);
        Assert.DoesNotContain(choices.Tests, t => t.Code == "SH-GLU");

        var feed = app.Services.GetRequiredService<LabResultFeed>();
        using var listening = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var notice = Task.Run(async () => { await foreach (var n in feed.SubscribeAsync(listening.Token)) return n; return null; });
        while (feed.SubscriberCount == 0) await Task.Delay(10);

        var result = await WithQueueAsync(app, q => q.AssignAsync(id, " " + tubes.Edta + " ", "HH-HGB", "labtech", default));

        await using (var db = app.Database.NewContext())
        {
            var stored = await db.Set<LabResult>().SingleAsync(r => r.Id == result.Id);
            Assert.Equal(LabResultStatus.Pending, stored.Status);
            Assert.Equal("125", stored.Value);
            Assert.Equal(125m, stored.NumericValue);
            Assert.Equal("130 - 170", stored.ReferenceRange);
            Assert.Equal(ResultFlag.Low, stored.Flag);
            Assert.Equal("g/L", stored.Unit);
            Assert.Equal(("XN1", "HGB", "H"), (stored.Analyser, stored.AnalyserTestCode, stored.AnalyserFlags));
            Assert.NotNull(stored.InstrumentAt);
            Assert.Null(stored.SupersededAt);
            Assert.NotNull((await db.Set<LabResult>().SingleAsync(r => r.Id == earlier.Id)).SupersededAt);
            var orderTest = await db.Set<LabOrderTest>().SingleAsync(t => t.Id == stored.LabOrderTestId);
            Assert.Equal(LabTestStatus.Resulted, orderTest.Status);

            var row = await db.Set<UnmatchedLabResult>().SingleAsync(u => u.Id == id);
            Assert.Equal(UnmatchedResolution.Assigned, row.Resolution);
            Assert.Equal("labtech", row.ResolvedBy);
            Assert.NotNull(row.ResolvedAt);
            Assert.Equal(result.Id, row.AssignedLabResultId);
            Assert.Contains(tubes.Edta, row.ResolutionNote);
            Assert.Contains("HH-HGB", row.ResolutionNote);

            var audit = await db.Set<AuditEntry>().Where(a => a.Entity == nameof(UnmatchedLabResult) && a.EntityKey == id.ToString()).ToListAsync();
            Assert.Contains(audit, a => a.Action == AuditAction.Update && a.Changes!.Contains("Assigned"));
            Assert.Contains(await db.Set<AuditEntry>().Where(a => a.Entity == nameof(LabResult)).ToListAsync(), a => a.Action == AuditAction.Create);
        }
        var published = await notice;
        Assert.Equal((tubes.Edta, "XN1", UnmatchedResultResolution.AssignedNotice), (published!.Barcode, published.Analyser, published.What));
        Assert.Empty(await WithQueueAsync(app, q => q.OpenAsync(default)));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Wrong_tube_wrong_test_missing_reason_or_a_settled_row_are_refused_with_nothing_stored(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var tubes = await TubesAsync(app);
        var id = await QueueAsync(app, tubes.Serum, "ALB", "40", UnmatchedReason.UnmappedCode, analyser: "BS1");

        async Task<string> Refusal(Func<UnmatchedResultResolution, Task> act) =>
            (await Assert.ThrowsAsync<DomainException>(() => WithQueueAsync(app, async q => { await act(q); return 0; }))).Message;

        Assert.Equal("Không tìm thấy ống mẫu có mã vạch \"NOPE-123\".", await Refusal(q => q.AssignAsync(id, "NOPE-123", "SH-GLU", "labtech", default)));
        Assert.Equal($"Xét nghiệm HH-WBC không được chỉ định trên ống mẫu {tubes.Serum}.",
            await Refusal(q => q.AssignAsync(id, tubes.Serum, "HH-WBC", "labtech", default)));
        Assert.Equal("Nhập mã vạch ống mẫu cần gán kết quả.", await Refusal(q => q.AssignAsync(id, "  ", "SH-GLU", "labtech", default)));
        Assert.Equal("Chọn xét nghiệm cần gán kết quả.", await Refusal(q => q.AssignAsync(id, tubes.Serum, "", "labtech", default)));
        Assert.Equal("Nhập lý do hủy kết quả chưa khớp.", await Refusal(q => q.DiscardAsync(id, "   ", "labtech", default)));
        Assert.Equal(0, await ResultCountAsync(app));
        Assert.Null((await RowAsync(app, id)).ResolvedAt);
        var noTube = await WithQueueAsync(app, async q => await q.ChoicesAsync((await q.FindAsync(id, default))!, "NOPE-123", default));
        Assert.False(noTube.SpecimenFound);
        // ALB is not in BS1's code map: no suggestion, the technician picks.
        Assert.Null((await WithQueueAsync(app, async q => await q.ChoicesAsync((await q.FindAsync(id, default))!, tubes.Serum, default))).SuggestedCode);

        await WithQueueAsync(app, async q => { await q.DiscardAsync(id, "Mẫu chuẩn chạy nhầm chế độ bệnh nhân", "labtech", default); return 0; });
        var row = await RowAsync(app, id);
        Assert.Equal((UnmatchedResolution.Discarded, "Mẫu chuẩn chạy nhầm chế độ bệnh nhân", "labtech"), (row.Resolution, row.ResolutionNote, row.ResolvedBy));
        var again = await Refusal(q => q.AssignAsync(id, tubes.Serum, "SH-GLU", "labtech2", default));
        Assert.StartsWith($"Kết quả chưa khớp #{id} đã được hủy bởi labtech lúc ", again);
        Assert.Contains("đã được hủy", await Refusal(q => q.DiscardAsync(id, "lần nữa", "labtech2", default)));
        Assert.Equal(0, await ResultCountAsync(app));
        await using var db = app.Database.NewContext();
        Assert.Contains(await db.Set<AuditEntry>().Where(a => a.Entity == nameof(UnmatchedLabResult) && a.EntityKey == id.ToString()).ToListAsync(),
            a => a.Action == AuditAction.Update && a.Changes!.Contains("Mẫu chuẩn chạy nhầm"));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Two_technicians_settling_the_same_row_at_once_one_wins_the_other_is_told(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var tubes = await TubesAsync(app);
        for (var round = 0; round < 3; round++)
        {
            var id = await QueueAsync(app, "X" + round, "WBC", "7.5");
            using var start = new SemaphoreSlim(0, 2);
            async Task<string?> Attempt(Func<UnmatchedResultResolution, Task> act)
            {
                await start.WaitAsync();
                try { await WithQueueAsync(app, async q => { await act(q); return 0; }); return null; }
                catch (DomainException e) { return e.Message; }
            }
            var first = Attempt(q => q.AssignAsync(id, tubes.Edta, "HH-WBC", "ktv.an", default));
            var second = round == 2
                ? Attempt(q => q.DiscardAsync(id, "Trùng kết quả", "ktv.binh", default))
                : Attempt(q => q.AssignAsync(id, tubes.Edta, "HH-WBC", "ktv.binh", default));
            start.Release(2);
            var outcomes = await Task.WhenAll(first, second);

            Assert.Single(outcomes, o => o is null);
            var loser = Assert.Single(outcomes, o => o is not null)!;
            var row = await RowAsync(app, id);
            Assert.Contains($"Kết quả chưa khớp #{id} đã được", loser);
            Assert.Contains($"bởi {row.ResolvedBy} lúc", loser);
            await using var db = app.Database.NewContext();
            Assert.Equal(row.Resolution == UnmatchedResolution.Assigned ? 1 : 0, await db.Set<LabResult>().CountAsync(r => r.AnalyserTestCode == "WBC" && r.Value == "7.5" && r.Id == row.AssignedLabResultId));
        }
        await using (var db = app.Database.NewContext())
        {
            // However the races went, each assignment superseded the one before: one current WBC value.
            Assert.Equal(1, await db.Set<LabResult>().CountAsync(r => r.TestCode == "HH-WBC" && r.SupersededAt == null));
        }
    }
}
