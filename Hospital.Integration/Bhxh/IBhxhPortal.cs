namespace Hospital.Integration.Bhxh;

/// <summary>The BHXH assessment gateway (egw) as the hospital uses it: card lookups, XML0 check-ins and claim files (bhyt-claims.md §6).</summary>
public interface IBhxhPortal
{
    /// <exception cref="BhxhPortalUnavailableException">Network failure, 5xx or timeout: try again later.</exception>
    /// <exception cref="BhxhPortalException">The portal refused the account or answered something unreadable.</exception>
    Task<CardLookupResult> CheckCardAsync(CardLookupRequest request, CancellationToken ct = default);

    /// <exception cref="BhxhPortalUnavailableException">Network failure, 5xx or timeout: try again later.</exception>
    Task<SubmitResult> SendCheckInAsync(CheckInSubmission submission, CancellationToken ct = default);

    /// <summary>
    /// Posts one signed GIAMDINHHS file. maKetQua 200 means received (maGiaoDich, thoiGianTiepNhan);
    /// anything else is the portal refusing the file, with its reason in thongDiep.
    /// </summary>
    /// <exception cref="BhxhPortalUnavailableException">Network failure, 5xx or timeout: try again later.</exception>
    Task<SubmitResult> SendClaimAsync(ClaimFileSubmission submission, CancellationToken ct = default);
}

/// <summary>The portal answered, but not usably (bad credentials after a fresh token, unreadable reply).</summary>
public class BhxhPortalException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The portal could not be reached or failed on its side; a later try may succeed.</summary>
public sealed class BhxhPortalUnavailableException(string message, Exception? inner = null) : BhxhPortalException(message, inner);
