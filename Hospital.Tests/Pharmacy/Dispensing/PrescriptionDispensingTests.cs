using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Hospital.Tests.Infrastructure;
using Hospital.Web.Features.Dispensing;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Pharmacy.Dispensing.DispensingTestKit;

namespace Hospital.Tests.Pharmacy.Dispensing;

/// <summary>The dispensary hands out signed prescriptions: FEFO lots, all or nothing unless partial, pending rest, receivers of controlled drugs, returns.</summary>
public sealed class PrescriptionDispensingTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Dispenses_the_soonest_usable_lot_and_completes_the_prescription(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var expired = await ReceiveAsync(app, Dispensary, Paracetamol, "P-HET", Today.AddDays(-1), 30);
        var recalled = await ReceiveAsync(app, Dispensary, Paracetamol, "P-THUHOI", Today.AddDays(20), 30, recalled: true);
        var soon = await ReceiveAsync(app, Dispensary, Paracetamol, "P-GAN", Today.AddDays(40), 6);
        var later = await ReceiveAsync(app, Dispensary, Paracetamol, "P-XA", Today.AddDays(400), 50);
        var prescription = await SignedAsync(app, lines: (Paracetamol, 10));

        var outcome = await DispenseAsync(app, prescription, new DispenseRequest(Dispensary));

        Assert.Equal(DispenseOutcomeKind.Dispensed, outcome.Kind);
        Assert.Matches(@"^CP\d{2}-\d{6}$", outcome.Number);
        Assert.Equal("P-GAN:6 P-XA:4", string.Join(" ", outcome.Lots.Select(l => $"{l.LotNumber}:{l.Quantity:0.###}")));
        Assert.Empty(outcome.Pending);
        Assert.Equal((30m, 30m, 0m, 46m), (await OnHandAsync(app, Dispensary, expired), await OnHandAsync(app, Dispensary, recalled),
            await OnHandAsync(app, Dispensary, soon), await OnHandAsync(app, Dispensary, later)));
        Assert.Equal(new Stored(1, 2, DispensingStatus.Complete), await StoredAsync(app, prescription));
        await AssertLedgerAgreesAsync(app);

        var again = await DispenseAsync(app, prescription, new DispenseRequest(Dispensary));
        Assert.Equal(DispenseOutcomeKind.Invalid, again.Kind);
        Assert.Contains("đã cấp phát đủ", again.Error);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Short_stock_without_partial_hands_out_nothing_then_partial_leaves_the_rest_pending_until_a_second_dispensation(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var first = await ReceiveAsync(app, Dispensary, Paracetamol, "PART-1", Today.AddDays(100), 4);
        var prescription = await SignedAsync(app, lines: [(Paracetamol, 10), ("TH0002", 2)]);
        var other = await ReceiveAsync(app, Dispensary, "TH0002", "PART-2", Today.AddDays(100), 5);

        var refused = await DispenseAsync(app, prescription, new DispenseRequest(Dispensary));
        Assert.Equal(DispenseOutcomeKind.Short, refused.Kind);
        Assert.Contains("chỉ còn 4 Viên dùng được, thiếu 6 Viên", refused.Error);
        Assert.Contains("chưa cấp thuốc nào", refused.Error);
        Assert.Equal(new Stored(0, 0, DispensingStatus.NotDispensed), await StoredAsync(app, prescription));
        Assert.Equal(4m, await OnHandAsync(app, Dispensary, first));
        Assert.Equal(5m, await OnHandAsync(app, Dispensary, other));

        var partial = await DispenseAsync(app, prescription, new DispenseRequest(Dispensary, AllowPartial: true));
        Assert.Equal(DispenseOutcomeKind.Dispensed, partial.Kind);
        Assert.Equal(6m, Assert.Single(partial.Pending).Quantity);
        Assert.Equal(new Stored(1, 2, DispensingStatus.Partial), await StoredAsync(app, prescription));

        var stillShort = await DispenseAsync(app, prescription, new DispenseRequest(Dispensary, AllowPartial: true));
        Assert.Equal(DispenseOutcomeKind.Short, stillShort.Kind);
        Assert.Contains("không có thuốc nào để cấp", stillShort.Error);

        await ReceiveAsync(app, Dispensary, Paracetamol, "PART-3", Today.AddDays(200), 20);
        var rest = await DispenseAsync(app, prescription, new DispenseRequest(Dispensary));
        Assert.Equal(DispenseOutcomeKind.Dispensed, rest.Kind);
        Assert.Equal("PART-3:6", string.Join(" ", rest.Lots.Select(l => $"{l.LotNumber}:{l.Quantity:0.###}")));
        Assert.Equal(new Stored(2, 3, DispensingStatus.Complete), await StoredAsync(app, prescription));
        await AssertLedgerAgreesAsync(app);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_psychotropic_prescription_needs_the_receiver_and_is_refused_after_5_days(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var lot = await ReceiveAsync(app, Dispensary, Diazepam, "DZ-1", Today.AddDays(300), 20);
        var prescription = await SignedAsync(app, PrescriptionForm.Psychotropic, lines: (Diazepam, 7));

        var noReceiver = await DispenseAsync(app, prescription, new DispenseRequest(Dispensary));
        Assert.Equal(DispenseOutcomeKind.Invalid, noReceiver.Kind);
        Assert.Contains("họ tên người nhận", noReceiver.Error);
        var badId = await DispenseAsync(app, prescription, new DispenseRequest(Dispensary, ReceiverName: "Trần Văn Nhận", ReceiverIdNumber: "12"));
        Assert.Contains("không hợp lệ", badId.Error);
        Assert.Equal(new Stored(0, 0, DispensingStatus.NotDispensed), await StoredAsync(app, prescription));

        var done = await DispenseAsync(app, prescription, new DispenseRequest(Dispensary, ReceiverName: "Trần Văn Nhận", ReceiverIdNumber: "001085012345"));
        Assert.Equal(DispenseOutcomeKind.Dispensed, done.Kind);
        Assert.Equal(13m, await OnHandAsync(app, Dispensary, lot));
        await using (var db = app.Database.NewContext())
        {
            var d = await db.Set<Dispensation>().SingleAsync(x => x.PrescriptionId == prescription);
            Assert.Equal(("Trần Văn Nhận", "001085012345"), (d.ReceiverName, d.ReceiverIdNumber));
        }

        var old = await SignedAsync(app, signedAt: DateTime.UtcNow.AddDays(-6), lines: (Paracetamol, 1));
        var late = await DispenseAsync(app, old, new DispenseRequest(Dispensary));
        Assert.Equal(DispenseOutcomeKind.Invalid, late.Kind);
        Assert.Contains("quá 5 ngày", late.Error);

        var unknown = await DispenseAsync(app, prescription + 1000, new DispenseRequest(Dispensary));
        Assert.Equal(DispenseOutcomeKind.NotFound, unknown.Kind);
        var noStore = await DispenseAsync(app, prescription, new DispenseRequest("KHO-KHONG-CO"));
        Assert.Equal("Không có kho mã KHO-KHONG-CO.", noStore.Error);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Returned_drugs_go_back_into_the_same_lot_never_more_than_handed_out_and_the_rest_can_be_closed(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var lot = await ReceiveAsync(app, Dispensary, Paracetamol, "RET-1", Today.AddDays(90), 6);
        var prescription = await SignedAsync(app, lines: (Paracetamol, 10));
        var outcome = await DispenseAsync(app, prescription, new DispenseRequest(Dispensary, AllowPartial: true));
        var line = outcome.Lots.Single().PrescriptionLineId;
        var dispensation = outcome.DispensationId!.Value;

        var noReason = await Assert.ThrowsAsync<DomainException>(() => CorrectAsync(app, c => c.ReturnAsync(new(dispensation, line, lot, 2, " "), "pharmacist")));
        Assert.Equal("Nhập lý do trả lại thuốc.", noReason.Message);
        var tooMany = await Assert.ThrowsAsync<DomainException>(() => CorrectAsync(app, c => c.ReturnAsync(new(dispensation, line, lot, 7, "Ngừng thuốc"), "pharmacist")));
        Assert.Contains("chỉ trả lại được tối đa 6", tooMany.Message);

        await CorrectAsync(app, c => c.ReturnAsync(new(dispensation, line, lot, 4, "Người bệnh ngừng thuốc"), "pharmacist"));
        Assert.Equal(4m, await OnHandAsync(app, Dispensary, lot));
        var again = await Assert.ThrowsAsync<DomainException>(() => CorrectAsync(app, c => c.ReturnAsync(new(dispensation, line, lot, 3, "Ngừng thuốc"), "pharmacist")));
        Assert.Contains("đã trả lại 4", again.Message);
        await using (var db = app.Database.NewContext())
        {
            var back = await db.Set<StockMovement>().SingleAsync(m => m.Kind == StockMovementKind.DispenseReturn && m.LotId == lot);
            Assert.Equal((4m, dispensation, line, "Người bệnh ngừng thuốc"), (back.Quantity, back.DocumentId, back.DocumentLineId!.Value, back.Reason));
        }
        // A return does not make the line pending again.
        Assert.Equal(DispensingStatus.Partial, (await StoredAsync(app, prescription)).Status);

        var closeNoReason = await Assert.ThrowsAsync<DomainException>(() => CorrectAsync(app, c => c.CloseRestAsync(prescription, "", "pharmacist")));
        Assert.Contains("lý do", closeNoReason.Message);
        await CorrectAsync(app, c => c.CloseRestAsync(prescription, "Người bệnh mua phần còn lại ở nhà thuốc khác", "pharmacist"));
        Assert.Equal(DispensingStatus.Closed, (await StoredAsync(app, prescription)).Status);
        var closed = await DispenseAsync(app, prescription, new DispenseRequest(Dispensary));
        Assert.Contains("kết thúc cấp phát", closed.Error);
        await AssertLedgerAgreesAsync(app);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Twenty_parallel_dispensations_competing_for_a_lot_of_ten_hand_out_exactly_ten(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var lot = await ReceiveAsync(app, Dispensary, Paracetamol, "RACE-1", Today.AddDays(60), 10);
        var prescriptions = await ManySignedAsync(app, 20, PrescriptionForm.Ordinary, null, (Paracetamol, 1));

        var outcomes = await Task.WhenAll(prescriptions.Select(id => Task.Run(() => DispenseAsync(app, id, new DispenseRequest(Dispensary)))));

        Assert.Equal(10, outcomes.Count(o => o.Kind == DispenseOutcomeKind.Dispensed));
        Assert.Equal(10, outcomes.Count(o => o.Kind == DispenseOutcomeKind.Short));
        Assert.All(outcomes.Where(o => o.Kind == DispenseOutcomeKind.Short), o => Assert.False(string.IsNullOrEmpty(o.Error)));
        Assert.Equal(0m, await OnHandAsync(app, Dispensary, lot));
        await using var db = app.Database.NewContext();
        Assert.Equal(10, await db.Set<Dispensation>().CountAsync(d => prescriptions.Contains(d.PrescriptionId)));
        Assert.Equal(10, await db.Set<Prescription>().CountAsync(p => prescriptions.Contains(p.Id) && p.DispensingStatus == DispensingStatus.Complete));
        Assert.Empty(await StockLedgerCheck.DifferencesAsync(db));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Five_pharmacists_on_the_same_prescription_hand_it_out_once(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var lot = await ReceiveAsync(app, Dispensary, Paracetamol, "SAME-1", Today.AddDays(60), 100);
        var prescription = await SignedAsync(app, lines: (Paracetamol, 10));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => DispenseAsync(app, prescription, new DispenseRequest(Dispensary)))));

        Assert.Single(outcomes, o => o.Kind == DispenseOutcomeKind.Dispensed);
        Assert.All(outcomes.Where(o => o.Kind != DispenseOutcomeKind.Dispensed), o => Assert.Contains("đã cấp phát đủ", o.Error));
        Assert.Equal(90m, await OnHandAsync(app, Dispensary, lot));
        Assert.Equal(new Stored(1, 1, DispensingStatus.Complete), await StoredAsync(app, prescription));
    }
}
