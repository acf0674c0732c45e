using System.Buffers;

namespace Hospital.Integration.Astm;

/// <summary>
/// "Naked" records from non-compliant TCP firmware (spec §1.5): <c>H|…CR P|…CR … L|…CR</c> with no ENQ, STX, frame
/// number or checksum. Recognised by an <c>H</c> where ENQ was due; collected up to the CR that ends the L record,
/// within <see cref="AstmLinkOptions.NakedMessageTimeout"/>.
/// </summary>
public sealed partial class AstmLinkLayer
{
    private readonly ArrayBufferWriter<byte> _naked = new(1024);
    private int _nakedRecordStart;

    private void StartNaked(byte first, DateTimeOffset now)
    {
        State = AstmLinkState.ReceivingNaked;
        _naked.ResetWrittenCount();
        _naked.Write([first]);
        _nakedRecordStart = 0;
        _deadline = now + _options.NakedMessageTimeout;
    }

    private int OnNakedBytes(ReadOnlySpan<byte> data, DateTimeOffset now)
    {
        if (data[0] == AstmControl.Enq)
        {
            // A framed session starts: whatever naked text we hold has no end.
            AbortNaked(now, "ENQ arrived before the L record of naked records");
            return 0; // the ENQ is handled again in the neutral state
        }
        var cr = data.IndexOf(AstmControl.Cr);
        var take = cr < 0 ? data.Length : cr + 1;
        if (_naked.WrittenCount + take > _options.MaxMessageLength)
        {
            AbortNaked(now, $"naked records exceed {_options.MaxMessageLength} bytes without an L record");
            Ignore("naked record bytes past the size limit", take);
            return take;
        }
        _naked.Write(data[..take]);
        if (cr < 0) return take;

        var record = _naked.WrittenSpan[_nakedRecordStart..];
        // Tolerate CR LF line ends: the LF then starts the next record.
        var firstIndex = record.IndexOfAnyExcept(AstmControl.Lf);
        _nakedRecordStart = _naked.WrittenCount;
        if (firstIndex >= 0 && record[firstIndex] == (byte)'L')
        {
            Raise(new AstmMessageReceived(now, _naked.WrittenSpan.ToArray(), Naked: true));
            _naked.ResetWrittenCount();
            GoNeutral();
        }
        return take;
    }

    private void OnNakedTimeout(DateTimeOffset now) =>
        AbortNaked(now, $"no L record within {_options.NakedMessageTimeout.TotalSeconds:0} s of the first naked record");

    private void AbortNaked(DateTimeOffset now, string reason)
    {
        Raise(new AstmReceiveAborted(now, reason, _naked.WrittenCount));
        _naked.ResetWrittenCount();
        GoNeutral();
    }
}
