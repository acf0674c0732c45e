using System.Globalization;
using Hospital.Domain.Clinical;
using Hospital.Domain.Lab;
using Hospital.Domain.Patients;
using Hospital.Integration.Hl7;
using Hospital.Integration.Hl7.Building;
using Hospital.Integration.Hl7.Segments;
using Hospital.Lis.Analysers;

namespace Hospital.Web.Features.Analysers;

/// <summary>
/// What an HL7 analyser is told about a specimen: its host queries (QRY^Q02 → QCK^Q02 + DSR^Q03, QBP^Q11 →
/// RSP^K11 + OML^O33, Mindray BC ORM^O01 RF → ORR^O02; lis-protocols.md §3.5–3.6) answered from a
/// <see cref="SpecimenWorkOrder"/>, and the worklists pushed to broadcast analysers (ORM^O01 to v2.3/2.4 talkers,
/// OML^O21 to v2.5+). Tests are named by the analyser's own codes from its code map.
/// </summary>
public static class Hl7QueryAnswers
{
    /// <summary>The specimen an analyser asks about, or null when the message is not a query (or names no specimen).</summary>
    public static string? QueriedBarcode(Hl7Message message) => message.Type.Kind switch
    {
        // QRD-8 (Mindray BS); empty is a batch query by time range, which we do not serve (answered NF).
        Hl7MessageKind.QryQ02 when message.First("QRD") is { } qrd => Blank(new QrdSegment(qrd).WhoSubjectFilter.Value),
        Hl7MessageKind.QbpQ11 when message.First("QPD") is { } qpd => Blank(new QpdSegment(qpd).SpecimenId.Value),
        Hl7MessageKind.OrmO01 when IsOrderQuery(message) && new OrcSegment(message.First("ORC")!) is var orc =>
            Blank(orc.FillerOrderNumber.Value) ?? Blank(orc.PlacerOrderNumber.Value),
        _ => null,
    };

    /// <summary>Mindray BC's order query: an ORM^O01 whose ORC-1 is RF (<c>ORC|RF||&lt;sampleId&gt;||IP</c>, spec §3.6).</summary>
    public static bool IsOrderQuery(Hl7Message message) =>
        message.Type.Kind == Hl7MessageKind.OrmO01 && message.First("ORC") is { } orc && new OrcSegment(orc).OrderControl == "RF";

    /// <summary>DSR^Q03 display lines (spec §3.6): patient at 1–5, specimen at 21–28, one test per line from 29.</summary>
    public static Hl7DsrSample DsrSample(SpecimenWorkOrder order) => new()
    {
        AdmissionNumber = order.PatientCode,
        PatientName = order.PatientName,
        BirthDate = BirthDate(order) is { Length: 8 } d ? d + "000000" : "",
        Sex = SexCode(order.Sex),
        Barcode = order.Barcode,
        SampleTime = order.CollectedAt is { } at ? Hl7Timestamp.Format(Local(at)) : "",
        Stat = order.Priority == OrderPriority.Stat,
        SampleType = SpecimenCode(order.SpecimenType),
        Doctor = order.OrderingDoctor ?? "",
        Department = order.Department ?? "",
        Tests = order.Tests.Select(t => new Hl7DsrTest(t.AnalyserTestCode, t.TestName)).ToList(),
    };

    /// <summary>The order in the protocol-neutral shape of the ORM/OML/ORR builders.</summary>
    public static Hl7WorklistOrder WorklistOrder(SpecimenWorkOrder order)
    {
        var space = order.PatientName.LastIndexOf(' ');
        return new Hl7WorklistOrder
        {
            SpecimenBarcode = order.Barcode,
            SpecimenType = SpecimenCode(order.SpecimenType),
            PatientId = order.PatientCode,
            // Vietnamese names are family first, given name last ("Nguyễn Văn An" → Nguyễn Văn ^ An).
            FamilyName = space > 0 ? order.PatientName[..space] : order.PatientName,
            GivenName = space > 0 ? order.PatientName[(space + 1)..] : "",
            BirthDate = BirthDate(order),
            Sex = SexCode(order.Sex),
            Location = order.Department ?? "",
            Priority = order.Priority == OrderPriority.Stat ? "S" : "R",
            CollectedAt = order.CollectedAt is { } at ? Local(at) : null,
            OrderingProvider = order.OrderingDoctor ?? "",
            Tests = order.Tests.Select(t => new Hl7OrderedTest(t.AnalyserTestCode, t.TestName)).ToList(),
        };
    }

    /// <summary>The negative answer's order: the barcode and no tests (QAK NF / ORC-1 DC).</summary>
    public static Hl7WorklistOrder NoWork(string barcode) => new() { SpecimenBarcode = barcode, Tests = [] };

    /// <summary>
    /// A worklist pushed to a broadcast analyser: ORM^O01 unless the analyser was last heard speaking v2.5 or later,
    /// then OML^O21 (HL7 v2.5 ch. 4 §4.4.6 replaced ORM for lab orders).
    /// </summary>
    public static Hl7Message Worklist(SpecimenWorkOrder order, string? analyserVersion, Hl7Worklists.Destination destination, Hl7ReplyHeader header)
    {
        var wl = WorklistOrder(order);
        return IsV25OrLater(analyserVersion)
            ? Hl7Worklists.OmlO21(wl, destination with { Version = analyserVersion! }, header)
            : Hl7Worklists.OrmO01(wl, destination with { Version = string.IsNullOrEmpty(analyserVersion) ? "2.3.1" : analyserVersion }, header);
    }

    /// <summary>Where messages of ours go: back to the analyser's MSH-3/4, in its version and charset.</summary>
    public static Hl7Worklists.Destination DestinationOf(Hl7Message? heard) =>
        heard is null ? new Hl7Worklists.Destination()
            : new Hl7Worklists.Destination(heard.Msh.SendingApplication.Value, heard.Msh.SendingFacility.Value, heard.Msh.VersionId is { Length: > 0 } v ? v : "2.3.1", heard.Charset);

    public static bool IsV25OrLater(string? version) =>
        version is { Length: >= 3 } && Version.TryParse(version.Length == 3 ? version + ".0" : version, out var v) && v >= new Version(2, 5);

    private static string BirthDate(SpecimenWorkOrder order) =>
        order.DateOfBirth?.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
        ?? (order.BirthYear > 0 ? order.BirthYear.ToString("0000", CultureInfo.InvariantCulture) : ""); // DTM of year precision

    private static DateTimeOffset Local(DateTime utc) =>
        new(Domain.Common.VietnamCalendar.ToLocal(utc), Domain.Common.VietnamCalendar.Zone.BaseUtcOffset);

    private static string SexCode(Sex sex) => sex switch { Sex.Male => "M", Sex.Female => "F", _ => "U" };

    /// <summary>HL7 table 0487 specimen type codes.</summary>
    private static string SpecimenCode(SpecimenType type) => type switch
    {
        SpecimenType.WholeBloodEdta or SpecimenType.WholeBloodCitrate => "BLD",
        SpecimenType.PlasmaCitrate or SpecimenType.PlasmaFluoride or SpecimenType.PlasmaHeparin => "PLAS",
        SpecimenType.Serum => "SER",
        SpecimenType.Urine => "UR",
        SpecimenType.Stool => "STL",
        SpecimenType.Swab => "SWAB",
        _ => "OTH",
    };

    private static string? Blank(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
