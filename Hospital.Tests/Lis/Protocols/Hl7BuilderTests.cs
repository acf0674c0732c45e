using Hospital.Integration.Hl7;
using Hospital.Integration.Hl7.Building;
using Hospital.Integration.Hl7.Segments;

namespace Hospital.Tests.Lis.Protocols;

/// <summary>Replies and worklists have the shapes analysers expect (Mindray's manual examples byte for byte where the spec quotes them).</summary>
public sealed class Hl7BuilderTests
{
    private static readonly Hl7ReplyHeader At20070719 = new() { Time = new DateTimeOffset(2007, 7, 19, 14, 53, 7, TimeSpan.FromHours(8)) };

    [Fact]
    public void Ack_to_mindray_matches_the_manual_byte_for_byte()
    {
        var received = Hl7Message.Parse(Hl7Captures.Cr("MSH|^~\\&|Mindray|BS-200E|||20070719145300||ORU^R01|1|P|2.3.1||||0||ASCII|||", "OBR|1|X"));
        var ack = Hl7Replies.Ack(received, header: At20070719);
        Assert.Equal(Hl7Captures.Cr(
            "MSH|^~\\&|||Mindray|BS-200E|20070719145307||ACK^R01|1|P|2.3.1||||0||ASCII|||",
            "MSA|AA|1|Message accepted|||0|"), ack.Encode());
    }

    [Fact]
    public void Error_ack_carries_err_in_the_senders_version_layout()
    {
        var v231 = Hl7Message.Parse(Hl7Captures.MindrayBs200);
        var ae = Hl7Replies.Ack(v231, Hl7AckCode.Error, new Hl7AckError(Hl7ErrorCode.RequiredFieldMissing, "OBR-2 barcode missing", "OBR", 3, 2), At20070719);
        var msa = new MsaSegment(ae.First("MSA")!);
        Assert.Equal("AE", msa.AcknowledgmentCode);
        Assert.Equal("1", msa.ControlId);
        Assert.Equal("OBR-2 barcode missing", msa.TextMessage);
        var err = new ErrSegment(ae.First("ERR")!);
        Assert.Equal("OBR", err.ErrorCodeAndLocation.Component(1).Value);
        Assert.Equal("3", err.ErrorCodeAndLocation.Component(2).Value);
        Assert.Equal("2", err.ErrorCodeAndLocation.Component(3).Value);
        Assert.Equal("101", err.ErrorCodeAndLocation.Component(4).Subcomponent(1).Value);
        Assert.Equal("HL70357", err.ErrorCodeAndLocation.Component(4).Subcomponent(3).Value);

        var v251 = Hl7Message.Parse(Hl7Captures.HaematologyOru());
        var ar = Hl7Replies.Ack(v251, Hl7AckCode.Reject, new Hl7AckError(Hl7ErrorCode.UnsupportedMessageType, "we take results only"), At20070719);
        Assert.Equal("AR", ar.First("MSA")!.Value(1));
        Assert.Equal("MSG000001", ar.First("MSA")!.Value(2));
        var err25 = new ErrSegment(ar.First("ERR")!);
        Assert.Equal("200", err25.Hl7ErrorCode.Component(1).Value);
        Assert.Equal("Unsupported message type", err25.Hl7ErrorCode.Component(2).Value);
        Assert.Equal("E", err25.Severity);
        Assert.Equal("we take results only", err25.UserMessage);
        Assert.Equal("XN-350", ar.Msh.ReceivingApplication.Value);
        Assert.Equal(Hl7Charset.Utf8, ar.Charset);
    }

    [Fact]
    public void Ack_for_unreadable_bytes_salvages_the_control_id_or_goes_without()
    {
        var broken = "MSH|^~\\&|X|Y|||20240101||ORU^R01|CTL42|P|2.5\rOBX|1|NM|\\Q"u8.ToArray();
        var ack = Hl7Replies.AckForUnreadable(broken, Hl7AckCode.Error, new Hl7AckError(Hl7ErrorCode.DataTypeError, "bad escape"));
        Assert.Equal("CTL42", ack.First("MSA")!.Value(2));
        Assert.Equal("X", ack.Msh.ReceivingApplication.Value);
        var garbage = Hl7Replies.AckForUnreadable("hello"u8, Hl7AckCode.Reject, new Hl7AckError(Hl7ErrorCode.SegmentSequenceError, "not HL7"));
        Assert.Equal("AR", garbage.First("MSA")!.Value(1));
        Assert.Equal("", garbage.First("MSA")!.Value(2));
        Assert.Equal("not HL7", garbage.First("ERR")!.Value(8));
    }

    [Fact]
    public void Qck_and_dsr_answer_a_mindray_query_as_the_manual_shows()
    {
        var query = Hl7Message.Parse(Hl7Captures.MindrayQuery);
        var header = At20070719 with { Time = new DateTimeOffset(2007, 7, 23, 17, 7, 7, TimeSpan.Zero) };
        var qck = Hl7Replies.QckQ02(query, found: true, header);
        Assert.Equal(Hl7Captures.Cr(
            "MSH|^~\\&|||Mindray|BS-200E|20070723170707||QCK^Q02|1|P|2.3.1||||||ASCII|||",
            "MSA|AA|1|Message accepted|||0|",
            "ERR|0|",
            "QAK|SR|OK|"), qck.Encode());
        Assert.Equal("NF", Hl7Replies.QckQ02(query, found: false, header).First("QAK")!.Value(2));

        var dsr = Hl7Replies.DsrQ03(query, new Hl7DsrSample
        {
            AdmissionNumber = "123", PatientName = "Tom", BirthDate = "19620824000000", Sex = "M",
            Barcode = "34567743", SampleTime = "20070723160000", SampleType = "urine",
            Tests = [new Hl7DsrTest("1"), new Hl7DsrTest("3")],
        }, header: header);
        var lines = dsr.Encode().Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("MSH|^~\\&|||Mindray|BS-200E|20070723170707||DSR^Q03|1|P|2.3.1||||||ASCII|||", lines[0]);
        Assert.Equal("QRD|20070723170707|R|D|1|||RD|34567743|OTH|||T|", lines[4]);
        Assert.Equal("QRF|BS-200E|20070723170749|20070723170749|||RCT|COR|ALL||", lines[5]);
        Assert.Equal("DSP|1||123|||", lines[6]);
        Assert.Equal("DSP|3||Tom|||", lines[8]);
        Assert.Equal("DSP|21||34567743|||", lines[26]);
        Assert.Equal("DSP|24||N|||", lines[29]);
        Assert.Equal("DSP|26||urine|||", lines[31]);
        Assert.Equal("DSP|29||1^^^|||", lines[34]);
        Assert.Equal("DSP|30||3^^^|||", lines[35]);
        Assert.Equal("DSC||", lines[36]);
        Assert.Equal(Hl7MessageKind.DsrQ03, dsr.Type.Kind);
    }

    [Fact]
    public void Rsp_k11_answers_an_ihe_law_query_with_its_tag_and_qpd()
    {
        var query = Hl7Message.Parse(Hl7Captures.Ba400Query);
        var rsp = Hl7Replies.RspK11(query, found: false);
        Assert.Equal(new Hl7MessageType("RSP", "K11", "RSP_K11"), rsp.Type);
        Assert.Equal("dd980fa0-6a3d-4584-8fee-5392f42eca1d", rsp.First("MSA")!.Value(2));
        Assert.Equal("dd980fa06a3d45848fee5392f42eca1d", new QakSegment(rsp.First("QAK")!).QueryTag);
        Assert.Equal("NF", new QakSegment(rsp.First("QAK")!).QueryResponseStatus);
        Assert.Equal(query.First("QPD")!.RawText, rsp.First("QPD")!.RawText);
        Assert.Equal("UNICODE UTF-8", rsp.Msh.CharacterSet);
    }

    [Fact]
    public void Worklists_carry_one_order_per_test_with_escaped_values()
    {
        var order = new Hl7WorklistOrder
        {
            SpecimenBarcode = "2411220001", SpecimenType = "SER", PatientId = "BN0001", FamilyName = "Nguyễn", GivenName = "Thị^Lan",
            BirthDate = "19900101", Sex = "F", Priority = "S", CollectedAt = new DateTimeOffset(2024, 11, 22, 7, 30, 0, TimeSpan.FromHours(7)),
            Tests = [new Hl7OrderedTest("GLU", "Glucose"), new Hl7OrderedTest("UREA", "Urea")],
        };
        var header = new Hl7ReplyHeader { SendingApplication = "HOSPITAL-LIS", ControlId = "W1", Time = order.CollectedAt };
        var orm = Hl7Worklists.OrmO01(order, new Hl7Worklists.Destination("BS-200", "Mindray"), header);
        Assert.Equal(Hl7MessageKind.OrmO01, orm.Type.Kind);
        Assert.Equal(["MSH", "PID", "PV1", "ORC", "OBR", "ORC", "OBR"], orm.Segments.Select(s => s.Id));
        Assert.Equal("Thị^Lan", new PidSegment(orm.First("PID")!).PatientName.Component(2).Value);
        Assert.Equal(["GLU", "UREA"], orm.All("OBR").Select(o => new ObrSegment(o).UniversalServiceId.Component(1).Value));
        Assert.All(orm.All("ORC"), o => Assert.Equal("NW", new OrcSegment(o).OrderControl));
        Assert.Equal("S", new ObrSegment(orm.First("OBR")!).Priority);
        Assert.Equal("20241122073000", new ObrSegment(orm.First("OBR")!).ObservationDateTime);

        var oml = Hl7Worklists.OmlO21(order with { OrderControl = "CA" }, new Hl7Worklists.Destination(), header);
        Assert.Equal(new Hl7MessageType("OML", "O21", "OML_O21"), oml.Type);
        Assert.Equal("2.5.1", oml.Msh.VersionId);
        Assert.Equal(["MSH", "PID", "PV1", "ORC", "OBR", "SPM", "ORC", "OBR", "SPM"], oml.Segments.Select(s => s.Id));
        Assert.Equal("2411220001", new SpmSegment(oml.First("SPM")!).SpecimenId.Value);
        Assert.Equal("CA", new OrcSegment(oml.First("ORC")!).OrderControl);
    }

    [Fact]
    public void Timestamps_read_hl7_dtm_precisions()
    {
        Assert.Equal(new DateTimeOffset(2024, 1, 5, 10, 15, 30, TimeSpan.FromHours(7)), Hl7Timestamp.TryParse("20240105101530", TimeSpan.FromHours(7)));
        Assert.Equal(new DateTimeOffset(2024, 1, 5, 0, 0, 0, TimeSpan.FromHours(-5)), Hl7Timestamp.TryParse("20240105-0500", TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), Hl7Timestamp.TryParse("2024", TimeSpan.Zero));
        Assert.Null(Hl7Timestamp.TryParse("2024-01-05", TimeSpan.Zero));
        Assert.Null(Hl7Timestamp.TryParse("20241305", TimeSpan.Zero));
    }
}
