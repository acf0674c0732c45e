using System.Text;
using Hospital.Integration.Astm;

namespace Hospital.Tests.Lis.Protocols;

/// <summary>The E1381 state machine with a fake clock: every phase, fault and timer of spec §1.4.</summary>
public class AstmLinkLayerTests
{
    private const string Sysmex =
        "H|\\^&|||XN-350^00-14^13126^^^^BT827364||||||||E1394-97\r" +
        "P|1|||PID0042|^Doe^Jane||19850412|F\r" +
        "O|1||^^                 240105001^B|^^^^WBC\\^^^^RBC|||||||N||||||||||||||F\r" +
        "R|1|^^^^WBC^1|11.84|10*3/uL||H||||SYSMEX||20240105101530\r" +
        "R|2|^^^^RBC^1|4.51|10*6/uL||N||||SYSMEX||20240105101530\r" +
        "L|1|N\r";

    private static byte[] L1(string s) => Encoding.Latin1.GetBytes(s);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void A_message_goes_across_one_record_per_end_frame_with_frame_numbers_mod_8()
    {
        var pair = new AstmLinkPair();
        var nine = string.Concat(Enumerable.Range(1, 9).Select(i => $"R|{i}|^^^T{i}|{i}\r"));
        var message = "H|\\^&\rP|1\rO|1|S1\r" + nine + "L|1|N\r";

        pair.Instrument.Enqueue(message);
        pair.Pump();

        Assert.Equal(string.Concat(pair.ReceivedByComputer), message);
        Assert.Equal(13, pair.ReceivedByComputer.Count());
        var frames = pair.Wire.Where(w => w.From == 'I' && w.Bytes[0] == AstmControl.Stx).Select(w => (char)w.Bytes[1]);
        Assert.Equal("1234567012345", string.Concat(frames));
        Assert.StartsWith("I:ENQ C:ACK I:F1x C:ACK", pair.Transcript());
        Assert.EndsWith("I:F5x C:ACK I:EOT", pair.Transcript());
        Assert.Single(pair.InstrumentEvents.OfType<AstmMessageSent>());
        Assert.Equal(AstmLinkState.Neutral, pair.Computer.State);
        Assert.Equal(AstmLinkState.Neutral, pair.Instrument.State);
    }

    [Fact]
    public void Records_longer_than_240_characters_continue_in_ETB_frames_and_are_reassembled()
    {
        var pair = new AstmLinkPair();
        var comment = "C|1|I|" + new string('x', 600) + "|G\r";
        pair.Instrument.Enqueue("H|\\^&\r" + comment + "L|1|N\r");
        pair.Pump();

        Assert.Equal(["H|\\^&\r", comment, "L|1|N\r"], pair.ReceivedByComputer);
        var commentFrames = pair.Wire.Where(w => w.From == 'I' && w.Bytes[0] == AstmControl.Stx).Skip(1).Take(3).ToList();
        Assert.Equal([247, 247, comment.Length - 480 + 7], commentFrames.Select(f => f.Bytes.Length));
        Assert.Equal([AstmControl.Etb, AstmControl.Etb, AstmControl.Etx], commentFrames.Select(f => f.Bytes[^5]));
    }

    [Fact]
    public void Without_end_frame_per_record_only_the_last_record_gets_ETX()
    {
        var pair = new AstmLinkPair(instrument: new AstmLinkOptions { EndFramePerRecord = false });
        pair.Instrument.Enqueue(Sysmex);
        pair.Pump();

        Assert.Equal([Sysmex], pair.ReceivedByComputer);
        Assert.Contains("I:F5b C:ACK I:F6x C:ACK I:EOT", pair.Transcript());
    }

    [Fact]
    public void Frames_of_up_to_64000_characters_are_accepted()
    {
        var pair = new AstmLinkPair(instrument: new AstmLinkOptions { MaxFrameText = AstmFrame.MaxFrameLength - AstmFrame.Overhead });
        var big = "R|1|^^^IMG|" + new string('A', 63_900) + "\r";
        pair.Instrument.Enqueue(big);
        pair.Pump();

        Assert.Equal([big], pair.ReceivedByComputer);
        Assert.Equal(63_912 + 7, pair.Wire.Single(w => w.From == 'I' && w.Bytes[0] == AstmControl.Stx).Bytes.Length);
    }

    [Fact]
    public void Bad_checksum_gets_NAK_and_the_resent_frame_is_accepted()
    {
        var pair = new AstmLinkPair();
        var corrupted = 0;
        pair.Filter = (from, bytes) =>
        {
            if (from == 'I' && bytes[0] == AstmControl.Stx && bytes[1] == (byte)'2' && corrupted++ == 0)
            {
                var copy = (byte[])bytes.Clone();
                copy[5] ^= 0x01; // one bit flipped on the line
                return copy;
            }
            return bytes;
        };
        pair.Instrument.Enqueue(Sysmex);
        pair.Pump();

        Assert.Contains("I:F2x C:NAK I:F2x C:ACK I:F3x", pair.Transcript());
        Assert.Equal(Sysmex, string.Concat(pair.ReceivedByComputer));
        var rejected = Assert.Single(pair.ComputerEvents.OfType<AstmFrameRejected>());
        Assert.StartsWith("checksum mismatch", rejected.Reason);
    }

    [Fact]
    public void A_frame_failing_6_times_aborts_the_message_and_nothing_is_delivered()
    {
        var pair = new AstmLinkPair(instrument: new AstmLinkOptions { EndFramePerRecord = false });
        pair.Filter = (from, bytes) =>
        {
            if (from != 'I' || bytes[0] != AstmControl.Stx || bytes[1] != (byte)'3') return bytes;
            var copy = (byte[])bytes.Clone();
            copy[^4] = (byte)'Z'; // unreadable checksum every time
            return copy;
        };
        pair.Instrument.Enqueue(Sysmex);
        pair.Pump();

        Assert.Equal(6, pair.Wire.Count(w => w.From == 'I' && w.Bytes[0] == AstmControl.Stx && w.Bytes[1] == (byte)'3'));
        Assert.EndsWith("I:F3b C:NAK I:EOT", pair.Transcript());
        Assert.Empty(pair.ReceivedByComputer);
        var aborted = Assert.Single(pair.InstrumentEvents.OfType<AstmSendAborted>());
        Assert.Contains("failed 6 times", aborted.Reason);
        Assert.Equal(L1(Sysmex), aborted.Bytes);
        var discarded = Assert.Single(pair.ComputerEvents.OfType<AstmReceiveAborted>());
        Assert.True(discarded.DiscardedBytes > 0);
        Assert.Equal(6, pair.ComputerEvents.OfType<AstmFrameRejected>().Count());
        Assert.Equal(AstmLinkState.Neutral, pair.Computer.State);
    }

    [Fact]
    public void A_frame_resent_after_a_garbled_ACK_is_acknowledged_and_delivered_once()
    {
        var pair = new AstmLinkPair();
        var garbled = 0;
        pair.Filter = (from, bytes) =>
            from == 'C' && bytes is [AstmControl.Ack] && pair.Wire.Count(w => w.From == 'I' && w.Bytes[0] == AstmControl.Stx) == 3 && garbled++ == 0
                ? [0x86] // the ACK after frame 3 arrives damaged
                : bytes;
        pair.Instrument.Enqueue(Sysmex);
        pair.Pump();

        Assert.Contains("I:F3x C:ACK I:F3x C:ACK I:F4x", pair.Transcript());
        Assert.Equal(Sysmex, string.Concat(pair.ReceivedByComputer));
        Assert.Equal(6, pair.ReceivedByComputer.Count());
        Assert.Contains(pair.ComputerEvents.OfType<AstmBytesIgnored>(), e => e.Reason.StartsWith("frame repeated after a lost ACK"));
    }

    [Fact]
    public void Unexpected_frame_number_is_refused()
    {
        var computer = new AstmLinkLayer(new AstmLinkOptions(), new AstmTestClock());
        computer.OnBytes([AstmControl.Enq]);
        Assert.Equal([AstmControl.Ack], computer.TakeOutput());
        computer.OnBytes(AstmFrame.Encode(2, L1("H|\\^&\r"), true));

        Assert.Equal([AstmControl.Nak], computer.TakeOutput());
        Assert.True(computer.TryTakeEvent(out var e));
        Assert.Equal("frame number 2 where 1 was expected", Assert.IsType<AstmFrameRejected>(e).Reason);
    }

    [Fact]
    public void Bytes_split_anywhere_across_reads_and_noise_before_STX_are_handled()
    {
        var clock = new AstmTestClock();
        var computer = new AstmLinkLayer(new AstmLinkOptions(), clock);
        var wire = new List<byte> { AstmControl.Enq };
        wire.AddRange(L1("\0\0noise"));
        wire.AddRange(AstmFrame.Encode(1, L1("H|\\^&\r"), false));
        wire.AddRange(AstmFrame.Encode(2, L1("L|1|N\r"), true));
        wire.Add(AstmControl.Eot);

        foreach (var b in wire) computer.OnBytes([b]);

        var events = new List<AstmLinkEvent>();
        while (computer.TryTakeEvent(out var e)) events.Add(e);
        Assert.Equal("H|\\^&\rL|1|N\r", Assert.Single(events.OfType<AstmMessageReceived>()).Text);
        // Reported per read, so none goes unaccounted for: NUL NUL n o i s e.
        Assert.Equal(7, events.OfType<AstmBytesIgnored>().Sum(e => e.Count));
        Assert.Equal([AstmControl.Ack, AstmControl.Ack, AstmControl.Ack], computer.TakeOutput());
    }

    [Fact]
    public void A_frame_cut_short_then_the_senders_EOT_ends_the_session_at_once()
    {
        var computer = new AstmLinkLayer(new AstmLinkOptions(), new AstmTestClock());
        computer.OnBytes([AstmControl.Enq]);
        computer.OnBytes(AstmFrame.Encode(1, L1("H|\\^&\r"), false));
        var cut = AstmFrame.Encode(2, L1("P|1|||PID0042\r"), true);
        computer.OnBytes(cut.AsSpan(0, cut.Length - 3)); // checksum and CR LF lost on the line
        computer.OnBytes([AstmControl.Eot]);

        Assert.Equal(AstmLinkState.Neutral, computer.State);
        var events = new List<AstmLinkEvent>();
        while (computer.TryTakeEvent(out var e)) events.Add(e);
        Assert.Equal("incomplete frame ended by the sender's EOT", Assert.Single(events.OfType<AstmBytesIgnored>()).Reason);
        Assert.Equal(6, Assert.Single(events.OfType<AstmReceiveAborted>()).DiscardedBytes); // "H|\^&\r" never got its end frame
        Assert.Empty(events.OfType<AstmMessageReceived>());
    }

    [Fact]
    public void Contention_the_instrument_sends_first_and_the_computer_follows_after_it_releases_the_line()
    {
        var pair = new AstmLinkPair();
        // Both ENQs are on the wire before either side sees the other's.
        const string order = "H|\\^&\rP|1\rO|1|240105002||^^^^WBC|R\rL|1|N\r";
        pair.Computer.Enqueue(order);
        pair.Instrument.Enqueue(Sysmex);
        pair.Pump();

        Assert.Equal("I:ENQ C:ENQ", pair.Transcript());
        Assert.Equal(AstmLinkState.Neutral, pair.Computer.State);        // stopped, listening
        Assert.Equal(AstmLinkState.ContentionWait, pair.Instrument.State);

        pair.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal("I:ENQ C:ENQ", pair.Transcript());
        pair.Advance(TimeSpan.FromMilliseconds(1)); // instrument re-sends ENQ after 1 s
        Assert.Equal(Sysmex, string.Concat(pair.ReceivedByComputer));
        // The instrument released the line with EOT: the computer need not sit out the rest of its 20 s.
        Assert.Equal(order, string.Concat(pair.ReceivedByInstrument));
        var enqs = pair.Wire.Select((w, i) => (w, i)).Where(x => x.w.Bytes is [AstmControl.Enq]).Select(x => x.w.From);
        Assert.Equal("ICIC", string.Concat(enqs));
    }

    [Fact]
    public void After_contention_the_computer_waits_20_s_before_its_next_ENQ()
    {
        var clock = new AstmTestClock();
        var computer = new AstmLinkLayer(new AstmLinkOptions(), clock);
        computer.Enqueue("H|\\^&\rL|1|N\r");
        Assert.Equal([AstmControl.Enq], computer.TakeOutput());
        computer.OnBytes([AstmControl.Enq]); // the instrument's ENQ crossed ours
        Assert.Empty(computer.TakeOutput());  // no answer to the colliding ENQ; the instrument asks again

        clock.Advance(TimeSpan.FromSeconds(19.9));
        computer.Tick();
        Assert.Empty(computer.TakeOutput());
        clock.Advance(TimeSpan.FromSeconds(0.1));
        computer.Tick();
        Assert.Equal([AstmControl.Enq], computer.TakeOutput());
    }

    [Fact]
    public void No_reply_to_ENQ_within_15_s_ends_with_EOT_and_the_message_is_reported_unsent()
    {
        var clock = new AstmTestClock();
        var link = new AstmLinkLayer(new AstmLinkOptions(), clock);
        link.Enqueue("H|\\^&\rL|1|N\r");
        Assert.Equal([AstmControl.Enq], link.TakeOutput());
        clock.Advance(TimeSpan.FromSeconds(14.99));
        link.Tick();
        Assert.Empty(link.TakeOutput());
        clock.Advance(TimeSpan.FromSeconds(0.01));
        link.Tick();

        Assert.Equal([AstmControl.Eot], link.TakeOutput());
        Assert.True(link.TryTakeEvent(out var e));
        Assert.Equal("no reply to ENQ within 15 s", Assert.IsType<AstmSendAborted>(e).Reason);
        Assert.Equal(0, link.QueuedMessages);
    }

    [Fact]
    public void No_reply_to_a_frame_within_15_s_aborts_the_message()
    {
        var pair = new AstmLinkPair();
        pair.Filter = (from, bytes) => from == 'I' && bytes[0] == AstmControl.Stx && bytes[1] == (byte)'2' ? [] : bytes;
        pair.Instrument.Enqueue(Sysmex);
        pair.Pump();
        Assert.Equal(AstmLinkState.Sending, pair.Instrument.State);

        pair.Advance(TimeSpan.FromSeconds(15));

        Assert.Equal("no reply to frame 2 within 15 s", Assert.Single(pair.InstrumentEvents.OfType<AstmSendAborted>()).Reason);
        Assert.EndsWith("I:EOT", pair.Transcript());
        Assert.Single(pair.ReceivedByComputer); // only H was complete; P never arrived
    }

    [Fact]
    public void Receiver_gives_up_after_30_s_without_frame_or_EOT()
    {
        var clock = new AstmTestClock();
        var computer = new AstmLinkLayer(new AstmLinkOptions(), clock);
        computer.OnBytes([AstmControl.Enq]);
        computer.OnBytes(AstmFrame.Encode(1, L1("H|\\^&|||XN-350\r"), false)); // ETB: more to come
        computer.TakeOutput();
        clock.Advance(TimeSpan.FromSeconds(29.9));
        computer.Tick();
        Assert.Equal(AstmLinkState.Receiving, computer.State);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        computer.Tick();

        Assert.Equal(AstmLinkState.Neutral, computer.State);
        Assert.True(computer.TryTakeEvent(out var e));
        var aborted = Assert.IsType<AstmReceiveAborted>(e);
        Assert.Equal("no frame or EOT within 30 s", aborted.Reason);
        Assert.Equal("H|\\^&|||XN-350\r".Length, aborted.DiscardedBytes);
        Assert.False(computer.TryTakeEvent(out _));
    }

    [Fact]
    public void Busy_NAK_to_ENQ_retries_every_10_s_and_gives_up_after_6_attempts()
    {
        var pair = new AstmLinkPair();
        pair.Computer.Busy = true;
        pair.Instrument.Enqueue(Sysmex);
        pair.Pump();
        Assert.Equal(AstmLinkState.BusyWait, pair.Instrument.State);
        pair.Advance(TimeSpan.FromSeconds(9.9));
        Assert.Equal(1, pair.Wire.Count(w => w.Bytes is [AstmControl.Enq]));

        pair.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(2, pair.Wire.Count(w => w.Bytes is [AstmControl.Enq]));
        for (var i = 0; i < 4; i++) pair.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(6, pair.Wire.Count(w => w.Bytes is [AstmControl.Enq]));
        Assert.Equal("the receiver answered NAK (busy) to 6 ENQs", Assert.Single(pair.InstrumentEvents.OfType<AstmSendAborted>()).Reason);
        Assert.Equal(AstmLinkState.Neutral, pair.Instrument.State);
    }

    [Fact]
    public void A_busy_receiver_that_frees_up_gets_the_message_on_the_next_ENQ()
    {
        var pair = new AstmLinkPair();
        pair.Computer.Busy = true;
        pair.Instrument.Enqueue(Sysmex);
        pair.Pump();
        pair.Computer.Busy = false;
        pair.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(Sysmex, string.Concat(pair.ReceivedByComputer));
        Assert.StartsWith("I:ENQ C:NAK I:ENQ C:ACK I:F1x", pair.Transcript());
    }

    [Fact]
    public void Receiver_interrupt_the_sender_finishes_its_message_then_yields_the_line()
    {
        var pair = new AstmLinkPair();
        pair.Instrument.Enqueue(Sysmex);
        pair.Instrument.Enqueue("H|\\^&\rL|1|N\r");
        pair.Computer.Enqueue("H|\\^&\rP|1\rO|1|S1||^^^GLU|S\rL|1|N\r"); // urgent order
        // The computer's ENQ loses the contention; it then asks the instrument to stop.
        pair.Pump();
        pair.Computer.RequestReceiverInterrupt();
        pair.Advance(Second);

        var transcript = pair.Transcript();
        Assert.Contains("C:EOT", transcript);                      // EOT in place of ACK
        Assert.Equal(Sysmex, string.Concat(pair.ReceivedByComputer.Take(6)));
        Assert.Single(pair.ReceivedByInstrument, t => t.StartsWith("O|1|S1"));
        // The instrument's second message follows the computer's session, not before it.
        var lastInstrumentHeader = transcript.LastIndexOf("I:F1x", StringComparison.Ordinal);
        var computerSession = transcript.IndexOf("C:F1x", StringComparison.Ordinal);
        Assert.True(computerSession < lastInstrumentHeader, transcript);
        Assert.Equal(2, pair.InstrumentEvents.OfType<AstmMessageSent>().Count());
    }

    [Fact]
    public void With_held_ACK_the_end_frame_is_acknowledged_only_once_the_owner_confirms()
    {
        var pair = new AstmLinkPair(instrument: new AstmLinkOptions { EndFramePerRecord = false }, computer: new AstmLinkOptions { HoldAckUntilConfirmed = true });
        pair.Instrument.Enqueue(Sysmex);
        pair.Pump();

        Assert.Equal([Sysmex], pair.ReceivedByComputer);
        Assert.EndsWith("I:F6x", pair.Transcript());
        Assert.True(pair.Computer.ConfirmDelivered());
        pair.Pump();
        Assert.EndsWith("I:F6x C:ACK I:EOT", pair.Transcript());
        Assert.Single(pair.InstrumentEvents.OfType<AstmMessageSent>());
        Assert.False(pair.Computer.ConfirmDelivered());
    }

    [Fact]
    public void Naked_records_are_collected_up_to_the_L_record()
    {
        var clock = new AstmTestClock();
        var link = new AstmLinkLayer(new AstmLinkOptions { AcceptNakedRecords = true }, clock);
        var text = "H|\\^&|||Analyser\r\nP|1\r\nO|1|S1||^^^GLU\r\nR|1|^^^GLU|5.4|mmol/L\r\nL|1|N\r\n";
        link.OnBytes(L1(text[..17]));
        link.OnBytes(L1(text[17..]));

        Assert.True(link.TryTakeEvent(out var e));
        var received = Assert.IsType<AstmMessageReceived>(e);
        Assert.True(received.Naked);
        Assert.Equal(text[..^1], received.Text); // the LF after the L record's CR is line noise in neutral
        Assert.Empty(link.TakeOutput());          // nothing to acknowledge in naked mode
    }

    [Fact]
    public void Naked_records_without_an_L_record_are_dropped_after_60_s_and_reported()
    {
        var clock = new AstmTestClock();
        var link = new AstmLinkLayer(new AstmLinkOptions { AcceptNakedRecords = true }, clock);
        link.OnBytes(L1("H|\\^&\rP|1\r"));
        clock.Advance(TimeSpan.FromSeconds(60));
        link.Tick();

        Assert.True(link.TryTakeEvent(out var e));
        Assert.Equal(new AstmReceiveAborted(clock.GetUtcNow(), "no L record within 60 s of the first naked record", 10), e);
        Assert.Equal(AstmLinkState.Neutral, link.State);
    }

    [Fact]
    public void Naked_sending_writes_the_records_as_they_are()
    {
        var link = new AstmLinkLayer(new AstmLinkOptions { SendNaked = true }, new AstmTestClock());
        link.Enqueue("H|\\^&\rL|1|N");
        Assert.Equal(L1("H|\\^&\rL|1|N\r"), link.TakeOutput());
        Assert.True(link.TryTakeEvent(out var e));
        Assert.IsType<AstmMessageSent>(e);
    }

    [Fact]
    public void Messages_with_restricted_characters_or_nothing_in_them_are_refused()
    {
        var link = new AstmLinkLayer();
        Assert.Contains("restricted character ENQ", Assert.Throws<ArgumentException>(() => link.Enqueue("H|\\^&\u0005\r")).Message);
        Assert.Throws<ArgumentException>(() => link.Enqueue(""));
        Assert.Contains("outside ISO-8859-1", Assert.Throws<ArgumentException>(() => link.Enqueue("R|1|^^^GLU|5|\u00b5mol/L\u2030\r")).Message);
        Assert.Throws<ArgumentException>(() => new AstmLinkLayer(new AstmLinkOptions { MaxFrameText = 0 }));
    }
}
