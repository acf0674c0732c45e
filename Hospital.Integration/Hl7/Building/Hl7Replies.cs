using Hospital.Integration.Hl7.Segments;

namespace Hospital.Integration.Hl7.Building;

/// <summary>
/// Acknowledgments and query responses to a received message (HL7 v2.5 ch. 2 §2.9 original-mode ACK;
/// ch. 5 QCK/DSR (v2.3.1) and RSP^K11). Each reply keeps the sender's delimiters, version, MSH-16 and
/// charset and addresses the sender (MSH-5/6 = its MSH-3/4), in the shape Mindray's manual shows:
/// <c>MSH|^~\&amp;|||Mindray|BS-200E|…||ACK^R01|1|P|2.3.1||||0||ASCII|||</c> / <c>MSA|AA|1|Message accepted|||0|</c>.
/// </summary>
public static class Hl7Replies
{
    /// <summary>ACK for a received message: AA, or AE/AR with an ERR segment saying why.</summary>
    public static Hl7Message Ack(Hl7Message received, Hl7AckCode code = Hl7AckCode.Accept, Hl7AckError? error = null, Hl7ReplyHeader? header = null, string? text = null)
    {
        if (code != Hl7AckCode.Accept && error is null)
            throw new ArgumentException("an AE/AR acknowledgment needs the error it reports", nameof(error));
        var b = Start(received, "ACK", header);
        AddMsa(b, received, code, error, text);
        if (error is not null) AddErr(b, received.Msh.VersionId, error);
        return b.Build();
    }

    /// <summary>
    /// AE/AR for bytes that could not be read as a message: the MSH is salvaged when possible so MSA-2 still
    /// names the sender's MSH-10; otherwise the reply uses default delimiters and an empty MSA-2.
    /// </summary>
    public static Hl7Message AckForUnreadable(ReadOnlySpan<byte> payload, Hl7AckCode code, Hl7AckError error, Hl7ReplyHeader? header = null)
    {
        if (TrySalvageMsh(payload) is { } msh) return Ack(msh, code, error, header);
        var b = new Hl7MessageBuilder();
        b.Msh.Set(3, header?.SendingApplication).Set(4, header?.SendingFacility).Set(7, (header ?? Hl7ReplyHeader.Default).Timestamp)
            .SetComponents(9, "ACK").Set(10, header?.ControlId ?? Guid.NewGuid().ToString("N")).Set(11, "P").Set(12, "2.5");
        b.Add("MSA").Set(1, CodeOf(code)).Set(2, "").Set(3, FitCharset(error.Reason, b));
        AddErr(b, "2.5", error);
        return b.Build();
    }

    /// <summary>For a message that could not be read: AR when resending it as is cannot help (unsupported type, event, processing id or version; HL7 v2.5 §2.9.2), else AE.</summary>
    public static Hl7AckCode AckCodeFor(Hl7FormatException e) =>
        e.Code is Hl7ErrorCode.UnsupportedMessageType or Hl7ErrorCode.UnsupportedEventCode or Hl7ErrorCode.UnsupportedProcessingId or Hl7ErrorCode.UnsupportedVersionId
            ? Hl7AckCode.Reject : Hl7AckCode.Error;

    /// <summary>QCK^Q02 to a QRY^Q02 (Mindray BS): MSA, ERR|0|, QAK|SR|OK| when orders exist, QAK|SR|NF| when not.</summary>
    public static Hl7Message QckQ02(Hl7Message query, bool found, Hl7ReplyHeader? header = null)
    {
        RequireKind(query, Hl7MessageKind.QryQ02);
        var b = Start(query, "QCK", header);
        AddMsa(b, query, Hl7AckCode.Accept, null, null);
        b.Add("ERR").Set(1, "0").PadTo(2);
        b.Add("QAK").Set(1, "SR").Set(2, found ? "OK" : "NF").PadTo(3);
        return b.Build();
    }

    /// <summary>
    /// DSR^Q03 carrying one sample's orders (Mindray BS, spec §3.6): MSA, ERR, QAK, QRD and QRF echoed
    /// verbatim, DSP lines by position, DSC (non-empty continuation pointer when more samples follow).
    /// </summary>
    public static Hl7Message DsrQ03(Hl7Message query, Hl7DsrSample sample, string continuation = "", Hl7ReplyHeader? header = null)
    {
        RequireKind(query, Hl7MessageKind.QryQ02);
        var qrd = query.First("QRD") ?? throw new Hl7FormatException(Hl7ErrorCode.SegmentSequenceError, "QRY^Q02 without QRD", -1, "QRD");
        var qrf = query.First("QRF");
        var b = Start(query, "DSR", header, "Q03");
        AddMsa(b, query, Hl7AckCode.Accept, null, null);
        b.Add("ERR").Set(1, "0").PadTo(2);
        b.Add("QAK").Set(1, "SR").Set(2, "OK").PadTo(3);
        b.AddVerbatim(qrd);
        if (qrf is not null) b.AddVerbatim(qrf);
        sample.WriteDisplayLines(b);
        b.Add("DSC").Set(1, continuation).PadTo(2);
        return b.Build();
    }

    /// <summary>RSP^K11 to a QBP^Q11 (IHE LAW LAB-27): MSA, QAK with the query tag and OK/NF, QPD echoed.</summary>
    public static Hl7Message RspK11(Hl7Message query, bool found, Hl7ReplyHeader? header = null)
    {
        RequireKind(query, Hl7MessageKind.QbpQ11);
        var qpd = query.First("QPD") ?? throw new Hl7FormatException(Hl7ErrorCode.SegmentSequenceError, "QBP^Q11 without QPD", -1, "QPD");
        var b = Start(query, "RSP", header, "K11", "RSP_K11");
        AddMsa(b, query, Hl7AckCode.Accept, null, null);
        b.Add("QAK").Set(1, new QpdSegment(qpd).QueryTag).Set(2, found ? "OK" : "NF");
        b.AddVerbatim(qpd);
        return b.Build();
    }

    /// <summary>
    /// ORR^O02 to a Mindray BC order query (ORM^O01 with <c>ORC|RF||&lt;sampleId&gt;||IP</c>, spec §3.6 [BC-ORM]): MSA AA,
    /// then the patient, and ORC+OBR per test with the sample id in ORC-2/3 and OBR-2/3 (the BC reads OBR-3). With no
    /// order the reply carries ORC-1 = DC and no OBR, the explicit "nothing to run" (our reading; no Mindray document).
    /// </summary>
    public static Hl7Message OrrO02(Hl7Message query, Hl7WorklistOrder? order, string sampleId, Hl7ReplyHeader? header = null)
    {
        RequireKind(query, Hl7MessageKind.OrmO01);
        var b = Start(query, "ORR", header, "O02");
        AddMsa(b, query, Hl7AckCode.Accept, null, null);
        if (order is null || order.Tests.Count == 0)
        {
            b.Add("ORC").Set(1, "DC").Set(2, sampleId).Set(3, sampleId).Set(5, "CA");
            return b.Build();
        }
        Hl7Worklists.AddPatient(b, order);
        var seq = 1;
        foreach (var test in order.Tests)
        {
            b.Add("ORC").Set(1, "AF").Set(2, sampleId).Set(3, sampleId).Set(5, "IP").Set(9, (header ?? Hl7ReplyHeader.Default).Timestamp);
            Hl7Worklists.AddObr(b, order, test, seq++).Set(3, sampleId);
        }
        return b.Build();
    }

    private static Hl7MessageBuilder Start(Hl7Message received, string code, Hl7ReplyHeader? header, string? trigger = null, string? structure = null)
    {
        header ??= Hl7ReplyHeader.Default;
        var msh = received.Msh;
        var b = new Hl7MessageBuilder(received.Delimiters);
        b.Msh.Set(3, header.SendingApplication).Set(4, header.SendingFacility)
            .SetRaw(5, msh.SendingApplication.RawText).SetRaw(6, msh.SendingFacility.RawText)
            .Set(7, header.Timestamp)
            .SetComponents(9, structure is null ? [code, trigger ?? msh.MessageType.Event] : [code, trigger ?? msh.MessageType.Event, structure])
            .Set(10, header.ControlId ?? msh.ControlId)
            .SetRaw(11, msh.Segment[11].RawText).SetRaw(12, msh.Segment[12].RawText);
        if (msh.ApplicationAckType.Length > 0) b.Msh.SetRaw(16, msh.Segment[16].RawText);
        var label = msh.CharacterSet;
        if (label.Length > 0) b.Msh.Set(18, Hl7Charsets.FromMsh18(label, out _) is null ? Hl7Charsets.Msh18(received.Charset) : label);
        b.Msh.PadTo(Math.Max(12, received.Segments[0].FieldCount));
        return b;
    }

    private static void AddMsa(Hl7MessageBuilder b, Hl7Message received, Hl7AckCode code, Hl7AckError? error, string? text)
    {
        b.Add("MSA").Set(1, CodeOf(code)).Set(2, received.ControlId)
            .Set(3, FitCharset(text ?? (error is null ? "Message accepted" : error.Reason), b))
            .Set(6, error is null ? "0" : ((int)error.Code).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .PadTo(7);
    }

    /// <summary>ERR in the layout of the sender's version: ERR-1 (≤ v2.4) or ERR-2/3/4/8 (v2.5+).</summary>
    private static void AddErr(Hl7MessageBuilder b, string version, Hl7AckError error)
    {
        var code = ((int)error.Code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var seq = error.SegmentSequence > 0 ? error.SegmentSequence.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        var field = error.Field > 0 ? error.Field.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        var err = b.Add("ERR");
        if (IsBefore25(version))
        {
            err.Set(1, 1, 1, 1, error.SegmentId).Set(1, 1, 2, 1, seq).Set(1, 1, 3, 1, field)
                .Set(1, 1, 4, 1, code).Set(1, 1, 4, 2, FitCharset(error.Reason, b)).Set(1, 1, 4, 3, "HL70357");
        }
        else
        {
            if (error.SegmentId is not null) err.SetComponents(2, error.SegmentId, seq, field);
            err.SetComponents(3, code, error.CodeText, "HL70357").Set(4, "E").Set(8, FitCharset(error.Reason, b));
        }
    }

    /// <summary>
    /// Our own texts (reasons, which may be Vietnamese or cite "§") rendered in ASCII when the reply
    /// declares ASCII, so the reply stays what its MSH-18 says: diacritics dropped, đ → d, others → '?'.
    /// </summary>
    private static string FitCharset(string text, Hl7MessageBuilder b)
    {
        if (System.Text.Ascii.IsValid(text) || b.Msh.Charset != Hl7Charset.Ascii) return text;
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Replace("§", "section ").Replace("…", "...").Normalize(System.Text.NormalizationForm.FormD))
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c switch { 'đ' => 'd', 'Đ' => 'D', < (char)0x80 => c, _ => '?' });
        }
        return sb.ToString();
    }

    private static bool IsBefore25(string version) =>
        version.StartsWith("2.1", StringComparison.Ordinal) || version.StartsWith("2.2", StringComparison.Ordinal)
        || version.StartsWith("2.3", StringComparison.Ordinal) || version.StartsWith("2.4", StringComparison.Ordinal);

    private static string CodeOf(Hl7AckCode code) => code switch { Hl7AckCode.Accept => "AA", Hl7AckCode.Error => "AE", _ => "AR" };

    private static void RequireKind(Hl7Message m, Hl7MessageKind kind)
    {
        if (m.Type.Kind != kind) throw new ArgumentException($"expected a {kind} message, got {m.Type}", nameof(m));
    }

    private static Hl7Message? TrySalvageMsh(ReadOnlySpan<byte> payload)
    {
        var start = payload.IndexOf("MSH"u8);
        if (start < 0) return null;
        var line = payload[start..];
        var end = line.IndexOfAny((byte)'\r', (byte)'\n');
        if (end >= 0) line = line[..end];
        var bytes = new byte[line.Length + 1];
        line.CopyTo(bytes);
        bytes[^1] = (byte)'\r';
        try { return Hl7Message.Parse(bytes, Hl7ParseOptions.Lenient); }
        catch (Hl7FormatException) { return null; }
    }
}
