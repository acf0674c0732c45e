namespace Hospital.Integration.Hl7;

/// <summary>MSH-9: message code, trigger event and structure (e.g. OUL^R22^OUL_R22), and what a lab makes of it.</summary>
public readonly record struct Hl7MessageType(string Code, string Event, string Structure)
{
    public static Hl7MessageType From(Hl7Field msh9) => new(msh9.Component(1).Value, msh9.Component(2).Value, msh9.Component(3).Value);

    /// <summary>
    /// The lab message this is (HL7 v2.5 ch. 4 orders, ch. 7 observations, ch. 5 queries; IHE LAW for
    /// O33/R22/Q11); <see cref="Hl7MessageKind.Other"/> for anything else.
    /// </summary>
    public Hl7MessageKind Kind => (Code, Event) switch
    {
        ("ACK", _) => Hl7MessageKind.Ack,
        ("ORU", "R01") => Hl7MessageKind.OruR01,
        ("ORM", "O01") => Hl7MessageKind.OrmO01,
        ("ORR", "O02") => Hl7MessageKind.OrrO02,
        ("OML", "O21") => Hl7MessageKind.OmlO21,
        ("ORL", "O22") => Hl7MessageKind.OrlO22,
        ("OML", "O33") => Hl7MessageKind.OmlO33,
        ("ORL", "O34") => Hl7MessageKind.OrlO34,
        ("OUL", "R22") => Hl7MessageKind.OulR22,
        ("QRY", "Q02") => Hl7MessageKind.QryQ02,
        ("QCK", "Q02") => Hl7MessageKind.QckQ02,
        ("DSR", "Q03") => Hl7MessageKind.DsrQ03,
        ("QBP", "Q11") => Hl7MessageKind.QbpQ11,
        ("QBP", "WOS") => Hl7MessageKind.QbpQ11, // Roche MagNA Pure's non-standard label for the same query (spec §3.6)
        ("RSP", "K11") => Hl7MessageKind.RspK11,
        _ => Hl7MessageKind.Other,
    };

    /// <summary>True for a type that is recognised only as a vendor variant (recorded as a deviation by readers).</summary>
    public bool IsVendorVariant => Code == "QBP" && Event == "WOS";

    public override string ToString() => string.IsNullOrEmpty(Structure) ? $"{Code}^{Event}" : $"{Code}^{Event}^{Structure}";
}

public enum Hl7MessageKind
{
    Other,
    Ack,
    /// <summary>Unsolicited observation results (analyser → LIS).</summary>
    OruR01,
    /// <summary>General order (worklist download, v2.3/2.4; Mindray BC's order query).</summary>
    OrmO01,
    OrrO02,
    /// <summary>Laboratory order (v2.5+).</summary>
    OmlO21,
    OrlO22,
    /// <summary>Laboratory order for one specimen (IHE LAW LAB-28).</summary>
    OmlO33,
    OrlO34,
    /// <summary>Specimen-oriented results (IHE LAW LAB-29).</summary>
    OulR22,
    /// <summary>Original-mode query (Mindray BS chemistry).</summary>
    QryQ02,
    QckQ02,
    DsrQ03,
    /// <summary>Query by parameter (IHE LAW LAB-27 work order step).</summary>
    QbpQ11,
    RspK11,
}
