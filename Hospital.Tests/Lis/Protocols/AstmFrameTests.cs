using System.Text;
using Hospital.Integration.Astm;

namespace Hospital.Tests.Lis.Protocols;

public class AstmFrameTests
{
    private static byte[] L1(string s) => Encoding.Latin1.GetBytes(s);

    [Fact]
    public void Worked_example_of_the_spec_has_checksum_04()
    {
        var frame = AstmFrame.Encode(1, L1("L|1|N\r"), isEnd: true);
        Assert.Equal("\u00021L|1|N\r\u000304\r\n", Encoding.Latin1.GetString(frame));
    }

    /// <summary>Frames of real captures quoted in the spec (Sysmex XS-500i/XN, Roche cobas c111 ETB style, Abbott Architect) with their checksums.</summary>
    public static TheoryData<string, bool, string> RealCaptures => new()
    {
        { "7R|1|^^^^WBC^1|6.21|10*3/uL||N||||||20210415133249\r", true, "05" },
        { "1H|\\^&|||XN-350^00-14^13126^^^^BT827364||||||||E1394-97\r", true, "4E" },
        { "3O|1||^^                 240105001^B|^^^^WBC\\^^^^RBC\\^^^^HGB\\^^^^PLT|||||||N||||||||||||||F\r", true, "14" },
        { "0R|5|^^^^Left_Shift?|90|||A||||SYSMEX||20240105101530\r", true, "81" },
        { "2Q|1|^^                 240105002^B||^^^ALL||||||||O\r", true, "10" },
        { "3O|1|240105002||^^^^WBC\\^^^^RBC\\^^^^HGB\\^^^^PLT|R|20240105095500|||||N||||||||||||||Q\r", true, "B7" },
        { "1H|\\^&|||c111^Roche^c111^4.2.2.1730^1^13085|||||host|RSUPL^BATCH|P|1|20230525164933\r", false, "FD" },
        { "2P|1||\r", false, "4B" },
        { "3O|1|PCCC1^52502700^20231231|1391|^^^712|||||||Q|||||||||||20230525164933|||F\r", false, "02" },
        { "4R|1|^^^712|0.9|mg/dL|1.0\\0.9\\1.0|N||R||$SYS$||20230428184116\r", false, "C7" },
        { "5C|1|I||I\r", false, "4F" },
        { "6L|1|N\r", true, "09" },
        { "1H|\\^&|||ARCHITECT^7.01^F5260044206^H1P1O1R1C1Q1L1|||||||P|1|20120217144954\r", true, "2A" },
        { "2P|1|||||||U\r", true, "F8" },
        { "4R|1|^^^651^_B-hCG^UNDILUTED^P^06918JN00^14567^^F|> 15000.00|mIU/mL||>||F||ADMIN^ADMIN||20120217144954|i1SR02762\r", true, "F9" },
        { "7L|1\r", true, "40" },
    };

    [Theory]
    [MemberData(nameof(RealCaptures))]
    public void Checksums_of_real_captures_verify(string fnAndText, bool isEnd, string checksum)
    {
        var wire = L1("\u0002" + fnAndText + (isEnd ? "\u0003" : "\u0017") + checksum + "\r\n");

        Assert.True(AstmFrame.TryDecode(wire.AsSpan(1), out var frame, out var error), error);
        Assert.Equal(fnAndText[0] - '0', frame.FrameNumber);
        Assert.Equal(isEnd, frame.IsEnd);
        Assert.Equal(fnAndText[1..], Encoding.Latin1.GetString(wire, 1 + frame.TextStart, frame.TextLength));
        // And our encoder writes the same bytes.
        Assert.Equal(wire, AstmFrame.Encode(fnAndText[0] - '0', L1(fnAndText[1..]), isEnd));
    }

    [Fact]
    public void Lower_case_checksum_is_accepted_on_receive()
    {
        var wire = L1("1H|\\^&|||XN-350^00-14^13126^^^^BT827364||||||||E1394-97\r\u00034e\r\n");
        Assert.True(AstmFrame.TryDecode(wire, out var frame, out var error), error);
        Assert.True(frame.IsEnd);
    }

    [Theory]
    [InlineData("1L|1|N\r\u000305\r\n", "checksum mismatch: frame says 05, bytes sum to 04")]
    [InlineData("8L|1|N\r\u000305\r\n", "frame number 0x38 '8' is not a digit 0..7")]
    [InlineData("1L|1|N\r\u0004" + "04\r\n", "expected ETX or ETB before the checksum, found EOT")]
    [InlineData("1L|1|N\r\u0003G4\r\n", "checksum characters 0x47 'G' 0x34 '4' are not hexadecimal")]
    [InlineData("1L|1|N\r\u000304\n\n", "frame does not end with CR LF after the checksum")]
    [InlineData("1\u0003\r\n", "frame of 4 bytes after STX is shorter than FN, ETX, checksum, CR, LF")]
    public void Bad_frames_are_rejected_with_the_reason(string body, string reason)
    {
        Assert.False(AstmFrame.TryDecode(L1(body), out _, out var error));
        Assert.Equal(reason, error);
    }

    [Fact]
    public void Restricted_characters_are_refused_on_send_and_on_receive()
    {
        var ex = Assert.Throws<ArgumentException>(() => AstmFrame.Encode(1, L1("R|1|a\u0011b\r"), true));
        Assert.Contains("restricted character 0x11", ex.Message);

        var text = L1("1R|1|a\u0012b\r\u0003");
        var sum = AstmChecksum.Compute(text);
        var body = new byte[text.Length + 4];
        text.CopyTo(body, 0);
        AstmChecksum.WriteHex(sum, body.AsSpan(text.Length));
        body[^2] = AstmControl.Cr;
        body[^1] = AstmControl.Lf;
        Assert.False(AstmFrame.TryDecode(body, out _, out var error));
        Assert.Contains("restricted character 0x12", error);
    }
}
