using Hospital.Domain.Lab;
using Hospital.Integration.Hl7;
using Hospital.Integration.Hl7.Building;
using Hospital.Tests.Lis.Protocols;
using Hospital.Web.Features.Analysers;
using static Hospital.Tests.Lis.Protocols.Hl7Captures;

namespace Hospital.Tests.Lis.Analysers;

/// <summary>Real analyser messages (lis-protocols.md §3.8) read into the protocol-neutral upload: where each vendor puts barcode, code, value, flags, time and QC.</summary>
public sealed class Hl7UploadReaderTests
{
    private static readonly DateTime Received = new(2026, 11, 22, 3, 0, 0, DateTimeKind.Utc);

    private static Hl7Reading Read(string text) => Hl7UploadReader.Read(Hl7Message.Parse(text), "M1", Received);

    public static TheoryData<string, string, string, string, string?, string?, string?> FirstValues => new()
    {
        // capture, barcode, code, value, unit, flags, instrument time (UTC)
        { nameof(MindrayBc), "180307003", "08001", "O", null, null, "2018-03-07 10:18:04" },
        { nameof(DymindDf5x), "29870", "02003", "CBC+DIFF", null, null, "2019-11-20 02:37:07" },
        { nameof(MindrayBs200), "LAB-2025-00401", "GLU", "95.000000", "mg/dL", "N", "2025-02-20 07:15:30" },
        { nameof(Ba400Result), "SI APA", "FERRITIN", "7.29504681", "\u03BCg/L", "NONE", "2024-12-13 12:35:20" }, // \Z03BC\ is the Greek mu
    };

    [Theory, MemberData(nameof(FirstValues))]
    public void Each_vendor_s_barcode_code_value_unit_flags_and_local_time_are_read_where_it_puts_them(
        string capture, string barcode, string code, string value, string? unit, string? flags, string? at)
    {
        var text = (string)typeof(Hl7Captures).GetField(capture)!.GetValue(null)!;
        var reading = Read(text);

        Assert.Null(reading.Error);
        var first = reading.Upload.Observations[0];
        Assert.Equal((barcode, code, value, unit, flags), (first.Barcode, first.AnalyserTestCode, first.Value, first.Unit, first.AnalyserFlags));
        Assert.Equal(at, first.InstrumentAt?.ToString("yyyy-MM-dd HH:mm:ss"));
        Assert.Equal(DateTimeKind.Utc, first.InstrumentAt!.Value.Kind);
        Assert.False(first.IsQc);
        Assert.Equal((AnalyserProtocol.Hl7, AnalyserMessageKind.Results, "M1", Received), (reading.Upload.Protocol, reading.Upload.Kind, reading.Upload.Analyser, reading.Upload.ReceivedAt));
        Assert.Equal(Hl7Message.Parse(text).ControlId, reading.Upload.ControlId);
    }

    [Fact]
    public void Mindray_BC_values_are_kept_as_sent_with_their_repeated_flags()
    {
        var obs = Read(MindrayBc).Upload.Observations;
        Assert.Equal(8, obs.Count);
        Assert.Contains(obs, o => o.AnalyserTestCode == "6690-2" && o.Value == "0.0" && o.AnalyserFlags == "L~N" && o.Unit == "10*9/L");
        Assert.Contains(obs, o => o.AnalyserTestCode == "731-0" && o.Value == "*****");
        Assert.Equal("~N", Read(DymindDf5x).Upload.Observations.Single(o => o.AnalyserTestCode == "6690-2").AnalyserFlags);
    }

    [Fact]
    public void Mindray_BS_QC_with_MSH_16_equal_2_is_read_from_the_OBR_as_a_control_never_a_patient()
    {
        var reading = Read(MindrayBs200Qc);
        Assert.Null(reading.Error);
        Assert.Equal(AnalyserMessageKind.QualityControl, reading.Upload.Kind);
        var qc = Assert.Single(reading.Upload.Observations);
        Assert.Equal(("CTRL-Normal", "GLU", "98.200000", "mg/dL", true), (qc.Barcode, qc.AnalyserTestCode, qc.Value, qc.Unit, qc.IsQc));
        Assert.Equal(new DateTime(2025, 2, 19, 23, 0, 15, DateTimeKind.Utc), qc.InstrumentAt);
    }

    [Theory]
    [InlineData("OBX|1|SN|GLU||>^500|mg/dL||H|||F", ">500", false)]
    [InlineData("OBX|1|SN|TITER||^1^:^128||||||F", "1:128", false)]
    [InlineData("OBX|1|NM|GLU||  5.4 |mmol/L||N|||C", "5.4", true)]
    [InlineData("OBX|1|ST|GLU||7,1|mmol/L|||||F|||20251122090000+0000", "7,1", false)]
    public void Values_are_read_as_sent_and_a_correction_is_a_rerun(string obx, string value, bool rerun)
    {
        var reading = Read(Cr("MSH|^~\\&|X|Y|||20251122090000||ORU^R01|9|P|2.5", "OBR|1|B-1", obx));
        var o = Assert.Single(reading.Upload.Observations);
        Assert.Equal((value, rerun), (o.Value, o.IsRerun));
        if (obx.EndsWith("+0000")) Assert.Equal(new DateTime(2025, 11, 22, 9, 0, 0, DateTimeKind.Utc), o.InstrumentAt);
    }

    [Fact]
    public void Histograms_and_an_IHE_control_specimen_are_told_apart_from_patient_values()
    {
        var reading = Read(Cr("MSH|^~\\&|X|Y|||20251122090000||OUL^R22^OUL_R22|9|P|2.5.1",
            "SPM|1|QC-N1||SER|||||||Q", "OBR|1", "OBX|1|NM|GLU||5.1|mmol/L||||F", "OBX|2|ED|HIST||^AP^Octet-stream^Base64^AAAA||||||F"));
        var o = Assert.Single(reading.Upload.Observations);
        Assert.Equal(("QC-N1", true), (o.Barcode, o.IsQc));
    }

    public static TheoryData<string, Hl7ErrorCode, string?, int> Unreadable => new()
    {
        { Cr("MSH|^~\\&|X|Y|||20251122090000||ORU^R01|9|P|2.5", "OBR|1", "OBX|1|NM|GLU||5.1"), Hl7ErrorCode.RequiredFieldMissing, "OBX", 0 },
        { Cr("MSH|^~\\&|X|Y|||20251122090000||ORU^R01|9|P|2.5", "OBR|1|B-1", "OBX|1|NM|||5.1"), Hl7ErrorCode.RequiredFieldMissing, "OBX", 3 },
        { Cr("MSH|^~\\&|X|Y|||20251122090000||ORU^R01|9|P|2.5", "PID|1"), Hl7ErrorCode.SegmentSequenceError, null, 0 },
    };

    [Theory, MemberData(nameof(Unreadable))]
    public void A_message_that_cannot_be_read_keeps_its_text_and_says_why_for_the_ERR(string text, Hl7ErrorCode code, string? segment, int field)
    {
        var reading = Read(text);
        Assert.NotNull(reading.Error);
        Assert.Equal((code, segment, field), (reading.Error!.Code, reading.Error.SegmentId, reading.Error.Field));
        Assert.Empty(reading.Upload.Observations);
        Assert.Equal(reading.Error.Reason, reading.Upload.Error);
        Assert.Equal(text, reading.Upload.Text);
    }
}
