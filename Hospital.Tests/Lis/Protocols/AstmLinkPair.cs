using Hospital.Integration.Astm;

namespace Hospital.Tests.Lis.Protocols;

/// <summary>
/// An instrument and a computer link layer wired to each other in memory with one fake clock. <see cref="Pump"/>
/// carries bytes both ways until both are quiet; a filter may drop or change bytes on the wire to stage faults.
/// </summary>
public sealed class AstmLinkPair
{
    public AstmTestClock Clock { get; } = new();
    public AstmLinkLayer Instrument { get; }
    public AstmLinkLayer Computer { get; }
    public List<AstmLinkEvent> InstrumentEvents { get; } = [];
    public List<AstmLinkEvent> ComputerEvents { get; } = [];

    /// <summary>Everything that went over the wire, in order, tagged with the sender ('I' or 'C').</summary>
    public List<(char From, byte[] Bytes)> Wire { get; } = [];

    /// <summary>Changes the bytes in transit (sender, bytes) → bytes delivered; identity by default.</summary>
    public Func<char, byte[], byte[]> Filter { get; set; } = (_, b) => b;

    public AstmLinkPair(AstmLinkOptions? instrument = null, AstmLinkOptions? computer = null)
    {
        Instrument = new AstmLinkLayer((instrument ?? new AstmLinkOptions()) with { Role = AstmLinkRole.Instrument }, Clock);
        Computer = new AstmLinkLayer((computer ?? new AstmLinkOptions()) with { Role = AstmLinkRole.Computer }, Clock);
    }

    /// <summary>Moves bytes until neither side has output; returns how many transfers happened.</summary>
    public int Pump(int maxRounds = 10_000)
    {
        var moved = 0;
        for (var round = 0; round < maxRounds; round++)
        {
            var fromInstrument = Instrument.TakeOutput();
            var fromComputer = Computer.TakeOutput();
            if (fromInstrument.Length == 0 && fromComputer.Length == 0) break;
            if (fromInstrument.Length > 0) { Wire.Add(('I', fromInstrument)); Computer.OnBytes(Filter('I', fromInstrument)); moved++; }
            if (fromComputer.Length > 0) { Wire.Add(('C', fromComputer)); Instrument.OnBytes(Filter('C', fromComputer)); moved++; }
            Drain();
        }
        Drain();
        return moved;
    }

    /// <summary>Advances the clock and runs both sides' timers, then pumps.</summary>
    public void Advance(TimeSpan by)
    {
        Clock.Advance(by);
        Instrument.Tick();
        Computer.Tick();
        Pump();
    }

    public void Drain()
    {
        while (Instrument.TryTakeEvent(out var e)) InstrumentEvents.Add(e);
        while (Computer.TryTakeEvent(out var e)) ComputerEvents.Add(e);
    }

    public IEnumerable<string> ReceivedByComputer => ComputerEvents.OfType<AstmMessageReceived>().Select(m => m.Text);

    public IEnumerable<string> ReceivedByInstrument => InstrumentEvents.OfType<AstmMessageReceived>().Select(m => m.Text);

    /// <summary>The control bytes each side sent, as names ("I:ENQ C:ACK I:frame1 …"), for asserting protocol order.</summary>
    public string Transcript() => string.Join(' ', Wire.Select(w => $"{w.From}:{Describe(w.Bytes)}"));

    private static string Describe(byte[] bytes) =>
        bytes.Length > 0 && bytes[0] == AstmControl.Stx
            ? $"F{(char)bytes[1]}{(bytes[^5] == AstmControl.Etx ? "x" : "b")}"
            : string.Join(',', bytes.Select(AstmControl.Describe));
}
