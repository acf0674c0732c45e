using System.Text.Json;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Outbox;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using Hospital.Emr.Prescriptions;
using Hospital.Integration.EPrescription.Simulator;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Queues;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hospital.Tests.Prescriptions.PrescriptionTestKit;

namespace Hospital.Tests.Pharmacy.EPrescriptions;

/// <summary>
/// Signing a prescription enqueues it for the national system; the outbox (driven by hand) sends it
/// to the in-process simulator (demo mode, no EPrescription:BaseUrl). What a pharmacist sees on the
/// board and what the simulator received.
/// </summary>
public sealed class EPrescriptionSendingTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Down_the_prescription_stays_not_sent_and_is_retried_up_it_is_sent_with_the_receipt(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var simulator = app.Services.GetRequiredService<EPrescriptionSimulator>();
        Assert.True(simulator.IsRunning);
        var (visit, rx) = await SignedAsync(app);
        Assert.Equal(NationalPrescriptionStatus.NotSent, rx.NationalStatus);
        var messageId = await MessageIdAsync(app, rx.NationalCode!);

        simulator.Unavailable = true;
        await RunOutboxAsync(app);
        await using (var db = app.Database.NewContext())
        {
            var message = await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == messageId);
            Assert.Equal((OutboxState.Pending, 1), (message.State, message.Attempts));
            Assert.Contains("HTTP 503", message.LastError);
            Assert.True(message.NextAttemptAt > DateTime.UtcNow); // backing off
            Assert.Equal(NationalPrescriptionStatus.NotSent, (await db.Set<Prescription>().AsNoTracking().SingleAsync(p => p.Id == rx.Id)).NationalStatus);
            Assert.NotNull((await db.Set<PrescriptionSubmission>().AsNoTracking().SingleAsync(s => s.PrescriptionId == rx.Id)).Error);
            await db.Set<OutboxMessage>().Where(m => m.Id == messageId).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, DateTime.UtcNow.AddSeconds(-1)));
        }
        using var session = app.NewSession();
        await session.SignInAsync("pharmacist");
        var (_, board) = await session.GetPageAsync("/pharmacy/e-prescriptions?q=" + rx.NationalCode);
        Assert.Equal("Chưa gửi", board.QuerySelector("[data-testid=erx-status]")!.TextContent.Trim());
        Assert.Empty(simulator.Received);
        using var doctor = await QueueWebKit.SignedInAsync(app, "doctor");
        var (_, panel) = await doctor.GetPageAsync($"/clinic/visits/{visit.VisitId}/prescriptions");
        Assert.Equal("Đơn thuốc quốc gia: Chưa gửi", Normalize(panel.QuerySelector("[data-testid=rx-national-status]")!.TextContent));

        simulator.Unavailable = false;
        await RunOutboxAsync(app);
        await using (var db = app.Database.NewContext())
        {
            Assert.Equal(OutboxState.Sent, (await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == messageId)).State);
            var sent = await db.Set<Prescription>().AsNoTracking().SingleAsync(p => p.Id == rx.Id);
            Assert.Equal(NationalPrescriptionStatus.Sent, sent.NationalStatus);
            Assert.NotNull(sent.NationalSentAt);
            Assert.StartsWith("Gửi đơn thuốc thành công (checksum ", sent.NationalMessage);
            var attempts = await db.Set<PrescriptionSubmission>().AsNoTracking().Where(s => s.PrescriptionId == rx.Id).OrderBy(s => s.Id).ToListAsync();
            Assert.Equal([false, true], attempts.Select(a => a.Accepted));
            Assert.Contains(rx.NationalCode!, attempts[1].Request);
        }
        (_, board) = await session.GetPageAsync("/pharmacy/e-prescriptions?q=" + rx.NationalCode);
        Assert.Equal("Đã gửi", board.QuerySelector("[data-testid=erx-status]")!.TextContent.Trim());
        Assert.StartsWith("Gửi đơn thuốc thành công", board.QuerySelector("[data-testid=erx-message]")!.TextContent.Trim());
        (_, panel) = await doctor.GetPageAsync($"/clinic/visits/{visit.VisitId}/prescriptions");
        Assert.Equal("Đơn thuốc quốc gia: Đã gửi", Normalize(panel.QuerySelector("[data-testid=rx-national-status]")!.TextContent));

        // The payload of a demo-like prescription has every documented field with the right formats.
        var received = Assert.Single(simulator.Received);
        var json = JsonDocument.Parse(received.Json).RootElement;
        foreach (var field in EPrescriptionPayloadTests.DocumentedFields) Assert.True(json.TryGetProperty(field, out _), field);
        Assert.Equal(rx.NationalCode, json.GetProperty("ma_don_thuoc").GetString());
        Assert.Equal("c", json.GetProperty("loai_don_thuoc").GetString());
        await using (var db = app.Database.NewContext())
        {
            var patient = await db.Set<Patient>().AsNoTracking().SingleAsync(p => p.Id == visit.PatientId);
            var card = await db.Set<Visit>().AsNoTracking().Where(v => v.Id == visit.VisitId).Select(v => v.CardNumber).SingleAsync();
            Assert.Equal(patient.FullName, json.GetProperty("ho_ten_benh_nhan").GetString());
            Assert.Equal(patient.DateOfBirth!.Value.ToString("dd/MM/yyyy"), json.GetProperty("ngay_sinh_benh_nhan").GetString());
            Assert.Equal(card, json.GetProperty("ma_so_the_bao_hiem_y_te").GetString());
        }
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", json.GetProperty("ngay_gio_ke_don").GetString());
        Assert.Equal("J06.9", json.GetProperty("chan_doan")[0].GetProperty("ma_chan_doan").GetString());
        var line = json.GetProperty("thong_tin_don_thuoc")[0];
        Assert.Equal(("TH0001", JsonValueKind.String), (line.GetProperty("ma_thuoc").GetString(), line.GetProperty("so_luong").ValueKind));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_correction_of_a_sent_prescription_cancels_it_and_the_replacement_is_sent_naming_it(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var simulator = app.Services.GetRequiredService<EPrescriptionSimulator>();
        var (visit, rx) = await SignedAsync(app);
        await RunOutboxAsync(app);

        var corrected = await WithAsync<PrescriptionCorrection, PrescriptionCorrection.Result>(app, c => c.CorrectAsync(rx.Id, "Sai liều", Doctor));
        Assert.Null(corrected.Error);
        await using (var db = app.Database.NewContext())
        {
            var signing = await WithAsync<IPrescriptionFinalizer, PrescriptionSigning>(app, f => f.SignDraftsAsync(db, visit.VisitId));
            Assert.True(signing.Ok, string.Join("; ", signing.Errors));
            await db.SaveChangesAsync();
        }
        await RunOutboxAsync(app);

        var all = await PrescriptionsAsync(app, visit);
        var old = all.Single(p => p.Id == rx.Id);
        var replacement = all.Single(p => p.Id == corrected.DraftId);
        Assert.Equal((PrescriptionStatus.Cancelled, NationalPrescriptionStatus.Cancelled), (old.Status, old.NationalStatus));
        Assert.Equal((PrescriptionStatus.Signed, NationalPrescriptionStatus.Sent), (replacement.Status, replacement.NationalStatus));
        // No cancel call is documented (QĐ 808): the replacing prescription names the one it replaces.
        var sent = JsonDocument.Parse(simulator.Received.Single(r => r.Code == replacement.NationalCode).Json).RootElement;
        Assert.Equal($"Đơn thay thế đơn {old.NationalCode}", sent.GetProperty("luu_y").GetString());
        Assert.Equal(2, simulator.Received.Count);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_refused_prescription_is_rejected_for_good_and_a_pharmacist_resends_it_once_fixed(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var (visit, rx) = await SignedAsync(app);
        await using (var db = app.Database.NewContext())
        {
            // An address the national system requires but reception left empty.
            var patient = await db.Set<Patient>().SingleAsync(p => p.Id == visit.PatientId);
            patient.AddressLine = null;
            await db.SaveChangesAsync();
        }
        await RunOutboxAsync(app);
        await using (var db = app.Database.NewContext())
        {
            var refused = await db.Set<Prescription>().AsNoTracking().SingleAsync(p => p.Id == rx.Id);
            Assert.Equal(NationalPrescriptionStatus.Rejected, refused.NationalStatus);
            Assert.Contains("dia_chi: bắt buộc", refused.NationalMessage);
            Assert.Equal(OutboxState.FailedPermanently, (await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Reference == rx.NationalCode)).State);
            var patient = await db.Set<Patient>().SingleAsync(p => p.Id == visit.PatientId);
            patient.AddressLine = "Số 5, đường Nguyễn Huệ";
            await db.SaveChangesAsync();
        }

        using var session = app.NewSession();
        await session.SignInAsync("pharmacist");
        var (_, board) = await session.GetPageAsync("/pharmacy/e-prescriptions?status=rejected");
        Assert.Equal("Bị từ chối", board.QuerySelector("[data-testid=erx-status]")!.TextContent.Trim());
        var response = await session.SubmitAsync(board, $"form[action='/pharmacy/e-prescriptions/{rx.Id}/resend']", new Dictionary<string, string>());
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        await RunOutboxAsync(app);
        await using (var db = app.Database.NewContext())
            Assert.Equal(NationalPrescriptionStatus.Sent, (await db.Set<Prescription>().AsNoTracking().SingleAsync(p => p.Id == rx.Id)).NationalStatus);
    }

    private static async Task<(TestVisit Visit, Prescription Rx)> SignedAsync(HospitalAppFactory app)
    {
        var visit = await VisitAsync(app, VisitKind.Bhyt);
        await using (var db = app.Database.NewContext())
        {
            var patient = await db.Set<Patient>().SingleAsync(p => p.Id == visit.PatientId);
            patient.AddressLine ??= "Số 12, đường Lê Lợi";
            await db.SaveChangesAsync();
        }
        var added = await AddAsync(app, visit, "TH0001");
        Assert.True(added.Ok, string.Join("; ", added.Errors));
        await using (var db = app.Database.NewContext())
        {
            var signing = await WithAsync<IPrescriptionFinalizer, PrescriptionSigning>(app, f => f.SignDraftsAsync(db, visit.VisitId));
            Assert.True(signing.Ok, string.Join("; ", signing.Errors));
            await db.SaveChangesAsync();
        }
        return (visit, Assert.Single(await PrescriptionsAsync(app, visit)));
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static async Task<long> MessageIdAsync(HospitalAppFactory app, string code)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<OutboxMessage>().Where(m => m.Type == NationalPrescriptionOutbox.Send && m.Reference == code).Select(m => m.Id).SingleAsync();
    }

    private static async Task RunOutboxAsync(HospitalAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RunOnceAsync();
    }
}
