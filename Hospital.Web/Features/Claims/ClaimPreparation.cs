using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Insurance.Claims;
using Hospital.Domain.Visits;
using Hospital.Web.Features.Billing;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Claims;

/// <summary>
/// Builds a visit's claim: the XML tables from the real data, the validator's errors, the signed
/// GIAMDINHHS file, the <see cref="Claim"/> version and its <see cref="ClaimLine"/> rows, in one
/// transaction. SEAM (issue 6): other features call only these two methods.
/// </summary>
public sealed class ClaimPreparation(HospitalDbContext db, ClaimBuilder builder, VisitAccount account, ILogger<ClaimPreparation> log)
{
    /// <summary>
    /// Called when something that decides readiness changes (a payment completes, an exam is
    /// concluded): builds version 1 of the claim when the visit is BHYT, concluded, settled and has
    /// no claim yet; otherwise does nothing and returns null.
    /// </summary>
    public async Task<Claim?> WhenReadyAsync(int visitId, string user, CancellationToken ct = default)
    {
        var visit = await db.Set<Visit>().AsNoTracking().Where(v => v.Id == visitId)
            .Select(v => new { v.Kind, v.Status, v.VoidedAt }).FirstOrDefaultAsync(ct);
        if (visit is null || visit.Kind != VisitKind.Bhyt || visit.Status != VisitStatus.Concluded || visit.VoidedAt is not null) return null;
        if (await db.Set<Claim>().AnyAsync(c => c.VisitId == visitId, ct)) return null;
        if (await account.BalanceAsync(visitId, ct) is not { Settled: true }) return null;
        try
        {
            return await PrepareAsync(visitId, user, ct);
        }
        catch (DomainException ex)
        {
            // The trigger (a payment, a conclusion) has already succeeded and must not look failed; the
            // visit simply has no claim yet, and finance sees the reason when they build it by hand.
            log.LogWarning(ex, "Claim of visit {VisitId} not built: {Reason}", visitId, ex.Message);
            return null;
        }
        catch (DbUpdateException ex)
        {
            // Two triggers at once (the last payment and the conclusion): the unique (visit, version)
            // index let the other one win; its version 1 is the claim.
            log.LogInformation(ex, "Claim of visit {VisitId} was built by a concurrent request.", visitId);
            return null;
        }
    }

    /// <summary>
    /// Builds the next version of the visit's claim from the data as it stands (after finance fixed
    /// the source data): Ready and signed when valid, Invalid with its errors otherwise. The previous
    /// version, if any, becomes Superseded (it stays, with its file and receipts).
    /// </summary>
    public async Task<Claim> PrepareAsync(int visitId, string user, CancellationToken ct = default)
    {
        var visit = await db.Set<Visit>().AsNoTracking().Where(v => v.Id == visitId)
                        .Select(v => new { v.Code, v.Kind, v.Status, v.VoidedAt }).FirstOrDefaultAsync(ct)
                    ?? throw new DomainException($"Không có lượt khám {visitId}.");
        if (visit.VoidedAt is not null) throw new DomainException($"Lượt khám {visit.Code} đã hủy: không có hồ sơ đề nghị thanh toán.");
        if (visit.Kind != VisitKind.Bhyt) throw new DomainException($"Lượt khám {visit.Code} không dùng thẻ BHYT: không có hồ sơ đề nghị thanh toán.");
        if (visit.Status != VisitStatus.Concluded) throw new DomainException($"Lượt khám {visit.Code} chưa kết thúc khám: chưa dựng được hồ sơ.");

        var earlier = await db.Set<Claim>().Where(c => c.VisitId == visitId).ToListAsync(ct);
        var latest = earlier.MaxBy(c => c.Version);
        if (latest?.Status == ClaimStatus.Sent)
            throw new DomainException($"Hồ sơ phiên bản {latest.Version} của lượt khám {visit.Code} đang chờ cổng BHXH trả lời: dựng lại sau khi có kết quả.");

        var episode = (await builder.Loader.LoadAsync([visitId], ct)).Single();
        var built = builder.Build(episode, await builder.Loader.CatalogAsync(ct), user);
        var claim = built.Claim;
        claim.Version = (latest?.Version ?? 0) + 1;

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            foreach (var c in earlier.Where(c => c.Status != ClaimStatus.Superseded)) c.Status = ClaimStatus.Superseded;
            db.Add(claim);
            await db.SaveChangesAsync(ct);
            foreach (var line in built.Lines) line.ClaimId = claim.Id;
            db.AddRange(built.Lines);
            await db.SaveChangesAsync(ct);
            if (own is not null) await own.CommitAsync(ct);
        }
        catch
        {
            // Nothing half-built stays: the transaction rolls back and the context forgets the rows.
            db.Entry(claim).State = EntityState.Detached;
            foreach (var line in built.Lines) db.Entry(line).State = EntityState.Detached;
            foreach (var c in earlier) await db.Entry(c).ReloadAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
        return claim;
    }
}
