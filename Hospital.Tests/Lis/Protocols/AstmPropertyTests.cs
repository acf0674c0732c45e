using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Hospital.Integration.Astm;
using Hospital.Integration.Astm.Records;

namespace Hospital.Tests.Lis.Protocols;

/// <summary>Generated inputs (FsCheck): frames, records and whole messages survive encoding and decoding unchanged.</summary>
public class AstmPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);

    /// <summary>Any byte a frame may carry: printable ASCII, Latin-1 high bytes, CR, and the unrestricted control bytes.</summary>
    private static readonly Gen<byte> TextByte = Gen.Choose(0, 255).Select(i => (byte)i).Where(b => !AstmControl.IsRestricted(b));

    /// <summary>Field text full of the characters that need escaping.</summary>
    private static readonly Gen<string> FieldValue =
        Gen.Elements("|", "\\", "^", "&", "&F&", "a", "Z", "0", " ", "µ", "é", "Nguyễn".Normalize()[..1], "-", ".", "10*3/uL", "&X41&")
            .ListOf().Select(parts => string.Concat(parts.Take(12)));

    [Fact]
    public void Frames_round_trip()
    {
        var gen = Gen.Zip(Gen.Choose(0, 7), Gen.Elements(true, false)).SelectMany(
            h => TextByte.ArrayOf().Select(text => (Fn: h.Item1, End: h.Item2, Text: text)));
        Check.One(Runs, Prop.ForAll(gen.ToArbitrary(), f =>
        {
            var wire = AstmFrame.Encode(f.Fn, f.Text, f.End);
            return AstmFrame.TryDecode(wire.AsSpan(1), out var frame, out _)
                && frame.FrameNumber == f.Fn && frame.IsEnd == f.End
                && wire.AsSpan(1 + frame.TextStart, frame.TextLength).SequenceEqual(f.Text);
        }));
    }

    [Fact]
    public void Records_round_trip_with_escapes_components_and_repeats()
    {
        var gen = Gen.Zip(FieldValue.ArrayOf(), FieldValue.ListOf().ListOf()).Select(x => (Values: x.Item1, Repeats: x.Item2));
        Check.One(Runs, Prop.ForAll(gen.ToArbitrary(), g =>
        {
            var record = AstmRecord.Create('R', AstmDelimiters.Default);
            for (var i = 0; i < g.Values.Length; i++) record.SetValue(3 + i, g.Values[i]);
            var repeatsField = 3 + g.Values.Length;
            var repeats = g.Repeats.Select(r => r.Append("x").ToList()).ToList(); // a trailing empty component is not kept on the wire
            if (repeats.Count > 0) record.SetRepeats(repeatsField, repeats);

            var back = AstmRecord.Parse(record.ToText(), AstmDelimiters.Default);
            for (var i = 0; i < g.Values.Length; i++)
                if (back.Value(3 + i) != g.Values[i]) return false;
            for (var r = 0; r < repeats.Count; r++)
                if (!back.Components(repeatsField, r + 1).SequenceEqual(repeats[r])) return false;
            return back.ToText() == record.ToText();
        }));
    }

    [Fact]
    public void Messages_cross_the_link_layer_intact_however_the_bytes_are_cut()
    {
        var record = Gen.Zip(Gen.Elements('P', 'O', 'R', 'C', 'M'), FieldValue.ListOf())
            .Select(x => x.Item1 + "|" + string.Join('|', x.Item2.Select(v => AstmEscaping.Escape(v, AstmDelimiters.Default))) + "\r");
        var gen = Gen.Zip(Gen.Zip(record.ListOf(), Gen.Choose(1, 300)), Gen.Zip(Gen.Elements(true, false), Gen.Choose(1, 64)))
            .Select(x => (Records: x.Item1.Item1, FrameText: x.Item1.Item2, PerRecord: x.Item2.Item1, Chunk: x.Item2.Item2));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(100), Prop.ForAll(gen.ToArbitrary(), g =>
        {
            var message = "H|\\^&\r" + string.Concat(g.Records) + "L|1|N\r";
            var pair = new AstmLinkPair(instrument: new AstmLinkOptions { MaxFrameText = g.FrameText, EndFramePerRecord = g.PerRecord });
            // Deliver in chunks of g.Chunk bytes, as a serial port might.
            pair.Filter = (_, bytes) => bytes;
            pair.Instrument.Enqueue(Encoding.Latin1.GetBytes(message));
            for (var round = 0; round < 100_000 && (pair.Instrument.PendingOutput.Length > 0 || pair.Computer.PendingOutput.Length > 0); round++)
            {
                var fromInstrument = pair.Instrument.TakeOutput();
                for (var i = 0; i < fromInstrument.Length; i += g.Chunk)
                    pair.Computer.OnBytes(fromInstrument.AsSpan(i, Math.Min(g.Chunk, fromInstrument.Length - i)));
                pair.Instrument.OnBytes(pair.Computer.TakeOutput());
            }
            pair.Drain();
            return string.Concat(pair.ReceivedByComputer) == message
                && pair.InstrumentEvents.OfType<AstmMessageSent>().Count() == 1
                && !pair.ComputerEvents.OfType<AstmFrameRejected>().Any();
        }));
    }
}
