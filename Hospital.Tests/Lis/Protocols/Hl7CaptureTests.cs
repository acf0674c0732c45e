using System.Text;
using Hospital.Integration.Hl7;
using Hospital.Integration.Hl7.Segments;

namespace Hospital.Tests.Lis.Protocols;

/// <summary>The real captures and manual examples of the spec parse, read as typed segments, and round-trip byte for byte.</summary>
public sealed class Hl7CaptureTests
{
    public static TheoryData<string, string> All => new()
    {
        { "MindrayBc", Hl7Captures.MindrayBc },
        { "DymindDf5x", Hl7Captures.DymindDf5x },
        { "MindrayBs200", Hl7Captures.MindrayBs200 },
        { "MindrayBs200Qc", Hl7Captures.MindrayBs200Qc },
        { "MindrayQuery", Hl7Captures.MindrayQuery },
        { "Ba400Query", Hl7Captures.Ba400Query },
        { "Ba400Result", Hl7Captures.Ba400Result },
        { "HaematologyOru", Hl7Captures.HaematologyOru() },
    };

    [Theory, MemberData(nameof(All))]
    public void Every_capture_round_trips_byte_for_byte(string name, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var message = Hl7Message.Parse(bytes);
        Assert.Equal(text, message.Encode());
        Assert.Equal(bytes, message.EncodeToBytes());
        Assert.True(message.Segments.Count >= 2, name);
        Assert.All(message.Deviations, d => Assert.Contains(d.Kind, new[] { Hl7DeviationKind.NonStandardCharset, Hl7DeviationKind.LocalEscapeReadAsUnicode }));
    }

    [Fact]
    public void Mindray_bc_result_reads_with_its_quirks()
    {
        var m = Hl7Message.Parse(Encoding.UTF8.GetBytes(Hl7Captures.MindrayBc));
        Assert.Equal(Hl7MessageKind.OruR01, m.Type.Kind);
        Assert.Equal("", m.Msh.SendingApplication.Value);
        Assert.Equal(Hl7Charset.Utf8, m.Charset);
        Assert.Contains(m.Deviations, d => d.Kind == Hl7DeviationKind.NonStandardCharset && d.Detail.Contains("UNICODE"));
        Assert.Equal("180307003", new ObrSegment(m.First("OBR")!).FillerOrderNumber.Value);
        var obx = m.All("OBX").Select(s => new ObxSegment(s)).ToList();
        Assert.Equal("通用", obx[2].ObservationValue.Value);
        var wbc = obx[3];
        Assert.Equal("6690-2", wbc.ObservationIdentifier.Component(1).Value);
        Assert.Equal("WBC", wbc.ObservationIdentifier.Component(2).Value);
        Assert.Equal("LN", wbc.ObservationIdentifier[3].Value);
        Assert.Equal(["L", "N"], wbc.AbnormalFlags.Repetitions().Select(r => r.Value));
        Assert.Equal("10*9/L", wbc.Units.Value);
        Assert.Equal("4.0-10.0", wbc.ReferenceRange);
        Assert.Equal("F", wbc.ResultStatus);
        Assert.Equal("*****", obx[4].ObservationValue.Value);
        Assert.Equal("MR", new PidSegment(m.First("PID")!).PatientIdentifierList.Component(5).Value);
    }

    [Fact]
    public void Mindray_bs_result_and_qc_read_by_position()
    {
        var m = Hl7Message.Parse(Hl7Captures.MindrayBs200, Hl7ParseOptions.Strict);
        Assert.Empty(m.Deviations);
        Assert.Equal(Hl7Charset.Ascii, m.Charset);
        Assert.Equal("0", m.Msh.ApplicationAckType);
        Assert.Equal("2.3.1", m.Msh.VersionId);
        Assert.Equal(21, m.Segments[0].FieldCount);
        var pid = new PidSegment(m.First("PID")!);
        Assert.Equal("Rakoto", pid.PatientName.Component(1).Value);
        Assert.Equal("Fara", pid.PatientName.Component(2).Value);
        Assert.Equal("F", pid.Sex);
        Assert.Equal("LAB-2025-00401", new ObrSegment(m.First("OBR")!).PlacerOrderNumber.Value);
        var obx = new ObxSegment(m.First("OBX")!);
        Assert.Equal("GLU", obx.ObservationSubId);
        Assert.Equal("95.000000", obx.ObservationValue.Value);

        var qc = Hl7Message.Parse(Hl7Captures.MindrayBs200Qc, Hl7ParseOptions.Strict);
        Assert.Equal("2", qc.Msh.ApplicationAckType);
        var obr = new ObrSegment(qc.First("OBR")!);
        Assert.Equal("CTRL-Normal", obr.Segment.Value(13));
        Assert.Equal("98.200000", obr.Segment.Value(20));
        Assert.Equal("mg/dL", obr.Segment.Value(21));
    }

    [Fact]
    public void Mindray_query_reads_barcode_and_filter()
    {
        var m = Hl7Message.Parse(Hl7Captures.MindrayQuery, Hl7ParseOptions.Strict);
        Assert.Equal(Hl7MessageKind.QryQ02, m.Type.Kind);
        var qrd = new QrdSegment(m.First("QRD")!);
        Assert.Equal("34567743", qrd.WhoSubjectFilter.Value);
        Assert.Equal("OTH", qrd.WhatSubjectFilter);
        Assert.Equal("RD", qrd.QuantityLimitedRequest);
        var qrf = new QrfSegment(m.First("QRF")!);
        Assert.Equal("BS-200E", qrf.WhereSubjectFilter);
        Assert.Equal("ALL", qrf.DateTimeSelectionQualifier);
    }

    [Fact]
    public void Ba400_query_and_result_read_with_local_escape_as_micro()
    {
        var q = Hl7Message.Parse(Encoding.UTF8.GetBytes(Hl7Captures.Ba400Query), Hl7ParseOptions.Strict);
        Assert.Equal(Hl7MessageKind.QbpQ11, q.Type.Kind);
        Assert.Equal("QBP_Q11", q.Type.Structure);
        Assert.Equal("LAB-27", q.Msh.MessageProfile.Component(1).Value);
        var qpd = new QpdSegment(q.First("QPD")!);
        Assert.Equal("WOS", qpd.MessageQueryName.Component(1).Value);
        Assert.Equal("dd980fa06a3d45848fee5392f42eca1d", qpd.QueryTag);
        Assert.Equal("20250107000003", qpd.SpecimenId.Value);

        var r = Hl7Message.Parse(Encoding.UTF8.GetBytes(Hl7Captures.Ba400Result));
        Assert.Equal(Hl7MessageKind.OulR22, r.Type.Kind);
        Assert.True(new ObrSegment(r.First("OBR")!).PlacerOrderNumber.IsNull);
        Assert.Equal("SI APA", new SpmSegment(r.First("SPM")!).SpecimenId.Value);
        Assert.Equal("SER", new SpmSegment(r.First("SPM")!).SpecimenType.Value);
        var obx = new ObxSegment(r.First("OBX")!);
        Assert.Equal("\u03BCg/L", obx.Units.Component(1).Value);
        Assert.Contains(r.Deviations, d => d.Kind == Hl7DeviationKind.LocalEscapeReadAsUnicode);
        Assert.Equal(["A400", "834000237"], obx.EquipmentInstanceIdentifier.Repetitions().Select(x => x.Value));
        Assert.Equal("NONE", obx.AbnormalFlags.Value);
        Assert.Equal("CM", new OrcSegment(r.First("ORC")!).OrderStatus);

        // Strict mode keeps the local escape as written: \Z…\ is HL7's escape for locally defined meanings.
        var strict = Hl7Message.Parse(Encoding.UTF8.GetBytes(Hl7Captures.Ba400Result), Hl7ParseOptions.Strict);
        Assert.Equal("\\Z03BC\\g/L", new ObxSegment(strict.First("OBX")!).Units.Component(1).Value);
    }

    [Fact]
    public void Msh_one_and_two_are_the_delimiters_not_split_values()
    {
        var m = Hl7Message.Parse(Hl7Captures.MindrayBs200);
        Assert.Equal("|", m.Msh.FieldSeparator);
        Assert.Equal("^~\\&", m.Msh.EncodingCharacters);
        Assert.Equal("Mindray", m.Msh.SendingApplication.Value);
        Assert.Equal(new Hl7MessageType("ORU", "R01", ""), m.Type);
        Assert.Equal("1", m.ControlId);
    }

    [Fact]
    public void Vietnamese_text_survives_utf8_and_formatting_escapes()
    {
        var m = Hl7Message.Parse(Encoding.UTF8.GetBytes(Hl7Captures.HaematologyOru()), Hl7ParseOptions.Strict);
        Assert.Empty(m.Deviations);
        Assert.Equal("Nguyễn", new PidSegment(m.First("PID")!).PatientName.Component(1).Value);
        Assert.Equal(24, m.All("OBX").Count());
        Assert.Equal("Mẫu đã kiểm tra\nlại lần 2 & xác nhận", new NteSegment(m.First("NTE")!).Comment.Value);
        Assert.Equal(["XN-350", "12345"], new ObxSegment(m.First("OBX")!).EquipmentInstanceIdentifier.Repetitions().Select(x => x.Value));
    }
}
