namespace Hospital.Integration.EPrescription;

/// <summary>
/// The national e-prescription system as the hospital uses it (vn-emr-rx.md §3.3): log in as the
/// facility, send a signed prescription. The documented API (QĐ 808/QĐ-BYT) has no call to cancel
/// a sent prescription: a correction is a new prescription (QĐ 425 Đ9 k3c) whose payload names the
/// one it replaces (<see cref="EPrescriptionPayloadBuilder"/>), so there is nothing more to send.
/// </summary>
public interface IEPrescriptionClient
{
    /// <summary>
    /// Posts the prescription. <see cref="EPrescriptionSendResult.Accepted"/> when the system took it;
    /// otherwise the system refused the content (HTTP 4xx other than 401, or a reply without success).
    /// </summary>
    /// <exception cref="EPrescriptionUnavailableException">Network failure, 5xx or timeout: try again later.</exception>
    /// <exception cref="EPrescriptionException">Login refused even with a fresh token, or an unreadable reply.</exception>
    Task<EPrescriptionSendResult> SendAsync(EPrescriptionPayload payload, CancellationToken ct = default);
}

/// <param name="Message">The system's own words: the receipt ("Gửi đơn thuốc thành công…") or the refusal with its list of errors.</param>
/// <param name="RequestJson">The body as sent, kept with the prescription's submissions.</param>
/// <param name="RawReply">The reply as received.</param>
public sealed record EPrescriptionSendResult(bool Accepted, int HttpStatus, string Message, string RequestJson, string RawReply);

/// <summary>The system answered, but not usably (credentials refused after a fresh login, unreadable reply, missing settings).</summary>
public class EPrescriptionException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The system could not be reached or failed on its side; a later try may succeed.</summary>
public sealed class EPrescriptionUnavailableException(string message, Exception? inner = null) : EPrescriptionException(message, inner);
