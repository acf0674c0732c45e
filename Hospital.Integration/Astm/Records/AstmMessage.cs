using System.Text;

namespace Hospital.Integration.Astm.Records;

/// <summary>An R record with the comments (and manufacturer records) that follow it.</summary>
public sealed class AstmResultBlock(AstmResult result)
{
    public AstmResult Result { get; } = result;
    public List<AstmComment> Comments { get; } = [];
    public List<AstmRecord> Extras { get; } = [];
}

/// <summary>An O record with its comments and results.</summary>
public sealed class AstmOrderBlock(AstmOrder order)
{
    public AstmOrder Order { get; } = order;
    public List<AstmComment> Comments { get; } = [];
    public List<AstmRecord> Extras { get; } = [];
    public List<AstmResultBlock> Results { get; } = [];
}

/// <summary>A P record with its comments and orders.</summary>
public sealed class AstmPatientBlock(AstmPatient patient)
{
    public AstmPatient Patient { get; } = patient;
    public List<AstmComment> Comments { get; } = [];
    public List<AstmRecord> Extras { get; } = [];
    public List<AstmOrderBlock> Orders { get; } = [];
}

/// <summary>
/// One E1394 / LIS2-A2 message, H … L, as a tree ready for the LIS: patients → orders → results, each with its
/// comments (E1394 record hierarchy, spec §2.2); or H, Q…, L for a host query. M and S records are kept where they stand.
/// </summary>
public sealed class AstmMessage(AstmHeader header)
{
    public AstmHeader Header { get; } = header;
    public AstmDelimiters Delimiters => Header.Delimiters;
    public List<AstmComment> HeaderComments { get; } = [];
    public List<AstmRecord> HeaderExtras { get; } = [];
    public List<AstmPatientBlock> Patients { get; } = [];
    public List<AstmQuery> Queries { get; } = [];
    public AstmTerminator Terminator { get; set; } = new(header.Delimiters);

    /// <summary>Every result of the message with its order and patient, in order.</summary>
    public IEnumerable<(AstmPatientBlock Patient, AstmOrderBlock Order, AstmResultBlock Result)> AllResults() =>
        from p in Patients from o in p.Orders from r in o.Results select (p, o, r);

    /// <summary>Reads exactly one message (records separated by CR; CR LF tolerated).</summary>
    /// <exception cref="AstmFormatException">not exactly one H … L, or a record out of its place (say which and where).</exception>
    public static AstmMessage Parse(string text)
    {
        var messages = AstmMessageReader.ReadAll(text);
        if (messages.Count != 1) throw new AstmFormatException($"expected one H … L message, found {messages.Count}");
        return messages[0];
    }

    /// <summary>All records in wire order.</summary>
    public IEnumerable<AstmRecord> Records()
    {
        yield return Header.Record;
        foreach (var c in HeaderComments) yield return c.Record;
        foreach (var x in HeaderExtras) yield return x;
        foreach (var q in Queries) yield return q.Record;
        foreach (var p in Patients)
        {
            yield return p.Patient.Record;
            foreach (var c in p.Comments) yield return c.Record;
            foreach (var x in p.Extras) yield return x;
            foreach (var o in p.Orders)
            {
                yield return o.Order.Record;
                foreach (var c in o.Comments) yield return c.Record;
                foreach (var x in o.Extras) yield return x;
                foreach (var r in o.Results)
                {
                    yield return r.Result.Record;
                    foreach (var c in r.Comments) yield return c.Record;
                    foreach (var x in r.Extras) yield return x;
                }
            }
        }
        yield return Terminator.Record;
    }

    /// <summary>The message as records, each followed by CR: what <see cref="AstmLinkLayer.Enqueue(string)"/> takes.</summary>
    public string ToText()
    {
        var sb = new StringBuilder(256);
        foreach (var r in Records()) sb.Append(r.ToText()).Append('\r');
        return sb.ToString();
    }
}
