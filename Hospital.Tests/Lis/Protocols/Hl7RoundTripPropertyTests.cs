using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Hospital.Integration.Hl7;
using Hospital.Integration.Hl7.Building;

namespace Hospital.Tests.Lis.Protocols;

/// <summary>
/// encode∘parse is the identity on generated messages: any delimiters, values full of delimiter and
/// escape characters, control characters and non-ASCII text, repetitions, components, subcomponents
/// and empty positions everywhere (issue 5 acceptance).
/// </summary>
public sealed class Hl7RoundTripPropertyTests
{
    // A field is repetitions → components → subcomponents of plain (unescaped) text.
    private sealed record GeneratedSegment(string Id, string[][][][] Fields);
    private sealed record GeneratedMessage(Hl7Delimiters Delimiters, string ControlId, GeneratedSegment[] Segments, string[][][][] MshFields);

    private static readonly char[] DelimiterPool = "|^~\\&#!$%*+/:;=?@`{}<>".ToCharArray();

    private static Gen<Hl7Delimiters> Delimiters() =>
        Gen.Shuffle(DelimiterPool).Select(p => new Hl7Delimiters(p[0], p[1], p[2], p[3], p[4]));

    private static Gen<string> Text(Hl7Delimiters d) =>
        Gen.Frequency(
            (6, Gen.Elements('a', 'B', '7', ' ', '.', '-')),
            (4, Gen.Elements(d.Field, d.Component, d.Repetition, d.Escape, d.Subcomponent)),
            (1, Gen.Elements('\r', '\n', '\t', '\x0b', '\x1c')),
            (2, Gen.Elements('é', 'ễ', 'đ', '通', 'µ', '"')))
        .ArrayOf().Select(c => new string(c.Take(10).ToArray()));

    private static Gen<string[][][]> Field(Hl7Delimiters d) =>
        Text(d).ArrayOf().Select(s => s.Length == 0 ? new[] { "" } : s.Take(3).ToArray())           // subcomponents
            .ArrayOf().Select(c => c.Length == 0 ? new[] { new[] { "" } } : c.Take(3).ToArray())     // components
            .ArrayOf().Select(r => r.Length == 0 ? new[] { new[] { new[] { "" } } } : r.Take(3).ToArray()); // repetitions

    private static Gen<GeneratedSegment> Segment(Hl7Delimiters d) =>
        from id in Gen.Elements("PID", "PV1", "ORC", "OBR", "OBX", "NTE", "SPM", "ZXY", "Z01")
        from fields in Field(d).ArrayOf()
        select new GeneratedSegment(id, fields.Take(8).ToArray());

    private static Gen<GeneratedMessage> Message() =>
        from d in Delimiters()
        from id in Gen.Elements("1", "MSG0001", "a5f12c06")
        from msh in Field(d).ArrayOf()
        from segments in Segment(d).ArrayOf()
        select new GeneratedMessage(d, id, segments.Take(12).ToArray(), msh.Take(6).ToArray());

    private static string Build(GeneratedMessage g)
    {
        var b = new Hl7MessageBuilder(g.Delimiters);
        for (var f = 0; f < g.MshFields.Length; f++) Fill(b.Msh, 3 + f, g.MshFields[f]); // MSH-3..8
        b.Msh.SetComponents(9, "ORU", "R01").Set(10, g.ControlId).Set(11, "P").Set(12, "2.5.1").Set(18, "UNICODE UTF-8");
        foreach (var s in g.Segments)
        {
            var sb = b.Add(s.Id);
            for (var f = 0; f < s.Fields.Length; f++) Fill(sb, f + 1, s.Fields[f]);
        }
        return b.BuildText();
    }

    private static void Fill(Hl7SegmentBuilder b, int field, string[][][] value)
    {
        for (var r = 0; r < value.Length; r++)
            for (var c = 0; c < value[r].Length; c++)
                for (var s = 0; s < value[r][c].Length; s++)
                    b.Set(field, r + 1, c + 1, s + 1, value[r][c][s]);
    }

    private static string[][][] Read(Hl7Field field) =>
        Enumerable.Range(1, field.RepetitionCount).Select(r => field.Repetition(r))
            .Select(rep => Enumerable.Range(1, rep.Count).Select(c => rep.Component(c))
                .Select(comp => Enumerable.Range(1, comp.Count).Select(s => comp.Subcomponent(s).Value).ToArray()).ToArray())
            .ToArray();

    /// <summary>The same tree read with the one-pass enumerators instead of indexes.</summary>
    private static string[][][] Enumerate(Hl7Field field) =>
        field.Repetitions().Select(rep => rep.Components().Select(comp => comp.Subcomponents().Select(s => s.Value).ToArray()).ToArray()).ToArray();

    private static bool Same(string[][][] a, string[][][] b) =>
        a.Length == b.Length && a.Zip(b).All(r => r.First.Length == r.Second.Length
            && r.First.Zip(r.Second).All(c => c.First.SequenceEqual(c.Second)));

    private static bool RoundTrips(GeneratedMessage g)
    {
        var text = Build(g);
        var parsed = Hl7Message.Parse(text, Hl7ParseOptions.Strict);
        if (parsed.Encode() != text || parsed.Deviations.Count != 0) return false;
        var fromBytes = Hl7Message.Parse(parsed.EncodeToBytes(), Hl7ParseOptions.Strict);
        if (fromBytes.Encode() != text) return false;
        if (parsed.Delimiters != g.Delimiters || parsed.ControlId != g.ControlId) return false;
        for (var f = 0; f < g.MshFields.Length; f++)
            if (!Same(Read(parsed.Segments[0][3 + f]), g.MshFields[f])) return false;
        if (parsed.Segments.Count != g.Segments.Length + 1) return false;
        for (var i = 0; i < g.Segments.Length; i++)
        {
            var seg = parsed.Segments[i + 1];
            var gen = g.Segments[i];
            if (seg.Id != gen.Id || seg.FieldCount != gen.Fields.Length) return false;
            for (var f = 0; f < gen.Fields.Length; f++)
                if (!Same(Read(seg[f + 1]), gen.Fields[f]) || !Same(Enumerate(seg[f + 1]), gen.Fields[f])) return false;
        }
        return true;
    }

    [Fact]
    public void Encode_then_parse_gives_back_every_value_and_the_same_text()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(Message().ToArbitrary(), RoundTrips));
    }

    [Fact]
    public void Escaped_text_unescapes_to_the_original_for_any_delimiters()
    {
        var gen = from d in Delimiters() from t in Text(d) select (d, t);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), Prop.ForAll(gen.ToArbitrary(), x =>
            Hl7Escaping.Unescape(Hl7Escaping.Escape(x.t, x.d), x.d, Hl7Charset.Utf8, lenient: false) == x.t));
    }

    [Fact]
    public void Latin1_messages_round_trip_through_bytes()
    {
        var b = new Hl7MessageBuilder();
        b.Msh.SetComponents(9, "ORU", "R01").Set(10, "L1").Set(11, "P").Set(12, "2.3.1").Set(18, "8859/1");
        b.Add("NTE").Set(1, "1").Set(3, "café µ 10°C");
        var m = b.Build();
        var bytes = m.EncodeToBytes();
        Assert.Equal(Encoding.Latin1.GetBytes(m.Encode()), bytes);
        Assert.Equal("café µ 10°C", Hl7Message.Parse(bytes, Hl7ParseOptions.Strict).First("NTE")!.Value(3));
    }
}
