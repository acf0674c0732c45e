using Microsoft.EntityFrameworkCore;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Insurance;
using Hospital.Domain.Insurance.Claims;
using Hospital.Domain.Outbox;
using Hospital.Web.Features.Claims;

namespace Hospital.Web.Features.ClaimBoard;

/// <summary>
/// Finance's actions on claim versions: send a Ready version to the portal (Ready → Sent and an
/// outbox message in one transaction, so a claim is never marked sent without being queued, nor
/// queued twice by two officers clicking at once), send every Ready claim of the board's
/// selection, and rebuild a claim after the source data was fixed (a new version through
/// <see cref="ClaimPreparation"/>). Refusals are <see cref="DomainException"/> with the reason.
/// </summary>
public sealed class ClaimSending(HospitalDbContext db, ClaimPreparation preparation, TimeProvider clock)
{
    /// <summary>TT 48/2017 allows late sending after an outage; vendors retry about 20 times before giving up (bhyt-claims.md §7).</summary>
    public const int MaxAttempts = 20;

    private const int Batch = 200;

    public async Task SendAsync(long claimId, string user, CancellationToken ct = default)
    {
        var claim = await db.Set<Claim>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == claimId, ct)
                    ?? throw new DomainException($"Không tìm thấy hồ sơ #{claimId}.");
        if (claim.Status != ClaimStatus.Ready) throw new DomainException(NotSendable(claim));
        if (claim.SignedXml is not { Length: > 0 }) throw new DomainException($"Hồ sơ {claim.MaLk} chưa có tệp đã ký: dựng lại hồ sơ.");
        if (await SendReadyAsync([(claim.Id, claim.MaLk)], user, ct) == 0)
            throw new DomainException($"Hồ sơ {claim.MaLk} vừa được người khác gửi hoặc dựng lại: tải lại trang.");
    }

    /// <summary>Sends every Ready claim the filter selects (its status filter is ignored); returns how many were queued.</summary>
    public async Task<int> SendAllAsync(ClaimFilter filter, string user, CancellationToken ct = default)
    {
        var sent = 0;
        long after = 0;
        while (true)
        {
            var batch = await filter.WithStatus(ClaimStatus.Ready).Apply(db)
                .Where(c => c.Id > after && c.SignedXml != null)
                .OrderBy(c => c.Id).Take(Batch)
                .Select(c => new { c.Id, c.MaLk }).ToListAsync(ct);
            if (batch.Count == 0) return sent;
            sent += await SendReadyAsync(batch.Select(b => (b.Id, b.MaLk)).ToList(), user, ct);
            after = batch[^1].Id;
        }
    }

    /// <summary>
    /// Builds the next version from the data as it stands. Refused while the portal has the file
    /// (Sent): its answer is still to come and belongs to that version.
    /// </summary>
    public async Task<Claim> RebuildAsync(long claimId, string user, CancellationToken ct = default)
    {
        var claim = await db.Set<Claim>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == claimId, ct)
                    ?? throw new DomainException($"Không tìm thấy hồ sơ #{claimId}.");
        var latest = await db.Set<Claim>().AsNoTracking().Where(c => c.VisitId == claim.VisitId).MaxAsync(c => c.Version, ct);
        if (claim.Version != latest) throw new DomainException($"Hồ sơ {claim.MaLk} đã có phiên bản mới hơn (v{latest}): dựng lại từ phiên bản đó.");
        if (claim.Status == ClaimStatus.Sent)
            throw new DomainException($"Hồ sơ {claim.MaLk} đang chờ cổng BHXH trả lời: chưa dựng lại được.");
        return await preparation.PrepareAsync(claim.VisitId, user, ct);
    }

    /// <summary>Ready → Sent, each with its outbox message, one transaction per batch; a claim another request changed meanwhile is skipped.</summary>
    private async Task<int> SendReadyAsync(IReadOnlyList<(long Id, string MaLk)> claims, string user, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var sent = 0;
        foreach (var (id, maLk) in claims)
        {
            var changed = await db.Set<Claim>()
                .Where(c => c.Id == id && c.Status == ClaimStatus.Ready)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.Status, ClaimStatus.Sent)
                    .SetProperty(c => c.SentAt, now)
                    .SetProperty(c => c.SentBy, user), ct);
            if (changed == 0) continue;
            OutboxWriter.Enqueue(db, clock, BhxhOutboxTypes.ClaimSend, new ClaimOutboxPayload(id), maLk, MaxAttempts);
            sent++;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return sent;
    }

    private static string NotSendable(Claim c) => c.Status switch
    {
        ClaimStatus.Invalid => $"Hồ sơ {c.MaLk} còn lỗi: sửa dữ liệu nguồn rồi dựng lại hồ sơ trước khi gửi.",
        ClaimStatus.Sent => $"Hồ sơ {c.MaLk} đã được gửi và đang chờ cổng BHXH trả lời.",
        ClaimStatus.Accepted => $"Cổng BHXH đã tiếp nhận hồ sơ {c.MaLk}; muốn gửi bản sửa thì dựng lại hồ sơ.",
        ClaimStatus.Rejected => $"Cổng BHXH đã từ chối hồ sơ {c.MaLk}: sửa theo thông báo của cổng rồi dựng lại hồ sơ.",
        ClaimStatus.Superseded => $"Hồ sơ {c.MaLk} v{c.Version} đã được thay bằng phiên bản mới hơn.",
        _ => $"Hồ sơ {c.MaLk} chưa gửi được.",
    };
}
