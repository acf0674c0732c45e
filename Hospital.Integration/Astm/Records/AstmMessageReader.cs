namespace Hospital.Integration.Astm.Records;

/// <summary>
/// Builds <see cref="AstmMessage"/>s from record text, checking the record order of E1394 (the successor
/// map of spec §2.2): H first; P before its O; O before its R; Q only between H and L; C after the record it
/// annotates; nothing between L and the next H.
/// </summary>
public static class AstmMessageReader
{
    /// <summary>All messages in <paramref name="text"/>; the text must end with a complete message.</summary>
    /// <exception cref="AstmFormatException">a record out of place, an unreadable record, or a message without its L.</exception>
    public static IReadOnlyList<AstmMessage> ReadAll(string text)
    {
        var builder = new Builder();
        var messages = new List<AstmMessage>();
        var span = text.AsSpan();
        var index = 0;
        while (!span.IsEmpty)
        {
            var end = span.IndexOfAny('\r', '\n');
            var line = end < 0 ? span : span[..end];
            span = end < 0 ? [] : span[(end + 1)..];
            if (line.IsWhiteSpace()) continue;
            index++;
            if (builder.Add(line, index) is { } done) messages.Add(done);
        }
        if (builder.InMessage) throw new AstmFormatException($"the message starting with H has no L record (after record {index})");
        return messages;
    }

    /// <summary>Incremental state for one stream of records (also used by <see cref="AstmMessageAssembler"/>).</summary>
    internal sealed class Builder
    {
        private AstmMessage? _message;
        private AstmPatientBlock? _patient;
        private AstmOrderBlock? _order;
        private AstmResultBlock? _result;
        private char _previous;

        public bool InMessage => _message is not null;

        public void Reset()
        {
            _message = null;
            _patient = null;
            _order = null;
            _result = null;
            _previous = '\0';
        }

        /// <summary>Adds one record; returns the message it completes (an L record), else null.</summary>
        public AstmMessage? Add(ReadOnlySpan<char> line, int index)
        {
            var type = line.IsEmpty ? '\0' : line[0];
            if (_message is null)
            {
                if (type != 'H') throw Error(index, line, "a message must start with an H record");
                _message = new AstmMessage(new AstmHeader(AstmRecord.Parse(line, AstmDelimiters.Default)));
                _previous = 'H';
                return null;
            }
            AstmRecord record;
            try { record = AstmRecord.Parse(line, _message.Delimiters); }
            catch (AstmFormatException e) { throw Error(index, line, e.Message); }
            switch (record.Type)
            {
                case 'H':
                    throw Error(index, line, "a new H record before the L record of the previous message");
                case 'P':
                    if (_message.Queries.Count > 0) throw Error(index, line, "a P record in a query message");
                    _patient = new AstmPatientBlock(new AstmPatient(record));
                    _message.Patients.Add(_patient);
                    _order = null;
                    _result = null;
                    break;
                case 'O':
                    if (_patient is null) throw Error(index, line, "an O record before any P record");
                    _order = new AstmOrderBlock(new AstmOrder(record));
                    _patient.Orders.Add(_order);
                    _result = null;
                    break;
                case 'R':
                    if (_order is null) throw Error(index, line, "an R record before any O record of its patient");
                    _result = new AstmResultBlock(new AstmResult(record));
                    _order.Results.Add(_result);
                    break;
                case 'Q':
                    if (_patient is not null) throw Error(index, line, "a Q record after patient records");
                    _message.Queries.Add(new AstmQuery(record));
                    break;
                case 'C':
                    var comment = new AstmComment(record);
                    if (_result is not null) _result.Comments.Add(comment);
                    else if (_order is not null) _order.Comments.Add(comment);
                    else if (_patient is not null) _patient.Comments.Add(comment);
                    else _message.HeaderComments.Add(comment);
                    break;
                case 'M' or 'S':
                    if (_result is not null) _result.Extras.Add(record);
                    else if (_order is not null) _order.Extras.Add(record);
                    else if (_patient is not null) _patient.Extras.Add(record);
                    else _message.HeaderExtras.Add(record);
                    break;
                case 'L':
                    _message.Terminator = new AstmTerminator(record);
                    var done = _message;
                    Reset();
                    return done;
                default:
                    throw Error(index, line, $"unknown record type '{record.Type}' after {_previous}");
            }
            _previous = record.Type;
            return null;
        }

        private static AstmFormatException Error(int index, ReadOnlySpan<char> line, string reason) =>
            new($"record {index} (\"{(line.Length > 40 ? line[..40].ToString() + "…" : line.ToString())}\"): {reason}");
    }
}
