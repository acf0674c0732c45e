using Hospital.Integration.Astm.Records;

namespace Hospital.Tests.Lis.Protocols;

/// <summary>E1394 / LIS2-A2 records: delimiters, escapes, typed fields, message tree, host replies.</summary>
public class AstmRecordTests
{
    private const string SysmexUpload =
        "H|\\^&|||XN-350^00-14^13126^^^^BT827364||||||||E1394-97\r" +
        "P|1|||PID0042|^Doe^Jane||19850412|F\r" +
        "O|1||^^                 240105001^B|^^^^WBC\\^^^^RBC\\^^^^HGB\\^^^^PLT|||||||N||||||||||||||F\r" +
        "R|1|^^^^WBC^1|11.84|10*3/uL||H||||SYSMEX||20240105101530\r" +
        "R|2|^^^^RBC^1|4.51|10*6/uL||N||||SYSMEX||20240105101530\r" +
        "R|3|^^^^HGB^1|13.2|g/dL||N||||SYSMEX||20240105101530\r" +
        "R|4|^^^^PLT^1|98|10*3/uL||L||||SYSMEX||20240105101530\r" +
        "R|5|^^^^Left_Shift?|90|||A||||SYSMEX||20240105101530\r" +
        "L|1|N\r";

    [Fact]
    public void Sysmex_upload_reads_into_patient_order_results()
    {
        var m = AstmMessage.Parse(SysmexUpload);

        Assert.Equal("XN-350", m.Header.SenderName);
        Assert.Equal("E1394-97", m.Header.Version);
        var patient = Assert.Single(m.Patients);
        Assert.Equal("PID0042", patient.Patient.PatientId3);
        Assert.Equal(["", "Doe", "Jane"], patient.Patient.Name); // Sysmex leaves component 1 empty
        Assert.Equal("19850412", patient.Patient.BirthDate);
        var order = Assert.Single(patient.Orders);
        Assert.Equal("240105001", order.Order.InstrumentSpecimenId[2].Trim());
        Assert.Equal(["WBC", "RBC", "HGB", "PLT"], order.Order.Tests.Select(t => t.Code));
        Assert.False(order.Order.IsQualityControl);
        Assert.Equal("F", order.Order.ReportType);
        Assert.Equal(5, order.Results.Count);
        var wbc = order.Results[0].Result;
        Assert.Equal(("WBC", "1", "11.84", "10*3/uL", "H", "SYSMEX"), (wbc.Test.Code, wbc.Test.Part(6), wbc.Value, wbc.Units, wbc.AbnormalFlags, wbc.OperatorId));
        Assert.Equal(new DateTime(2024, 1, 5, 10, 15, 30), wbc.CompletedAtValue);
        Assert.Equal("N", m.Terminator.Code);
        Assert.Equal(SysmexUpload, m.ToText());
    }

    [Fact]
    public void Architect_results_with_test_name_flags_and_instrument_read_typed()
    {
        const string text =
            "H|\\^&|||ARCHITECT^7.01^F5260044206^H1P1O1R1C1Q1L1|||||||P|1|20120217144954\r" +
            "P|1|||||||U\r" +
            "O|1|38704|38704^S473^1|^^^651^_B-hCG^UNDILUTED^P|R||||||||||||||||||||F\r" +
            "R|1|^^^651^_B-hCG^UNDILUTED^P^06918JN00^14567^^F|> 15000.00|mIU/mL||>||F||ADMIN^ADMIN||20120217144954|i1SR02762\r" +
            "R|2|^^^651^_B-hCG^UNDILUTED^P^06918JN00^14567^^I|Positive|||||F||ADMIN^ADMIN||20120217144954|i1SR02762\r" +
            "L|1\r";
        var m = AstmMessage.Parse(text);

        Assert.Equal(["ARCHITECT", "7.01", "F5260044206", "H1P1O1R1C1Q1L1"], m.Header.Sender);
        Assert.Equal("P", m.Header.ProcessingId);
        Assert.Equal(new DateTime(2012, 2, 17, 14, 49, 54), m.Header.TimestampValue);
        var (_, order, result) = m.AllResults().First();
        Assert.Equal("38704", order.Order.SpecimenId);
        Assert.Equal("R", order.Order.Priority);
        Assert.Equal(("651", "_B-hCG"), (result.Result.Test.Code, result.Result.Test.Name));
        Assert.Equal(("> 15000.00", ">", "F", "i1SR02762"), (result.Result.Value, result.Result.AbnormalFlags, result.Result.Status, result.Result.InstrumentId));
        Assert.Equal("N", m.Terminator.Code); // L|1 without a code reads as normal
    }

    [Fact]
    public void Cobas_QC_is_recognised_by_action_code_Q_and_comment_attaches_to_its_result()
    {
        const string text =
            "H|\\^&|||c111^Roche^c111^4.2.2.1730^1^13085|||||host|RSUPL^BATCH|P|1|20230525164933\r" +
            "P|1||\r" +
            "O|1|PCCC1^52502700^20231231|1391|^^^712|||||||Q|||||||||||20230525164933|||F\r" +
            "R|1|^^^712|0.9|mg/dL|1.0\\0.9\\1.0|N||R||$SYS$||20230428184116\r" +
            "C|1|I||I\r" +
            "L|1|N\r";
        var m = AstmMessage.Parse(text);
        var (_, order, result) = m.AllResults().Single();

        Assert.True(order.Order.IsQualityControl);
        Assert.Equal(["PCCC1", "52502700", "20231231"], order.Order.SpecimenIdComponents);
        Assert.Equal("712", result.Result.Test.Code);
        Assert.Equal("1.0\\0.9\\1.0", result.Result.ReferenceRange);
        Assert.Equal("I", Assert.Single(result.Comments).Source);
        Assert.Equal(text, m.ToText());
    }

    [Theory]
    [InlineData("Q|1|^^                 240105002^B||^^^ALL||||||||O", "240105002")]   // Sysmex: component 3
    [InlineData("Q|1|2^1^ 1234567890^B||||20011001153000", "1")]                       // XE-2100: component 2 is the sample no.
    [InlineData("Q|1|^E2DD9F||ALL||||||||O", "E2DD9F")]                                // Access: component 2
    [InlineData("Q|1|^1234567||ALL||||||||O", "1234567")]                              // Maglumi
    public void Query_specimen_ids_come_from_Q3(string record, string specimenId)
    {
        var m = AstmMessage.Parse("H|\\^&\r" + record + "\rL|1|N\r");
        var q = Assert.Single(m.Queries);
        Assert.Equal(specimenId, q.SpecimenIds[0]);
    }

    [Fact]
    public void Manufacturer_records_stay_with_the_record_they_follow()
    {
        const string text = "H|\\^&\rP|1\rO|1|S1||^^^WBC\rR|1|^^^WBC|5.1\rM|1|HIST|WBC^64|0&F&1&F&2\rL|1|N\r";
        var m = AstmMessage.Parse(text);
        var extra = new AstmManufacturer(Assert.Single(m.AllResults().Single().Result.Extras));
        Assert.Equal(("HIST", 1), (extra.RecordType, extra.Sequence));
        Assert.Equal(["WBC^64", "0|1|2"], extra.VendorFields);
        Assert.Equal(text, m.ToText());
    }

    [Fact]
    public void Query_fields_are_typed()
    {
        var q = AstmMessage.Parse("H|\\^&\rQ|1|^S1\\^S2||^^^ALL|S|20240105000000|20240105235959|||||O\rL|1|N\r").Queries[0];
        Assert.Equal(["S1", "S2"], q.SpecimenIds);
        Assert.True(q.AllTests);
        Assert.Equal(("S", "20240105000000", "20240105235959", "O"), (q.TimeLimitsNature, q.BeginAt, q.EndAt, q.RequestStatus));
    }

    [Fact]
    public void Delimiters_come_from_each_header()
    {
        var m = AstmMessage.Parse("H!`~#!!!LAB\rP!1!!!!Nguyen~Van An\rO!1!S-1!!~~~GLU`~~~UREA\rL!1!N\r");
        Assert.Equal(new AstmDelimiters('!', '`', '~', '#'), m.Delimiters);
        Assert.Equal(["GLU", "UREA"], m.Patients[0].Orders[0].Order.Tests.Select(t => t.Code));
        Assert.Equal("Van An", m.Patients[0].Patient.FirstName);
    }

    [Theory]
    [InlineData("PNG&R&20171013&R&0001_DIFF.PNG", "PNG\\20171013\\0001_DIFF.PNG")]
    [InlineData("a&F&b&S&c&E&d", "a|b^c&d")]
    [InlineData("&X4142&", "AB")]
    [InlineData("&H&bold&N&", "bold")]
    [InlineData("R&D lab", "R&D lab")]          // a lone escape character stays
    [InlineData("&Q&", "&Q&")]                  // unknown sequence stays literal
    public void Escape_sequences_read_back(string raw, string value) =>
        Assert.Equal(value, AstmEscaping.Unescape(raw, AstmDelimiters.Default));

    [Fact]
    public void Values_with_delimiters_are_escaped_on_write()
    {
        var r = new AstmResult(AstmDelimiters.Default) { Sequence = 1, Value = "A|B^C\\D&E", Units = "10*3/uL" };
        Assert.Equal("R|1||A&F&B&S&C&R&D&E&E|10*3/uL", r.Record.ToText());
        Assert.Equal("A|B^C\\D&E", new AstmResult(AstmRecord.Parse(r.Record.ToText(), AstmDelimiters.Default)).Value);
    }

    [Theory]
    [InlineData("P|1\rL|1|N\r", "record 1 (\"P|1\"): a message must start with an H record")]
    [InlineData("H|\\^&\rR|1|^^^GLU|5\rL|1\r", "record 2 (\"R|1|^^^GLU|5\"): an R record before any O record of its patient")]
    [InlineData("H|\\^&\rO|1|S1\rL|1\r", "record 2 (\"O|1|S1\"): an O record before any P record")]
    [InlineData("H|\\^&\rP|1\rQ|1|^S1\rL|1\r", "record 3 (\"Q|1|^S1\"): a Q record after patient records")]
    [InlineData("H|\\^&\rP|1\r", "the message starting with H has no L record (after record 2)")]
    [InlineData("H|\\^&\rX|1\rL|1\r", "record 2 (\"X|1\"): unknown record type 'X' after H")]
    [InlineData("H|\\^\\|\rL|1\r", "the delimiter '\\' is declared twice in \"H|\\^\\\"")]
    [InlineData("H|\\^&\rP1\rL|1\r", "record 2 (\"P1\"): \"P1\" does not start with a record type letter and the field delimiter '|'")]
    public void Malformed_messages_are_refused_with_the_reason(string text, string reason)
    {
        var ex = Assert.Throws<AstmFormatException>(() => AstmMessageReader.ReadAll(text));
        Assert.Equal(reason, ex.Message);
    }

    [Fact]
    public void Assembler_joins_per_record_messages_and_drops_an_unfinished_one_at_session_end()
    {
        var assembler = new AstmMessageAssembler();
        var records = SysmexUpload.Split('\r', StringSplitOptions.RemoveEmptyEntries).Select(r => r + "\r").ToList();
        var done = records.SelectMany(assembler.Add).ToList();
        Assert.Equal(SysmexUpload, Assert.Single(done).ToText());

        Assert.Empty(assembler.Add("H|\\^&\rP|1\rO|1|S"));
        Assert.Empty(assembler.Add("1\r"));
        Assert.Equal(3, assembler.EndOfSession());
        Assert.Empty(assembler.Add("H|\\^&\r"));
        Assert.Single(assembler.Add("L|1|N\r"));
    }

    [Fact]
    public void Query_response_lists_the_pending_tests()
    {
        var host = new AstmHostIdentity("LIS", "1.0", VersionField: "E1394-97");
        var reply = AstmHostReplies.QueryResponse(host, new DateTime(2024, 1, 5, 9, 55, 0),
            [new AstmSpecimenOrder("240105002", [AstmTestId.FromSysmexCode("WBC"), AstmTestId.FromSysmexCode("RBC")], PatientId: "PID0043", LastName: "Roe", FirstName: "Richard", BirthDate: "19700101", Sex: "M")]);

        Assert.Equal(
            "H|\\^&|||LIS^1.0|||||||P|E1394-97|20240105095500\r" +
            "P|1|PID0043|||Roe^Richard||19700101|M\r" +
            "O|1|240105002||^^^^WBC\\^^^^RBC|R||||||N||||||||||||||Q\r" +
            "L|1|N\r", reply.ToText());
        var back = AstmMessage.Parse(reply.ToText());
        Assert.Equal(["WBC", "RBC"], back.Patients[0].Orders[0].Order.Tests.Select(t => t.Code));
    }

    [Fact]
    public void No_order_is_said_explicitly_in_each_style()
    {
        var host = new AstmHostIdentity("LIS");
        var now = new DateTime(2024, 1, 5, 10, 0, 0);
        Assert.Equal("H|\\^&|||LIS|||||||P|LIS2-A2|20240105100000\rL|1|I\r",
            AstmHostReplies.NoOrder(host, now, "X1", AstmNoOrderStyle.TerminatorNoInformation).ToText());
        var y = AstmMessage.Parse(AstmHostReplies.NoOrder(host, now, "X1", AstmNoOrderStyle.OrderReportNoOrder).ToText());
        Assert.Equal(("X1", "Y"), (y.Patients[0].Orders[0].Order.SpecimenId, y.Patients[0].Orders[0].Order.ReportType));
        var z = AstmMessage.Parse(AstmHostReplies.NoOrder(host, now, "X1", AstmNoOrderStyle.OrderReportNoPatient).ToText());
        Assert.Equal("Z", z.Patients[0].Orders[0].Order.ReportType);
    }

    [Fact]
    public void Worklist_download_has_one_patient_and_order_per_specimen()
    {
        var list = AstmHostReplies.Worklist(new AstmHostIdentity("LIS"), new DateTime(2024, 1, 5, 7, 0, 0),
        [
            new AstmSpecimenOrder("S1", [AstmTestId.FromCode("GLU"), AstmTestId.FromCode("UREA")], Priority: "S", CollectedAt: new DateTime(2024, 1, 5, 6, 30, 0), SpecimenType: "Serum"),
            new AstmSpecimenOrder("S2", [AstmTestId.FromCode("ALT")]),
        ]);
        var back = AstmMessage.Parse(list.ToText());

        Assert.Equal(["S1", "S2"], back.Patients.Select(p => p.Orders[0].Order.SpecimenId));
        Assert.Equal("O|1|S1||^^^GLU\\^^^UREA|S||20240105063000||||N||||Serum||||||||||O", back.Patients[0].Orders[0].Order.ToString());
        Assert.Equal([1, 2], back.Patients.Select(p => p.Patient.Sequence ?? 0));
        Assert.Throws<ArgumentException>(() => AstmHostReplies.Worklist(new AstmHostIdentity("LIS"), DateTime.Now, [new AstmSpecimenOrder("S3", [])]));
    }
}
