using Hospital.Domain.Clinical;
using Hospital.Domain.Lab;
using Hospital.Domain.Patients;
using Hospital.Integration.Hl7;
using Hospital.Integration.Hl7.Building;
using Hospital.Lis.Analysers;
using Hospital.Tests.Lis.Protocols;
using Hospital.Web.Features.Analysers;

namespace Hospital.Tests.Lis.Analysers;

/// <summary>What an HL7 analyser is told about a specimen: the query's barcode, DSR lines, worklist message by version, no-work answers.</summary>
public sealed class Hl7QueryAnswersTests
{
    private static readonly SpecimenWorkOrder Order = new("2611220001", SpecimenType.Serum, OrderPriority.Stat, new DateTime(2026, 11, 22, 1, 30, 0, DateTimeKind.Utc),
        "BN000123", "Nguyễn Văn An", new DateOnly(1980, 5, 12), 1980, Sex.Male, "bs.lan", "Khoa Nội",
        [new PendingTest("SH-GLU", "GLU", "Định lượng glucose"), new PendingTest("SH-CREA", "CREA", "Định lượng creatinin")]);

    [Theory]
    [InlineData("QRY", "34567743")]
    [InlineData("QBP", "20250107000003")]
    [InlineData("ORM", "S-77")]
    [InlineData("ORU", null)]
    public void The_queried_barcode_is_read_where_each_query_style_puts_it(string style, string? barcode)
    {
        var message = Hl7Message.Parse(style switch
        {
            "QRY" => Hl7Captures.MindrayQuery,
            "QBP" => Hl7Captures.Ba400Query,
            "ORM" => Hl7Captures.Cr("MSH|^~\\&|||||20251122||ORM^O01|1|P|2.3.1", "ORC|RF||S-77||IP"),
            _ => Hl7Captures.MindrayBs200,
        });
        Assert.Equal(barcode, Hl7QueryAnswers.QueriedBarcode(message));
    }

    [Fact]
    public void DSR_lines_carry_patient_specimen_and_one_test_per_line_from_29()
    {
        var dsr = Hl7Replies.DsrQ03(Hl7Message.Parse(Hl7Captures.MindrayQuery), Hl7QueryAnswers.DsrSample(Order));
        var lines = dsr.All("DSP").ToDictionary(d => int.Parse(d.Value(1)), d => d.Field(3));
        Assert.Equal(("BN000123", "Nguyễn Văn An", "19800512000000", "M"), (lines[1].Value, lines[3].Value, lines[4].Value, lines[5].Value));
        Assert.Equal(("2611220001", "20261122083000", "Y", "SER"), (lines[21].Value, lines[23].Value, lines[24].Value, lines[26].Value));
        Assert.Equal(["GLU", "CREA"], new[] { lines[29], lines[30] }.Select(f => f.Component(1).Value));
        Assert.Equal(30, lines.Count);
    }

    [Theory]
    [InlineData(null, Hl7MessageKind.OrmO01, "2.3.1")]
    [InlineData("2.3.1", Hl7MessageKind.OrmO01, "2.3.1")]
    [InlineData("2.5.1", Hl7MessageKind.OmlO21, "2.5.1")]
    public void A_pushed_worklist_is_ORM_to_older_talkers_and_OML_to_v2_5(string? heard, Hl7MessageKind kind, string version)
    {
        var message = Hl7QueryAnswers.Worklist(Order, heard, new Hl7Worklists.Destination(), Hl7ReplyHeader.Default);
        Assert.Equal((kind, version), (message.Type.Kind, message.Msh.VersionId));
        Assert.Equal(["GLU", "CREA"], message.All("OBR").Select(o => o.Field(4).Component(1).Value));
        Assert.Equal(("Nguyễn Văn", "An", "S"), (message.First("PID")!.Field(5).Component(1).Value, message.First("PID")!.Field(5).Component(2).Value, message.First("OBR")!.Value(5)));
    }

    [Fact]
    public void No_work_is_said_explicitly_DC_in_OML_O33_and_ORR_O02()
    {
        var query = Hl7Message.Parse(Hl7Captures.Ba400Query);
        var dc = Hl7Worklists.OmlO33(Hl7QueryAnswers.NoWork("X-1"), Hl7QueryAnswers.DestinationOf(query), Hl7ReplyHeader.Default);
        Assert.Equal(("DC", "X-1", "BA200", "2.5.1"), (dc.First("ORC")!.Value(1), dc.First("SPM")!.Field(2).Component(1).Value, dc.Msh.ReceivingApplication.Value, dc.Msh.VersionId));
        var work = Hl7Worklists.OmlO33(Hl7QueryAnswers.WorklistOrder(Order), Hl7QueryAnswers.DestinationOf(query), Hl7ReplyHeader.Default);
        Assert.Equal(["NW", "NW"], work.All("ORC").Select(o => o.Value(1)));

        var bcQuery = Hl7Message.Parse(Hl7Captures.Cr("MSH|^~\\&|||||20251122||ORM^O01|Q9|P|2.3.1||||||UNICODE", "ORC|RF||S-77||IP"));
        var none = Hl7Replies.OrrO02(bcQuery, null, "S-77");
        Assert.Equal(("ORR", "AA", "Q9", "DC"), (none.Type.Code, none.First("MSA")!.Value(1), none.First("MSA")!.Value(2), none.First("ORC")!.Value(1)));
        var orr = Hl7Replies.OrrO02(bcQuery, Hl7QueryAnswers.WorklistOrder(Order), "S-77");
        Assert.All(orr.All("OBR"), o => Assert.Equal("S-77", o.Value(3)));
        Assert.Equal(2, orr.All("OBR").Count());
    }
}
