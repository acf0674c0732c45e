namespace Hospital.Integration.Astm.Records;

/// <summary>Who the LIS says it is in the H records it sends.</summary>
/// <param name="Name">H-5 component 1 (e.g. <c>LIS</c>).</param>
/// <param name="Version">H-5 component 2.</param>
/// <param name="ReceiverId">H-10, the analyser (optional).</param>
/// <param name="VersionField">H-13 (<c>LIS2-A2</c>, <c>E1394-97</c> or <c>1</c>; whatever the analyser expects).</param>
public sealed record AstmHostIdentity(string Name, string Version = "", string ReceiverId = "", string VersionField = "LIS2-A2");

/// <summary>One specimen with its pending tests, for a query answer or a worklist download.</summary>
public sealed record AstmSpecimenOrder(
    string SpecimenId,
    IReadOnlyList<AstmTestId> Tests,
    string PatientId = "",
    string LastName = "",
    string FirstName = "",
    string BirthDate = "",
    string Sex = "",
    string Priority = "R",
    DateTime? CollectedAt = null,
    string SpecimenType = "");

/// <summary>How "nothing to do for this specimen" is said; analysers differ in which they understand.</summary>
public enum AstmNoOrderStyle
{
    /// <summary>H, L with termination code I, "no information available from last query" (L-3 = I).</summary>
    TerminatorNoInformation,

    /// <summary>H, P, O with report type Y, "no order on record for this test" (O-26 = Y), L.</summary>
    OrderReportNoOrder,

    /// <summary>H, P, O with report type Z, "no record of this patient" (O-26 = Y), L.</summary>
    OrderReportNoPatient,
}

/// <summary>
/// The host's messages to an analyser (spec §2.3 host-query flow): the answer to a Q record with the pending tests,
/// the explicit "no order" answer, and worklist downloads. Each is an <see cref="AstmMessage"/> to send in a new
/// session of the LIS's own.
/// </summary>
public static class AstmHostReplies
{
    /// <summary>H, then P and O per specimen (report type Q, action N), L|1|N — the answer to a query.</summary>
    public static AstmMessage QueryResponse(AstmHostIdentity host, DateTime now, IEnumerable<AstmSpecimenOrder> found, AstmDelimiters? delimiters = null) =>
        Orders(host, now, found, reportType: "Q", delimiters ?? AstmDelimiters.Default);

    /// <summary>A worklist download (host → analyser without a query): P and O per specimen with report type O, action N.</summary>
    public static AstmMessage Worklist(AstmHostIdentity host, DateTime now, IEnumerable<AstmSpecimenOrder> specimens, AstmDelimiters? delimiters = null) =>
        Orders(host, now, specimens, reportType: "O", delimiters ?? AstmDelimiters.Default);

    /// <summary>The explicit "no order for this specimen" answer, in the style the analyser understands.</summary>
    public static AstmMessage NoOrder(AstmHostIdentity host, DateTime now, string specimenId, AstmNoOrderStyle style, AstmDelimiters? delimiters = null)
    {
        var d = delimiters ?? AstmDelimiters.Default;
        var message = new AstmMessage(Header(host, now, d));
        if (style == AstmNoOrderStyle.TerminatorNoInformation)
        {
            message.Terminator = new AstmTerminator(d, "I");
            return message;
        }
        var patient = new AstmPatientBlock(new AstmPatient(d) { Sequence = 1 });
        var order = new AstmOrder(d)
        {
            Sequence = 1,
            SpecimenId = specimenId,
            Tests = [new AstmTestId(["", "", "", "ALL"])],
            ReportType = style == AstmNoOrderStyle.OrderReportNoOrder ? "Y" : "Z",
        };
        patient.Orders.Add(new AstmOrderBlock(order));
        message.Patients.Add(patient);
        message.Terminator = new AstmTerminator(d, "N");
        return message;
    }

    private static AstmMessage Orders(AstmHostIdentity host, DateTime now, IEnumerable<AstmSpecimenOrder> specimens, string reportType, AstmDelimiters d)
    {
        var message = new AstmMessage(Header(host, now, d));
        var seq = 0;
        foreach (var s in specimens)
        {
            if (string.IsNullOrWhiteSpace(s.SpecimenId)) throw new ArgumentException("Every specimen order needs a specimen ID (O-3).", nameof(specimens));
            if (s.Tests.Count == 0) throw new ArgumentException($"Specimen {s.SpecimenId} has no tests to send.", nameof(specimens));
            seq++;
            var patient = new AstmPatient(d) { Sequence = seq, PracticePatientId = s.PatientId, BirthDate = s.BirthDate, Sex = s.Sex };
            if (s.LastName.Length > 0 || s.FirstName.Length > 0) patient.Name = [s.LastName, s.FirstName];
            var order = new AstmOrder(d)
            {
                Sequence = 1,
                SpecimenId = s.SpecimenId,
                Tests = s.Tests,
                Priority = s.Priority,
                CollectedAt = s.CollectedAt is { } at ? AstmDateTime.Format(at) : "",
                ActionCode = "N",
                SpecimenDescriptor = s.SpecimenType,
                ReportType = reportType,
            };
            var block = new AstmPatientBlock(patient);
            block.Orders.Add(new AstmOrderBlock(order));
            message.Patients.Add(block);
        }
        if (seq == 0) throw new ArgumentException("No specimen to send; use NoOrder for an empty query answer.", nameof(specimens));
        message.Terminator = new AstmTerminator(d, "N");
        return message;
    }

    private static AstmHeader Header(AstmHostIdentity host, DateTime now, AstmDelimiters d)
    {
        var header = new AstmHeader(d)
        {
            ReceiverId = host.ReceiverId,
            ProcessingId = "P",
            Version = host.VersionField,
            Timestamp = AstmDateTime.Format(now),
        };
        header.Sender = host.Version.Length > 0 ? [host.Name, host.Version] : [host.Name];
        return header;
    }
}
