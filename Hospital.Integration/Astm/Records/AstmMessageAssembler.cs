namespace Hospital.Integration.Astm.Records;

/// <summary>
/// Turns the texts the link layer delivers (one per E1381 message: often one record each, sometimes the whole
/// H … L, cut anywhere by the sender's frames) into complete <see cref="AstmMessage"/>s, one per L record.
/// Call <see cref="EndOfSession"/> at EOT or abort: an unfinished message is discarded and reported, never half-kept.
/// </summary>
public sealed class AstmMessageAssembler
{
    private readonly AstmMessageReader.Builder _builder = new();
    private string _partialRecord = string.Empty;
    private int _recordIndex;
    private int _recordsInMessage;

    /// <summary>Adds text; returns the messages it completed.</summary>
    /// <exception cref="AstmFormatException">a record out of place; the message in progress is dropped (the caller journals the raw bytes).</exception>
    public IReadOnlyList<AstmMessage> Add(string text)
    {
        var done = new List<AstmMessage>();
        var span = (_partialRecord + text).AsSpan();
        _partialRecord = string.Empty;
        try
        {
            while (!span.IsEmpty)
            {
                var end = span.IndexOfAny('\r', '\n');
                if (end < 0) { _partialRecord = span.ToString(); break; }
                var line = span[..end];
                span = span[(end + 1)..];
                if (line.IsWhiteSpace()) continue;
                _recordIndex++;
                _recordsInMessage++;
                if (_builder.Add(line, _recordIndex) is { } message)
                {
                    done.Add(message);
                    _recordsInMessage = 0;
                }
            }
        }
        catch (AstmFormatException)
        {
            EndOfSession();
            throw;
        }
        return done;
    }

    /// <summary>Drops an unfinished message; returns how many of its records were discarded (0 when none).</summary>
    public int EndOfSession()
    {
        var discarded = _recordsInMessage + (_partialRecord.Length > 0 ? 1 : 0);
        _builder.Reset();
        _partialRecord = string.Empty;
        _recordsInMessage = 0;
        _recordIndex = 0;
        return discarded;
    }
}
