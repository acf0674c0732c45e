namespace Hospital.Emr.Prescriptions;

/// <summary>
/// The outbox message that sends a signed prescription to the national e-prescription system
/// "right after the visit" (TT 26/2025 Đ12 k6d). Enqueued by <see cref="PrescriptionFinalizer"/> in
/// the same save as the signature, so a prescription is never signed without its message.
/// </summary>
public static class NationalPrescriptionOutbox
{
    public const string Send = "eprescription.send";
    /// <summary>With the outbox backoff capped at an hour, about a day of outage before a pharmacist has to resend by hand.</summary>
    public const int MaxAttempts = 30;
}

public sealed record NationalPrescriptionMessage(int PrescriptionId);
