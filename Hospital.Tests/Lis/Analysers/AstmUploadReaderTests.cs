using Hospital.Domain.Lab;
using Hospital.Integration.Astm.Records;
using Hospital.Web.Features.Analysers;

namespace Hospital.Tests.Lis.Analysers;

/// <summary>E1394 messages of real analyser shapes (lis-protocols.md §2.4) read into protocol-neutral uploads.</summary>
public sealed class AstmUploadReaderTests
{
    private static readonly DateTime Received = new(2026, 11, 22, 3, 0, 0, DateTimeKind.Utc);

    [Theory]
    // Sysmex XN: barcode right-justified in O-4 component 3.
    [InlineData("O|1||^^                 240105001^B|^^^^WBC", "240105001")]
    // Architect: O-3 is the specimen ID, O-4 the instrument's SID^carrier^position.
    [InlineData("O|1|38704|38704^S473^1|^^^651", "38704")]
    // Access: barcode in O-3, padded.
    [InlineData("O|1|  E2DD9F ||^^^AbHBsII", "E2DD9F")]
    // Only an instrument ID without components.
    [InlineData("O|1||  5511|^^^GLU", "5511")]
    public void The_barcode_is_taken_where_the_analyser_puts_it(string orderRecord, string barcode)
    {
        var message = AstmMessage.Parse($"H|\\^&\rP|1\r{orderRecord}\rR|1|^^^^WBC^1|  4.8|10*3/uL||N||F||||20240105101530\rL|1|N\r");

        var upload = AstmUploadReader.Read("XN1", message, "text", Received);

        var o = Assert.Single(upload.Observations);
        Assert.Equal((barcode, "4.8"), (o.Barcode, o.Value));
    }

    [Fact]
    public void Results_carry_trimmed_values_units_flags_and_the_instrument_time_in_UTC()
    {
        var message = AstmMessage.Parse("H|\\^&|||XN-350|||||||P|E1394-97|20240105101600\rP|1\rO|1||^^ 240105001^B|^^^^WBC\r" +
            "R|1|^^^^WBC^1|11.84 |10*3/uL||H||||SYSMEX||20240105101530\rR|2|^^^651|> 15000.00|mIU/mL||>||R||||20240105101530\r" +
            "R|3|^^^^PLT^1|----||||||||\rL|1|N\r");

        var upload = AstmUploadReader.Read("XN1", message, "the text", Received);

        Assert.Equal((AnalyserMessageKind.Results, AnalyserProtocol.Astm, "the text", "XN1"), (upload.Kind, upload.Protocol, upload.Text, upload.Analyser));
        Assert.Equal(("WBC", "11.84", "10*3/uL", "H", false), (upload.Observations[0].AnalyserTestCode, upload.Observations[0].Value,
            upload.Observations[0].Unit, upload.Observations[0].AnalyserFlags, upload.Observations[0].IsRerun));
        // 10:15:30 in Hanoi (UTC+7) is 03:15:30 UTC.
        Assert.Equal(new DateTime(2024, 1, 5, 3, 15, 30, DateTimeKind.Utc), upload.Observations[0].InstrumentAt);
        Assert.Equal(("651", "> 15000.00", ">", true), (upload.Observations[1].AnalyserTestCode, upload.Observations[1].Value,
            upload.Observations[1].AnalyserFlags, upload.Observations[1].IsRerun));
        Assert.Equal(("----", null, null, null), (upload.Observations[2].Value, upload.Observations[2].Unit, upload.Observations[2].AnalyserFlags, upload.Observations[2].InstrumentAt));
    }

    [Theory]
    [InlineData("H|\\^&|||c111|||||host|RSUPL^BATCH|P|1\rP|1||\rO|1|PCCC1^52502700^20231231|1391|^^^712|||||||Q\rR|1|^^^712|0.9|mg/dL\rL|1|N\r", AnalyserMessageKind.QualityControl, "PCCC1")]
    [InlineData("H|\\^&|||XN|||||||Q\rP|1\rO|1|QC-LOT7||^^^^WBC\rR|1|^^^^WBC^1|7.1|10*3/uL\rL|1|N\r", AnalyserMessageKind.QualityControl, "QC-LOT7")]
    [InlineData("H|\\^&|||XN|||||||P\rP|1\rO|1|2401||^^^^WBC\rR|1|^^^^WBC^1|7.1|10*3/uL\rL|1|N\r", AnalyserMessageKind.Results, "2401")]
    [InlineData("H|\\^&|||XN\rQ|1|^2401||ALL||||||||O\rL|1|N\r", AnalyserMessageKind.Query, null)]
    [InlineData("H|\\^&|||XN\rL|1|N\r", AnalyserMessageKind.Other, null)]
    public void Quality_control_is_told_apart_by_O12_or_H12_and_queries_by_their_Q_record(string text, AnalyserMessageKind kind, string? barcode)
    {
        var upload = AstmUploadReader.Read("X", AstmMessage.Parse(text), text, Received);

        Assert.Equal(kind, upload.Kind);
        Assert.Equal(kind == AnalyserMessageKind.QualityControl, upload.Observations.Count > 0 && upload.Observations.All(o => o.IsQc));
        Assert.Equal(barcode, upload.Observations.FirstOrDefault()?.Barcode);
    }
}
