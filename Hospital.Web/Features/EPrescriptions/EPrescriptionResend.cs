using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Outbox;
using Hospital.Emr.Prescriptions;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.EPrescriptions;

/// <summary>
/// "Gửi lại" on the board: a prescription the national system refused (after the patient's data
/// was fixed at reception), or one whose sending gave up after the outbox's attempts, goes back to
/// Chưa gửi with a new outbox message. A sent or replaced prescription is never sent again: it is
/// immutable (QĐ 425 Đ9 k3c).
/// </summary>
public sealed class EPrescriptionResend(HospitalDbContext db, TimeProvider clock)
{
    public async Task<string> ResendAsync(int prescriptionId, string user, CancellationToken ct = default)
    {
        var rx = await db.Set<Prescription>().SingleOrDefaultAsync(p => p.Id == prescriptionId, ct)
                 ?? throw new DomainException("Không tìm thấy đơn thuốc.");
        if (rx.Status != PrescriptionStatus.Signed || rx.NationalCode is null)
            throw new DomainException("Chỉ gửi lại được đơn thuốc đã ký và còn hiệu lực.");
        if (rx.NationalStatus == NationalPrescriptionStatus.Sent)
            throw new DomainException($"Đơn {rx.NationalCode} đã gửi lên hệ thống đơn thuốc quốc gia: không gửi lại.");
        var pending = await db.Set<OutboxMessage>().AnyAsync(m => m.Type == NationalPrescriptionOutbox.Send && m.Reference == rx.NationalCode
            && m.State == OutboxState.Pending, ct);
        if (rx.NationalStatus == NationalPrescriptionStatus.NotSent && pending)
            throw new DomainException($"Đơn {rx.NationalCode} đang chờ gửi: hệ thống tự thử lại.");
        rx.NationalStatus = NationalPrescriptionStatus.NotSent;
        rx.NationalMessage = $"Gửi lại bởi {user}";
        OutboxWriter.Enqueue(db, clock, NationalPrescriptionOutbox.Send, new NationalPrescriptionMessage(rx.Id), rx.NationalCode, NationalPrescriptionOutbox.MaxAttempts);
        await db.SaveChangesAsync(ct);
        return rx.NationalCode;
    }
}
