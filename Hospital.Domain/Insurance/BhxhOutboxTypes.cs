namespace Hospital.Domain.Insurance;

/// <summary>Outbox message types sent to the BHXH portal; payload <c>{"visitId": n}</c>, reference MA_LK.</summary>
public static class BhxhOutboxTypes
{
    /// <summary>Card lookup (KQNhanLichSuKCB2024) for a visit registered while the card was not yet checked.</summary>
    public const string CardCheck = "bhxh.card-check";
    /// <summary>XML0 check-in (checkInKcbQd3176), queued with the visit's first chargeable item.</summary>
    public const string CheckIn = "bhxh.check-in";
}

public sealed record VisitOutboxPayload(int VisitId);
