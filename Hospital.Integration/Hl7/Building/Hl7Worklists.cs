namespace Hospital.Integration.Hl7.Building;

/// <summary>
/// Worklist downloads host → analyser: ORM^O01 (HL7 v2.3/2.4 ch. 4 §4.4.1, one ORC+OBR per test) and
/// OML^O21 (v2.5 ch. 4 §4.4.6, ORC+OBR+SPM per test), OML^O33 (IHE LAW LAB-28: one SPM, then ORC+OBR per
/// test; ORC-1 = DC when the queried specimen has no work), structures as in spec §3.5.
/// </summary>
public static class Hl7Worklists
{
    public sealed record Destination(string ReceivingApplication = "", string ReceivingFacility = "", string Version = "2.3.1", Hl7Charset Charset = Hl7Charset.Utf8);

    public static Hl7Message OrmO01(Hl7WorklistOrder order, Destination destination, Hl7ReplyHeader header)
    {
        var b = Start(order, destination, header, "ORM", "O01", null);
        var seq = 1;
        foreach (var test in order.Tests)
        {
            AddOrc(b, order, header);
            AddObr(b, order, test, seq++);
        }
        return b.Build();
    }

    public static Hl7Message OmlO21(Hl7WorklistOrder order, Destination destination, Hl7ReplyHeader header)
    {
        var b = Start(order, destination with { Version = destination.Version == "2.3.1" ? "2.5.1" : destination.Version }, header, "OML", "O21", "OML_O21");
        var seq = 1;
        foreach (var test in order.Tests)
        {
            AddOrc(b, order, header);
            AddObr(b, order, test, seq);
            b.Add("SPM").Set(1, seq.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Set(2, 1, 1, 1, order.SpecimenBarcode).Set(4, order.SpecimenType)
                .Set(11, "P").Set(17, order.CollectedAt is { } t ? Hl7Timestamp.Format(t) : "");
            seq++;
        }
        return b.Build();
    }

    /// <summary>
    /// OML^O33 for one specimen (IHE LAW LAB-28, the work order that follows RSP^K11): SPM once, then ORC+OBR per
    /// test. An order without tests is the negative query response: one ORC with ORC-1 = DC and an OBR without a
    /// service (spec §3.5, "no work for a queried specimen").
    /// </summary>
    public static Hl7Message OmlO33(Hl7WorklistOrder order, Destination destination, Hl7ReplyHeader header)
    {
        var version = destination.Version == "2.3.1" ? "2.5.1" : destination.Version;
        var b = Start(order, destination with { Version = version }, header, "OML", "O33", "OML_O33", allowEmpty: true);
        b.Msh.SetComponents(21, "LAB-28", "IHE");
        b.Add("SPM").Set(1, "1").Set(2, 1, 1, 1, order.SpecimenBarcode).Set(4, order.SpecimenType)
            .Set(11, "P").Set(17, order.CollectedAt is { } t ? Hl7Timestamp.Format(t) : "");
        if (order.Tests.Count == 0)
        {
            AddOrc(b, order with { OrderControl = "DC" }, header);
            b.Add("OBR").Set(1, "1").Set(2, order.SpecimenBarcode);
            return b.Build();
        }
        var seq = 1;
        foreach (var test in order.Tests)
        {
            AddOrc(b, order, header);
            AddObr(b, order, test, seq++);
        }
        return b.Build();
    }

    private static Hl7MessageBuilder Start(Hl7WorklistOrder order, Destination destination, Hl7ReplyHeader header, string code, string trigger, string? structure, bool allowEmpty = false)
    {
        if (order.Tests.Count == 0 && !allowEmpty) throw new ArgumentException("a worklist order needs at least one test", nameof(order));
        var b = new Hl7MessageBuilder();
        b.Msh.Set(3, header.SendingApplication).Set(4, header.SendingFacility)
            .Set(5, destination.ReceivingApplication).Set(6, destination.ReceivingFacility)
            .Set(7, header.Timestamp);
        if (structure is null) b.Msh.SetComponents(9, code, trigger); else b.Msh.SetComponents(9, code, trigger, structure);
        b.Msh.Set(10, header.ControlId ?? Guid.NewGuid().ToString("N")).Set(11, "P").Set(12, destination.Version)
            .Set(15, "AL").Set(16, "AL").Set(18, Hl7Charsets.Msh18(destination.Charset));
        AddPatient(b, order);
        return b;
    }

    internal static void AddPatient(Hl7MessageBuilder b, Hl7WorklistOrder order)
    {
        var pid = b.Add("PID").Set(1, "1");
        if (order.PatientId.Length > 0) pid.Set(3, 1, 1, 1, order.PatientId).Set(3, 1, 5, 1, "MR");
        pid.SetComponents(5, order.FamilyName, order.GivenName).Set(7, order.BirthDate).Set(8, order.Sex);
        b.Add("PV1").Set(1, "1").Set(2, order.PatientClass).Set(3, order.Location);
    }

    internal static void AddOrc(Hl7MessageBuilder b, Hl7WorklistOrder order, Hl7ReplyHeader header) =>
        b.Add("ORC").Set(1, order.OrderControl).Set(2, order.SpecimenBarcode).Set(9, header.Timestamp).Set(12, order.OrderingProvider);

    internal static Hl7SegmentBuilder AddObr(Hl7MessageBuilder b, Hl7WorklistOrder order, Hl7OrderedTest test, int seq) =>
        b.Add("OBR").Set(1, seq.ToString(System.Globalization.CultureInfo.InvariantCulture)).Set(2, order.SpecimenBarcode)
            .SetComponents(4, test.Code, test.Name, test.CodingSystem).Set(5, order.Priority)
            .Set(7, order.CollectedAt is { } t ? Hl7Timestamp.Format(t) : "").Set(15, order.SpecimenType)
            .Set(16, order.OrderingProvider);
}
