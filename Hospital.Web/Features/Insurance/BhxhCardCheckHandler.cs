using Hospital.Domain.Data;
using Hospital.Domain.Insurance;
using Hospital.Domain.Outbox;
using Hospital.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Insurance;

/// <summary>
/// Outbox type <see cref="BhxhOutboxTypes.CardCheck"/>: the card check of a visit registered
/// while the portal was down (or queued on purpose). An unreachable portal throws, so the
/// outbox tries again with backoff while the visit shows "thẻ chưa kiểm tra".
/// </summary>
internal sealed class BhxhCardCheckHandler(HospitalDbContext db, VisitCardChecks checks) : IOutboxHandler
{
    public string Type => BhxhOutboxTypes.CardCheck;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct) =>
        await checks.CheckAsync(await VisitPayload.VisitIdAsync(db, message, ct), ct);
}

internal static class VisitPayload
{
    /// <summary>The id of the visit the message names by MA_LK; a message naming no known visit can never succeed.</summary>
    public static async Task<int> VisitIdAsync(HospitalDbContext db, OutboxMessage message, CancellationToken ct)
    {
        var maLk = Read(message).MaLk;
        var id = await db.Set<Visit>().Where(v => v.MaLk == maLk).Select(v => (int?)v.Id).SingleOrDefaultAsync(ct);
        return id ?? throw new PermanentOutboxFailure($"Không tìm thấy lượt khám có MA_LK {maLk}.");
    }

    private static VisitOutboxPayload Read(OutboxMessage message) => OutboxPayload.Read<VisitOutboxPayload>(message, p => p.MaLk is { Length: > 0 }, "maLk");
}
