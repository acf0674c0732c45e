namespace Hospital.Domain.Insurance;

/// <summary>Outbox message types sent to the BHXH portal; payload <c>{"maLk": "..."}</c> (claims: <c>{"claimId": n}</c>), reference MA_LK.</summary>
public static class BhxhOutboxTypes
{
    /// <summary>Card lookup (KQNhanLichSuKCB2024) for a visit registered while the card was not yet checked.</summary>
    public const string CardCheck = "bhxh.card-check";
    /// <summary>XML0 check-in (checkInKcbQd3176), queued with the visit's first chargeable item.</summary>
    public const string CheckIn = "bhxh.check-in";
    /// <summary>One claim version's signed GIAMDINHHS file (guiHoSoXmlQD3176), queued when finance sends it.</summary>
    public const string ClaimSend = "bhxh.claim";
}

/// <summary>Names the claim version to send; the message's reference is its MA_LK, for people reading the outbox.</summary>
public sealed record ClaimOutboxPayload(long ClaimId);

/// <summary>
/// Names the visit by MA_LK, its claim key that never changes and is known before the visit row
/// is inserted, so a registration writes the visit and its messages in one save.
/// </summary>
public sealed record VisitOutboxPayload(string MaLk);
