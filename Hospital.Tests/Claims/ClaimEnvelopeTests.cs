using System.Text;
using Hospital.Integration.Bhxh;
using Hospital.Integration.Bhxh.Envelope;
using Hospital.Integration.Bhxh.Simulator;
using Hospital.Tests.Insurance;

namespace Hospital.Tests.Claims;

/// <summary>The claim file as the portal simulator receives it through the real client, and as the claim page reads it back.</summary>
public sealed class ClaimEnvelopeTests : PortalSimulatorTests
{
    private static readonly DateOnly Day = new(2026, 11, 20);
    private readonly FacilityXmlSigner _signer = new(TestCertificates.Facility);

    [Fact]
    public async Task A_signed_file_of_one_record_is_received_with_a_transaction_code()
    {
        var file = ClaimBoardKit.File(_signer, "37001", "LK-OK-1", Day);
        var result = await Client().SendClaimAsync(new ClaimFileSubmission("37001", file));
        Assert.True(result.Accepted, result.RawJson);
        Assert.Equal("Tiếp nhận thành công", result.Message);
        var received = Assert.Single(Simulator.Claims);
        Assert.Equal((result.TransactionCode, "LK-OK-1"), (received.TransactionCode, received.MaLk));
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "altered", "Chữ ký số không hợp lệ" },
        { "unsigned", "Hồ sơ chưa được ký số (CHUKYDONVI trống)" },
        { "two records", "Mỗi tệp chỉ được chứa 1 hồ sơ (SOLUONGHOSO = 2, có 1 HOSO)" },
        { "other facility", "MACSKCB trong hồ sơ (37002) khác maCSKCB (37001)" },
        { "not xml", "Tệp XML không đúng định dạng" },
    };

    [Theory, MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_code_400_and_a_Vietnamese_reason(string fault, string reason)
    {
        var file = fault switch
        {
            // One character of a NOIDUNGFILE value changed after signing.
            "altered" => Alter(ClaimBoardKit.File(_signer, "37001", "LK-BAD-1", Day)),
            "unsigned" => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(ClaimBoardKit.File(_signer, "37001", "LK-BAD-1", Day)).Split("<CHUKYDONVI>")[0] + "<CHUKYDONVI /></GIAMDINHHS>"),
            "two records" => ClaimBoardKit.File(_signer, "37001", "LK-BAD-1", Day, count: "2"),
            "other facility" => ClaimBoardKit.File(_signer, "37002", "LK-BAD-1", Day),
            _ => "không phải XML"u8.ToArray(),
        };
        var result = await Client().SendClaimAsync(new ClaimFileSubmission("37001", file));
        Assert.Equal("400", result.ResultCode);
        Assert.Null(result.TransactionCode);
        Assert.StartsWith(reason, result.Message);
        Assert.Empty(Simulator.Claims);
    }

    [Fact]
    public async Task An_unavailable_portal_answers_503_and_the_client_says_try_later()
    {
        Simulator.Unavailable = true;
        var ex = await Assert.ThrowsAsync<BhxhPortalUnavailableException>(() =>
            Client().SendClaimAsync(new ClaimFileSubmission("37001", ClaimBoardKit.File(_signer, "37001", "LK-503", Day))));
        Assert.Equal("Cổng BHXH đang lỗi (HTTP 503).", ex.Message);
    }

    [Fact]
    public void The_tables_are_decoded_for_reading_flat_XML1_as_one_row_and_XML3_as_one_row_per_service()
    {
        var envelope = ClaimEnvelope.Read(ClaimBoardKit.File(_signer, "37001", "LK-READ-1", Day));
        Assert.Equal(("37001", "20261120", "1", 1), (envelope.FacilityCode, envelope.CreatedOn, envelope.DeclaredCount, envelope.RecordCount));
        var tables = envelope.Files.Select(ClaimTableView.Read).ToList();
        Assert.Equal(["XML1", "XML3"], tables.Select(t => t.Type));
        var xml1 = tables[0];
        Assert.Equal("TONG_HOP", xml1.RootName);
        Assert.Equal("Nguyễn Văn An", Assert.Single(xml1.Rows)["HO_TEN"]); // CDATA read as text
        Assert.Equal(["MA_LK", "STT", "HO_TEN", "NGAY_RA", "T_TONGCHI_BV", "T_BHTT"], xml1.Columns);
        var xml3 = tables[1];
        Assert.Equal(["02.1896", "23.0020"], xml3.Rows.Select(r => r["MA_DICH_VU"]));
    }

    [Fact]
    public void A_NOIDUNGFILE_that_is_not_base64_is_named_in_the_error()
    {
        var text = Encoding.UTF8.GetString(ClaimBoardKit.File(_signer, "37001", "LK-B64", Day));
        var start = text.IndexOf("<NOIDUNGFILE>", StringComparison.Ordinal) + "<NOIDUNGFILE>".Length;
        var broken = text[..start] + "%%%" + text[start..];
        var ex = Assert.Throws<ClaimEnvelopeException>(() => ClaimEnvelope.Read(Encoding.UTF8.GetBytes(broken)));
        Assert.Equal("NOIDUNGFILE của XML1 không phải chuỗi base64.", ex.Message);
    }

    /// <summary>Re-encodes XML1 with another name inside, keeping the old signature.</summary>
    private static byte[] Alter(byte[] file)
    {
        var text = Encoding.UTF8.GetString(file);
        var start = text.IndexOf("<NOIDUNGFILE>", StringComparison.Ordinal) + "<NOIDUNGFILE>".Length;
        var end = text.IndexOf("</NOIDUNGFILE>", start, StringComparison.Ordinal);
        var inner = Encoding.UTF8.GetString(Convert.FromBase64String(text[start..end])).Replace("Nguyễn Văn An", "Nguyễn Văn Ân");
        return Encoding.UTF8.GetBytes(text[..start] + Convert.ToBase64String(Encoding.UTF8.GetBytes(inner)) + text[end..]);
    }
}
