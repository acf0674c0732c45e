using Hospital.Domain.Common;
using Hospital.Domain.Insurance;
using Hospital.Domain.Outbox;

namespace Hospital.Domain.Visits;

/// <summary>
/// The BHYT check-in (XML0) is sent right after the first chargeable item of a visit
/// (QĐ 4750; bhyt-claims.md §6 "Check-in trigger"), except for emergencies
/// (MA_DOITUONG_KCB = 2), for which it is not required. Registration calls this for the exam
/// fee; EMR orders, lab tests, drugs and supplies call it for theirs, so the rule lives here once.
/// </summary>
public static class CheckInTrigger
{
    /// <summary>
    /// Call when adding a charge to a visit whose MA_LK is set (saved or about to be); the
    /// caller's next SaveChanges stores the stamp and the outbox message with the charge.
    /// Returns true when the check-in was queued now.
    /// </summary>
    public static bool OnChargeAdded(DbContext db, Visit visit, TimeProvider clock)
    {
        if (string.IsNullOrEmpty(visit.MaLk)) throw new InvalidOperationException("The visit needs its MA_LK before its check-in is queued.");
        if (!NeedsCheckIn(visit)) return false;
        visit.CheckInQueuedAt = clock.GetUtcNow().UtcDateTime;
        OutboxWriter.Enqueue(db, clock, BhxhOutboxTypes.CheckIn, new VisitOutboxPayload(visit.MaLk), visit.MaLk);
        return true;
    }

    public static bool NeedsCheckIn(Visit visit) =>
        visit.Kind == VisitKind.Bhyt
        && visit.CheckInQueuedAt is null
        && !visit.IsVoided()
        && !visit.Emergency
        && visit.BenefitCategoryCode != EmergencyCategory;

    /// <summary>MA_DOITUONG_KCB of an emergency (QĐ 3276, bhyt-claims.md §4.2).</summary>
    public const string EmergencyCategory = "2";
}
