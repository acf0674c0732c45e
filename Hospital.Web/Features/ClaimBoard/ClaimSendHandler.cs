using Microsoft.EntityFrameworkCore;
using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Insurance;
using Hospital.Domain.Insurance.Claims;
using Hospital.Domain.Outbox;
using Hospital.Integration.Bhxh;

namespace Hospital.Web.Features.ClaimBoard;

/// <summary>
/// Outbox type <see cref="BhxhOutboxTypes.ClaimSend"/>: posts a Sent claim version's signed
/// GIAMDINHHS file to the portal (guiHoSoXmlQD3176) and keeps a <see cref="ClaimSubmission"/>
/// for every attempt, failed ones included (the portal looks back only 60 days, bhyt-claims.md §6).
/// maKetQua 200 → Accepted with maGiaoDich; any other code → Rejected with the portal's code and
/// text, for good (the same file would be refused again: finance fixes the data and rebuilds).
/// An unreachable portal throws, so the outbox retries with backoff while the claim stays Sent.
/// </summary>
internal sealed class ClaimSendHandler(HospitalDbContext db, IBhxhPortal portal, TimeProvider clock) : IOutboxHandler
{
    public string Type => BhxhOutboxTypes.ClaimSend;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var id = Read(message).ClaimId;
        var claim = await db.Set<Claim>().SingleOrDefaultAsync(c => c.Id == id, ct)
                    ?? throw new PermanentOutboxFailure($"Không tìm thấy hồ sơ #{id}.");
        // Answered already (a repeated delivery), or no longer the version to send.
        if (claim.Status != ClaimStatus.Sent) return;
        if (claim.SignedXml is not { Length: > 0 } file) throw new PermanentOutboxFailure($"Hồ sơ {claim.MaLk} không có tệp đã ký.");
        var facility = await db.Set<FacilitySettings>().AsNoTracking().OrderBy(f => f.Id).Select(f => f.FacilityCode).FirstOrDefaultAsync(ct);
        if (facility is not { Length: 5 })
        {
            // Transient on purpose: once the setting is filled in, the next try sends the file.
            const string missing = "Chưa khai báo mã cơ sở KCB (5 ký tự) trong thông tin cơ sở: chưa gửi được hồ sơ.";
            await RecordFailureAsync(claim, missing);
            throw new InvalidOperationException(missing);
        }

        SubmitResult result;
        try
        {
            result = await portal.SendClaimAsync(new ClaimFileSubmission(facility, file), ct);
        }
        catch (BhxhPortalException ex)
        {
            await RecordFailureAsync(claim, ex.Message);
            throw;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new ClaimSubmission
        {
            ClaimId = claim.Id, AttemptedAt = now, ResultCode = result.ResultCode, TransactionCode = result.TransactionCode,
            ReceivedAt = result.ReceivedAt, Message = Limit(result.Message), RawReply = result.RawJson,
        });
        claim.AnsweredAt = now;
        claim.PortalResultCode = Limit(result.ResultCode, 20);
        claim.PortalMessage = Limit(result.Message);
        claim.Status = result.Accepted ? ClaimStatus.Accepted : ClaimStatus.Rejected;
        if (result.Accepted) claim.TransactionCode = result.TransactionCode;
        await db.SaveChangesAsync(CancellationToken.None);
        if (!result.Accepted)
            throw new PermanentOutboxFailure($"Cổng BHXH từ chối hồ sơ {claim.MaLk} (mã {result.ResultCode}): {result.Message}");
    }

    /// <summary>Keeps the failed attempt on record; the caller then throws so the outbox tries again later.</summary>
    private async Task RecordFailureAsync(Claim claim, string error)
    {
        db.Add(new ClaimSubmission { ClaimId = claim.Id, AttemptedAt = clock.GetUtcNow().UtcDateTime, Error = Limit(error) });
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static string? Limit(string? text, int length = 2000) => text is null || text.Length <= length ? text : text[..length];

    private static ClaimOutboxPayload Read(OutboxMessage message) => OutboxPayload.Read<ClaimOutboxPayload>(message, p => p.ClaimId > 0, "claimId");
}
