using Hospital.Domain.Insurance.Claims;

namespace Hospital.Web.Features.Claims;

/// <summary>
/// Builds a visit's claim: the XML tables from the real data, the validator's errors, the signed
/// GIAMDINHHS file, the <see cref="Claim"/> version and its <see cref="ClaimLine"/> rows.
/// SEAM (issue 6): the claims helper implements the bodies; other features call only these two methods.
/// </summary>
public sealed class ClaimPreparation
{
    /// <summary>
    /// Called when something that decides readiness changes (a payment completes, an exam is
    /// concluded): builds version 1 of the claim when the visit is BHYT, concluded, settled and has
    /// no claim yet; otherwise does nothing and returns null.
    /// </summary>
    public Task<Claim?> WhenReadyAsync(int visitId, string user, CancellationToken ct = default) => Task.FromResult<Claim?>(null);

    /// <summary>
    /// Builds the next version of the visit's claim from the data as it stands (after finance fixed
    /// the source data): Ready and signed when valid, Invalid with its errors otherwise. The previous
    /// version, if any, becomes Superseded (it stays, with its file and receipts).
    /// </summary>
    public Task<Claim> PrepareAsync(int visitId, string user, CancellationToken ct = default) => throw new NotImplementedException("issue 6: claims helper");
}
