using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Outbox;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using Hospital.Emr.Prescriptions;
using Hospital.Integration.EPrescription;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hospital.Web.Features.EPrescriptions;

/// <summary>
/// Outbox type <see cref="NationalPrescriptionOutbox.Send"/>: sends a signed prescription to the
/// national e-prescription system (TT 26/2025 Đ12 k6d) and keeps a <see cref="PrescriptionSubmission"/>
/// for every attempt. Accepted → NationalStatus Sent with the time and the receipt; refused → Rejected
/// with the system's reasons, for good (the same content would be refused again: a pharmacist resends
/// after the data is fixed); unreachable → the outbox retries with backoff and the status stays NotSent
/// ("Chưa gửi"). A prescription replaced before it was sent is not sent at all (QĐ 425 Đ9 k3c).
/// </summary>
internal sealed class EPrescriptionSendHandler(
    HospitalDbContext db, IEPrescriptionClient client, IOptions<EPrescriptionOptions> options, TimeProvider clock) : IOutboxHandler
{
    public string Type => NationalPrescriptionOutbox.Send;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var id = Read(message).PrescriptionId;
        var rx = await db.Set<Prescription>().Include(p => p.Lines).SingleOrDefaultAsync(p => p.Id == id, ct)
                 ?? throw new PermanentOutboxFailure($"Không tìm thấy đơn thuốc #{id}.");
        if (rx.NationalStatus is NationalPrescriptionStatus.Sent or NationalPrescriptionStatus.Cancelled) return; // a repeated delivery
        if (rx.Status == PrescriptionStatus.Cancelled)
        {
            rx.NationalStatus = NationalPrescriptionStatus.Cancelled;
            rx.NationalMessage = "Đơn đã được thay thế trước khi gửi: không gửi lên hệ thống đơn thuốc quốc gia.";
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }
        if (rx.Status != PrescriptionStatus.Signed) throw new PermanentOutboxFailure($"Đơn thuốc #{id} chưa ký: không gửi.");

        var patient = await db.Set<Patient>().AsNoTracking().SingleAsync(p => p.Id == rx.PatientId, ct);
        var card = await db.Set<Visit>().AsNoTracking().Where(v => v.Id == rx.VisitId).Select(v => v.CardNumber).SingleOrDefaultAsync(ct);
        var replaced = rx.ReplacesPrescriptionId is { } r
            ? await db.Set<Prescription>().AsNoTracking().Where(p => p.Id == r).Select(p => p.NationalCode).SingleOrDefaultAsync(ct)
            : null;
        var payload = EPrescriptionPayloadBuilder.Build(rx, patient, card, replaced, options.Value);

        EPrescriptionSendResult result;
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            result = await client.SendAsync(payload, ct);
        }
        catch (EPrescriptionException ex)
        {
            db.Add(new PrescriptionSubmission { PrescriptionId = rx.Id, AttemptedAt = now, Request = EPrescriptionClient.Serialize(payload), Error = Limit(ex.Message) });
            rx.NationalMessage = Limit(ex.Message, 1000);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        db.Add(new PrescriptionSubmission
        {
            PrescriptionId = rx.Id, AttemptedAt = now, Accepted = result.Accepted, HttpStatus = result.HttpStatus,
            Request = result.RequestJson, RawReply = result.RawReply, Message = Limit(result.Message),
        });
        // The code is random and ours alone, so "already used" means an earlier attempt got through
        // and its answer was lost (the outbox may deliver twice): the prescription is there.
        var alreadyThere = !result.Accepted && result.Message.Contains("đã được sử dụng", StringComparison.OrdinalIgnoreCase);
        if (result.Accepted || alreadyThere)
        {
            rx.NationalStatus = NationalPrescriptionStatus.Sent;
            rx.NationalSentAt = now;
            rx.NationalMessage = Limit(result.Message, 1000);
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }
        rx.NationalStatus = NationalPrescriptionStatus.Rejected;
        rx.NationalMessage = Limit(result.Message, 1000);
        await db.SaveChangesAsync(CancellationToken.None);
        throw new PermanentOutboxFailure($"Hệ thống đơn thuốc quốc gia từ chối đơn {rx.NationalCode}: {result.Message}");
    }

    private static string? Limit(string? text, int length = 2000) => text is null || text.Length <= length ? text : text[..length];

    private static NationalPrescriptionMessage Read(OutboxMessage message) => OutboxPayload.Read<NationalPrescriptionMessage>(message, p => p.PrescriptionId > 0, "prescriptionId");
}
