using System.Text;
using Hospital.Integration.Astm;
using Hospital.Integration.Astm.Records;

namespace Hospital.Integration.Simulators;

/// <summary>What happened to one sending session of the simulated analyser.</summary>
/// <param name="Messages">E1394 messages (H … L) in the session.</param>
/// <param name="FramesSent">Distinct frames sent (a resend of the same frame is not counted here).</param>
/// <param name="FramesResent">Frames sent again after NAK, a failed reply, or the duplicate-frame fault.</param>
/// <param name="NaksReceived">Negative replies to our frames or ENQs.</param>
/// <param name="Completed">Every frame acknowledged and the session closed with EOT.</param>
/// <param name="InterruptRequested">The host answered a frame with EOT (receiver interrupt, E1381 §6.3).</param>
/// <param name="Error">Why the session did not complete, when it did not.</param>
public sealed record AstmSessionReport(int Messages, int FramesSent, int FramesResent, int NaksReceived, bool Completed, bool InterruptRequested, string? Error)
{
    public override string ToString() =>
        $"{Messages} message(s), {FramesSent} frame(s), {FramesResent} resent, {NaksReceived} NAK(s)" +
        (InterruptRequested ? ", host asked to interrupt" : "") + (Completed ? ", completed" : $", NOT completed: {Error}");
}

/// <summary>The host's answer to a simulated query.</summary>
/// <param name="Sent">How the query itself went.</param>
/// <param name="Answer">The host's message, null when none came.</param>
public sealed record AstmQueryOutcome(string Barcode, AstmSessionReport Sent, AstmMessage? Answer)
{
    /// <summary>The analyser codes the host asked for (O-5 of orders that are not "no order" replies).</summary>
    public IReadOnlyList<string> PendingTests =>
        Answer is null ? [] :
        Answer.Patients.SelectMany(p => p.Orders).Where(o => o.Order.ReportType.Trim() is not ("Y" or "Z"))
            .SelectMany(o => o.Order.Tests).Select(t => t.Code).Where(c => c.Length > 0 && c != "ALL").ToList();

    /// <summary>The host answered, and with nothing to do (L-3 = I, O-26 = Y/Z, or no orders).</summary>
    public bool NoOrder => Answer is not null && PendingTests.Count == 0;

    public override string ToString() =>
        Answer is null ? $"query {Barcode}: no answer from the host ({Sent})"
        : NoOrder ? $"query {Barcode}: host has no order (L-3 {Answer.Terminator.Code})"
        : $"query {Barcode}: host asks for {string.Join(",", PendingTests)}";
}

/// <summary>ASTM bytes in readable form for traces: <c>&lt;STX&gt;1H|\^&amp;…&lt;CR&gt;&lt;ETX&gt;4E&lt;CR&gt;&lt;LF&gt;</c>.</summary>
public static class AstmTraceText
{
    public static string Describe(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length + 16);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and < 0x7F or >= 0xA0) sb.Append((char)b);
            else sb.Append('<').Append(b switch
            {
                AstmControl.Stx => "STX", AstmControl.Etx => "ETX", AstmControl.Eot => "EOT", AstmControl.Enq => "ENQ",
                AstmControl.Ack => "ACK", AstmControl.Nak => "NAK", AstmControl.Etb => "ETB", AstmControl.Cr => "CR", AstmControl.Lf => "LF",
                0x0B => "VT", 0x1C => "FS",
                _ => $"0x{b:X2}",
            }).Append('>');
        }
        return sb.ToString();
    }
}
