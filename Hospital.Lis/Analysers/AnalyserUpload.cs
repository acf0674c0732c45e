using Hospital.Domain.Lab;

namespace Hospital.Lis.Analysers;

/// <summary>
/// One measured value in an analyser message, whatever the protocol: the session reads ASTM R
/// records or HL7 OBX segments into these (the dialect decides where the barcode is, O-3 or O-4,
/// OBR-2 or OBR-3, lis-protocols.md §5), and the LIS matches them without knowing the wire format.
/// </summary>
/// <param name="Barcode">Specimen ID as sent, trimmed; for QC the control's ID.</param>
/// <param name="AnalyserTestCode">The analyser's code of the test (ASTM R-3 universal test ID component, HL7 OBX-3.1).</param>
/// <param name="Value">The value as sent, trimmed, never coerced (">500", "----").</param>
/// <param name="AnalyserFlags">Abnormal flags as sent (ASTM R-7, HL7 OBX-8).</param>
/// <param name="InstrumentAt">When measured, UTC (the session converts the instrument's local time).</param>
/// <param name="IsQc">A control, not a patient (ASTM O-12 = Q, HL7 MSH-16 = 2 on Mindray BS, QC IDs).</param>
/// <param name="IsRerun">The analyser marks it as a rerun or correction (ASTM R-9 C/R, HL7 OBX-11 C).</param>
public sealed record AnalyserObservation(
    string Barcode, string AnalyserTestCode, string Value, string? Unit, string? AnalyserFlags, DateTime? InstrumentAt,
    bool IsQc = false, bool IsRerun = false);

/// <summary>
/// A complete message received from an analyser, as the session hands it to the LIS to store
/// before the final ACK. <paramref name="Text"/> is the whole message as decoded text (records or
/// segments separated by CR): it is what makes a resent message recognisable and what a lab
/// admin reads when a value is questioned.
/// </summary>
/// <param name="Error">Set when the message could not be read; it is still stored, with no results.</param>
public sealed record AnalyserUpload(
    string Analyser, AnalyserProtocol Protocol, string Text, string? ControlId, AnalyserMessageKind Kind,
    IReadOnlyList<AnalyserObservation> Observations, DateTime ReceivedAt, string? Error = null);

/// <summary>What became of an <see cref="AnalyserUpload"/>.</summary>
/// <param name="Duplicate">The same message from the same analyser was already stored (lost ACK): nothing new was stored.</param>
public sealed record UploadOutcome(long MessageId, bool Duplicate, int Stored, int Unmatched, int Qc);
