using Hospital.Domain.Common;
using Hospital.Domain.Lab;
using Hospital.Integration.Hl7;
using Hospital.Integration.Hl7.Building;
using Hospital.Integration.Hl7.Segments;
using Hospital.Lis.Analysers;

namespace Hospital.Web.Features.Analysers;

/// <summary>An HL7 result message read for the LIS: the upload to store and, when it could not be read, the error for the AE.</summary>
public sealed record Hl7Reading(AnalyserUpload Upload, Hl7AckError? Error);

/// <summary>
/// Reads ORU^R01 (HL7 v2.5 ch. 7 §7.3.1) and OUL^R22 (IHE LAW LAB-29) into an <see cref="AnalyserUpload"/>, one
/// <see cref="AnalyserObservation"/> per OBX, with the vendor placements of lis-protocols.md §3.4–3.8 and §5:
/// <list type="bullet">
/// <item>barcode: SPM-2 of the specimen group (OUL^R22), else OBR-2 (Mindray BS barcode), else OBR-3 (Mindray BC
/// sample id; BS's OBR-3 is only its internal sample number and is used when no barcode was scanned); HL7's
/// explicit null <c>""</c> counts as empty (BA400 writes it in OBR-2);</item>
/// <item>test code: OBX-3.1; Mindray BS sends its test number bare in OBX-3 and the test's name in OBX-4, and the
/// code map of a BS holds those names (the ones its screen and our DSR^Q03 use);</item>
/// <item>value: OBX-5 as sent (an SN like <c>&gt;^500</c> reads "&gt;500"); ED values (histograms) are not results
/// and stay only in the stored text;</item>
/// <item>flags: OBX-8 repetitions as sent (Mindray BC <c>L~N</c>); time: OBX-19, else OBX-14, else OBR-7, the
/// instrument's local time (Asia/Ho_Chi_Minh unless it carries an offset) → UTC; OBX-11 C (correction) = rerun;</item>
/// <item>QC: MSH-16 = 2 (Mindray BS) or SPM-11 = Q (IHE control specimen). A BS QC message has no OBX: each OBR
/// carries control (13), test (3), result (20), unit (21) and time (6).</item>
/// </list>
/// A message that cannot be read is still returned as an upload, with <see cref="AnalyserUpload.Error"/> and no
/// observations, so it is stored before the AE goes back (nothing an analyser sent is dropped).
/// </summary>
public static class Hl7UploadReader
{
    public static Hl7Reading Read(Hl7Message message, string analyser, DateTime receivedAt)
    {
        var msh = message.Msh;
        var qcMessage = msh.ApplicationAckType == "2";
        var observations = new List<AnalyserObservation>();
        string? specimenBarcode = null, orderBarcode = null;
        var qcSpecimen = false;
        Hl7Segment? obr = null;
        var obrHasObx = false;
        var index = 0;
        try
        {
            foreach (var segment in message.Segments)
            {
                index++;
                switch (segment.Id)
                {
                    case "SPM":
                        var spm = new SpmSegment(segment);
                        specimenBarcode = FirstPresent(spm.SpecimenId.Component(1), spm.SpecimenId.Component(2));
                        qcSpecimen = spm.SpecimenRole.Value.StartsWith('Q');
                        break;
                    case "OBR":
                        FlushQcObr(obr, obrHasObx, qcMessage, observations);
                        obr = segment;
                        obrHasObx = false;
                        var o = new ObrSegment(segment);
                        orderBarcode = FirstPresent(o.PlacerOrderNumber.Component(1), o.FillerOrderNumber.Component(1));
                        break;
                    case "OBX":
                        obrHasObx = true;
                        var obx = new ObxSegment(segment);
                        if (obx.ValueType == "ED") break;
                        var barcode = specimenBarcode ?? orderBarcode
                            ?? throw Fail(Hl7ErrorCode.RequiredFieldMissing, "no specimen barcode (SPM-2, OBR-2 or OBR-3) before this OBX", "OBX", index, 0);
                        var code = TestCode(obx) ?? throw Fail(Hl7ErrorCode.RequiredFieldMissing, "OBX-3 (test code) is empty", "OBX", index, 3);
                        var time = Time(obx.AnalysisDateTime) ?? Time(obx.ObservationDateTime) ?? (obr is null ? null : Time(new ObrSegment(obr).ObservationDateTime));
                        observations.Add(new AnalyserObservation(barcode, code, ValueOf(obx), Blank(obx.Units.Component(1).Value), Flags(obx.AbnormalFlags), time,
                            IsQc: qcMessage || qcSpecimen, IsRerun: obx.ResultStatus == "C"));
                        break;
                }
            }
            FlushQcObr(obr, obrHasObx, qcMessage, observations);
            if (observations.Count == 0 && !message.All("OBX").Any())
                throw Fail(Hl7ErrorCode.SegmentSequenceError, "no results in the message (no OBX, and no Mindray QC OBR with a result in OBR-20)", null, 0, 0);
        }
        catch (Hl7ReadException e)
        {
            return new Hl7Reading(Upload(message, analyser, receivedAt, AnalyserMessageKind.Results, [], e.Error.Reason), e.Error);
        }
        var kind = observations.Count > 0 && observations.All(x => x.IsQc) ? AnalyserMessageKind.QualityControl : AnalyserMessageKind.Results;
        return new Hl7Reading(Upload(message, analyser, receivedAt, kind, observations, null), null);
    }

    /// <summary>A message kept as it came, with why it was not read (unsupported type, unreadable bytes).</summary>
    public static AnalyserUpload Unread(string analyser, string text, string? controlId, DateTime receivedAt, string error) =>
        new(analyser, AnalyserProtocol.Hl7, text, controlId, AnalyserMessageKind.Other, [], receivedAt, error);

    private static AnalyserUpload Upload(Hl7Message message, string analyser, DateTime receivedAt, AnalyserMessageKind kind, IReadOnlyList<AnalyserObservation> observations, string? error) =>
        new(analyser, AnalyserProtocol.Hl7, message.Encode(), Blank(message.ControlId), kind, observations, receivedAt, error);

    /// <summary>Mindray BS QC: an OBR with no OBX of its own carries the control's result in OBR-13/3/20/21 (spec §3.8).</summary>
    private static void FlushQcObr(Hl7Segment? obr, bool hadObx, bool qcMessage, List<AnalyserObservation> observations)
    {
        if (obr is null || hadObx || !qcMessage) return;
        var value = obr.Value(20).Trim();
        if (value.Length == 0) return;
        var control = Blank(obr.Value(13).Trim()) ?? Blank(obr.Value(14).Trim()) ?? "";
        var code = Blank(obr.Value(3).Trim()) ?? obr.Value(2).Trim();
        observations.Add(new AnalyserObservation(control, code, value, Blank(obr.Value(21).Trim()), null, Time(obr.Value(6)) ?? Time(obr.Value(7)), IsQc: true));
    }

    private static string? TestCode(ObxSegment obx)
    {
        var id = obx.ObservationIdentifier;
        var first = id.Component(1).Value.Trim();
        var bareNumber = id.Components().Count() == 1 && first.Length > 0 && first.All(char.IsAsciiDigit);
        if (bareNumber && Blank(obx.ObservationSubId.Trim()) is { } name) return name;
        return Blank(first);
    }

    /// <summary>OBX-5 as sent: the first repetition; an SN's parts joined (<c>&gt;^500</c> → "&gt;500", <c>^1^:^128</c> → "1:128").</summary>
    private static string ValueOf(ObxSegment obx)
    {
        var value = obx.ObservationValue.Repetition(1);
        if (obx.ValueType == "SN") return string.Concat(value.Components().Select(c => c.Value)).Trim();
        return value.Value.Trim();
    }

    private static string? Flags(Hl7Field field)
    {
        if (field.IsEmpty) return null;
        var reps = field.Repetitions().Select(r => r.Value.Trim()).ToList();
        return reps.All(r => r.Length == 0) ? null : string.Join('~', reps);
    }

    /// <summary>An HL7 DTM in the instrument's local time (Vietnam, UTC+7, no DST) unless it carries an offset, as UTC.</summary>
    public static DateTime? Time(string value) =>
        Hl7Timestamp.TryParse(value, VietnamCalendar.Zone.BaseUtcOffset)?.UtcDateTime;

    private static string? FirstPresent(params Hl7Field[] fields)
    {
        foreach (var f in fields)
            if (!f.IsNull && Blank(f.Value.Trim()) is { } v) return v;
        return null;
    }

    private static string? Blank(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private static Hl7ReadException Fail(Hl7ErrorCode code, string reason, string? segment, int sequence, int field) =>
        new(new Hl7AckError(code, reason, segment, sequence, field));

    private sealed class Hl7ReadException(Hl7AckError error) : Exception(error.Reason)
    {
        public Hl7AckError Error { get; } = error;
    }
}
