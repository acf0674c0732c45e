using System.Text;
using Hospital.Integration.Hl7;

namespace Hospital.Tests.Lis.Protocols;

/// <summary>Strict mode rejects what HL7 forbids, with a reason; lenient mode accepts real analysers' deviations and records each one.</summary>
public sealed class Hl7LenientModeTests
{
    private static readonly string Oru = Hl7Captures.MindrayBs200;

    [Theory]
    [InlineData("\n", Hl7DeviationKind.LineFeedSegmentTerminator)]
    [InlineData("\r\n", Hl7DeviationKind.CrLfSegmentTerminator)]
    public void Lf_and_crlf_terminators_are_accepted_leniently_and_rejected_strictly(string terminator, Hl7DeviationKind kind)
    {
        var text = Oru.Replace("\r", terminator);
        var lenient = Hl7Message.Parse(text);
        Assert.Equal(4, lenient.Segments.Count);
        Assert.Contains(lenient.Deviations, d => d.Kind == kind);
        Assert.Equal(Oru, lenient.Encode()); // written back with CR
        Assert.Equal("95.000000", lenient.First("OBX")!.Value(5));

        var e = Assert.Throws<Hl7FormatException>(() => Hl7Message.Parse(text, Hl7ParseOptions.Strict));
        Assert.Equal(Hl7ErrorCode.SegmentSequenceError, e.Code);
        Assert.Contains("requires CR", e.Message);
    }

    [Fact]
    public void A_missing_final_terminator_empty_lines_and_leading_blanks_are_recorded()
    {
        var text = "\0 \r\n" + Oru.TrimEnd('\r').Replace("PID|", "\rPID|");
        var m = Hl7Message.Parse(text);
        Assert.Equal(["MSH", "PID", "OBR", "OBX"], m.Segments.Select(s => s.Id));
        Assert.Contains(m.Deviations, d => d.Kind == Hl7DeviationKind.LeadingBytes);
        Assert.Contains(m.Deviations, d => d.Kind == Hl7DeviationKind.EmptySegment);
        Assert.Contains(m.Deviations, d => d.Kind == Hl7DeviationKind.MissingFinalSegmentTerminator);
        Assert.Equal(Oru, m.Encode());
        Assert.Throws<Hl7FormatException>(() => Hl7Message.Parse(Oru.TrimEnd('\r'), Hl7ParseOptions.Strict));
    }

    [Fact]
    public void Unknown_and_unterminated_escapes_are_kept_verbatim_leniently()
    {
        var text = Hl7Captures.Cr("MSH|^~\\&|A|B|||20240101||ORU^R01|9|P|2.5", @"NTE|1|L|C:\data\Q\file|x \W\ y");
        var m = Hl7Message.Parse(text);
        Assert.Equal(@"C:\data\Q\file", m.First("NTE")!.Value(3));
        Assert.Equal(@"x \W\ y", m.First("NTE")!.Value(4));
        Assert.Contains(m.Deviations, d => d.Kind == Hl7DeviationKind.UnknownEscape && d.Detail.Contains(@"\W\"));
        Assert.Contains(m.Deviations, d => d.Kind == Hl7DeviationKind.UnterminatedEscape || d.Kind == Hl7DeviationKind.UnknownEscape);
        Assert.Equal(text, m.Encode());

        var e = Assert.Throws<Hl7FormatException>(() => Hl7Message.Parse(text, Hl7ParseOptions.Strict));
        Assert.Equal(Hl7ErrorCode.DataTypeError, e.Code);
        Assert.Equal("NTE", e.SegmentId);
    }

    [Fact]
    public void Utf8_bytes_under_an_ascii_label_are_read_as_utf8_and_recorded()
    {
        var text = Hl7Captures.Cr("MSH|^~\\&|A|B|||20240101||ORU^R01|9|P|2.3.1||||||ASCII", "PID|1||1||Lê^Thị")
;
        var bytes = Encoding.UTF8.GetBytes(text);
        var m = Hl7Message.Parse(bytes);
        Assert.Equal("Lê", m.First("PID")!.Field(5).Component(1).Value);
        Assert.Contains(m.Deviations, d => d.Kind == Hl7DeviationKind.CharsetMismatch);
        Assert.Equal(bytes, m.EncodeToBytes());
        var e = Assert.Throws<Hl7FormatException>(() => Hl7Message.Parse(bytes, Hl7ParseOptions.Strict));
        Assert.Contains("does not fit MSH-18", e.Message);
    }

    [Fact]
    public void Invalid_utf8_falls_back_to_latin1_leniently()
    {
        var bytes = Encoding.Latin1.GetBytes(Hl7Captures.Cr("MSH|^~\\&|A|B|||20240101||ORU^R01|9|P|2.5||||||UTF-8", "NTE|1||10°C"));
        var m = Hl7Message.Parse(bytes);
        Assert.Equal("10°C", m.First("NTE")!.Value(3));
        Assert.Contains(m.Deviations, d => d.Kind == Hl7DeviationKind.NonStandardCharset);
        Assert.Contains(m.Deviations, d => d.Kind == Hl7DeviationKind.CharsetMismatch);
        Assert.Throws<Hl7FormatException>(() => Hl7Message.Parse(bytes, Hl7ParseOptions.Strict));
    }

    [Theory]
    [InlineData("PID|1\r", "does not start with an MSH")]
    [InlineData("MSH|^~\\|A\r", "MSH-2 must hold 4")]
    [InlineData("MSH|^^\\&|A\r", "declared twice")]
    [InlineData("MSH|^~A&|B\r", "not allowed")]
    [InlineData("MSH|^~\\&|A|B|||1||ORU^R01|1|P|2.5||||||KOI8-R\r", "not supported")]
    public void Unusable_headers_are_rejected_with_a_reason(string text, string reason)
    {
        var e = Assert.Throws<Hl7FormatException>(() => Hl7Message.Parse(text, Hl7ParseOptions.Strict));
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void Bad_segment_ids_and_a_second_msh_are_rejected()
    {
        Assert.Contains("not a segment id", Assert.Throws<Hl7FormatException>(() =>
            Hl7Message.Parse("MSH|^~\\&|A\rpid|1\r", Hl7ParseOptions.Strict)).Message);
        var lenient = Hl7Message.Parse("MSH|^~\\&|A\rpid|1\r");
        Assert.Contains(lenient.Deviations, d => d.Kind == Hl7DeviationKind.InvalidSegmentId);
        Assert.Equal("pid", lenient.Segments[1].Id);
        Assert.Contains("second MSH", Assert.Throws<Hl7FormatException>(() => Hl7Message.Parse("MSH|^~\\&|A\rMSH|^~\\&|B\r")).Message);
    }

    [Fact]
    public void Custom_delimiters_from_msh_are_used_throughout()
    {
        var m = Hl7Message.Parse("MSH#*!@%#APP#FAC#####ORU*R01#5#P#2.5\rOBX#1#NM#WBC*White%count##7.5!8.1#a@F@b\r", Hl7ParseOptions.Strict);
        Assert.Equal(new Hl7Delimiters('#', '*', '!', '@', '%'), m.Delimiters);
        Assert.Equal(Hl7MessageKind.OruR01, m.Type.Kind);
        var obx = m.First("OBX")!;
        Assert.Equal("White", obx[3].Component(2).Subcomponent(1).Value);
        Assert.Equal("count", obx[3].Component(2).Subcomponent(2).Value);
        Assert.Equal(["7.5", "8.1"], obx[5].Repetitions().Select(r => r.Value));
        Assert.Equal("a#b", obx.Value(6));
    }
}
