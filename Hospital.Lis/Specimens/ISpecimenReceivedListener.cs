using Hospital.Domain.Lab;

namespace Hospital.Lis.Specimens;

/// <summary>What was received: the specimen and the tests it carries for the analysers.</summary>
public sealed record SpecimenReceived(long SpecimenId, string Barcode, int PatientId, SpecimenType SpecimenType,
    IReadOnlyList<string> TestCodes, DateTime ReceivedAt);

/// <summary>
/// Called after a specimen's receipt is stored (its first receipt only, not a re-scan). The
/// analyser sessions (issue 5 item 9) implement it to push the worklist to analysers configured
/// for broadcast; until they are registered nobody listens and receipt only records the time.
/// A listener's failure does not undo the receipt: the tube is in the lab whatever the network says.
/// </summary>
public interface ISpecimenReceivedListener
{
    Task SpecimenReceivedAsync(SpecimenReceived received, CancellationToken ct);
}
