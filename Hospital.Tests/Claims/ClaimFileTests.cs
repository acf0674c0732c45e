using System.Globalization;
using System.Text;
using System.Xml;
using Hospital.Integration.Bhxh;
using Hospital.Integration.Bhxh.Claims;
using EnvelopeReader = Hospital.Integration.Bhxh.Envelope.ClaimEnvelope;
using Hospital.Tests.Insurance;

namespace Hospital.Tests.Claims;

/// <summary>
/// The GIAMDINHHS file as the portal receives it (bhyt-claims.md §2): the CV 1245 element names, the
/// tables base64 inside NOIDUNGFILE, XML1 totals equal to the line sums, and a facility signature that
/// Debian's xmlsec1 accepts and that breaks when one table value is altered.
/// </summary>
public sealed class ClaimFileTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static byte[] SignedFile(ClaimEpisode? e = null) =>
        ClaimEnvelope.BuildSigned(e ?? ClaimEpisodes.Valid(), Today, new FacilityXmlSigner(TestCertificates.Facility));

    private static XmlDocument Load(byte[] bytes)
    {
        var doc = new XmlDocument { PreserveWhitespace = true };
        doc.Load(new MemoryStream(bytes));
        return doc;
    }

    [Fact]
    public void The_envelope_carries_one_hoso_with_the_tables_of_the_episode()
    {
        var doc = Load(SignedFile());
        var root = doc.DocumentElement!;
        Assert.Equal("GIAMDINHHS", root.Name);
        Assert.Equal("01001", root["THONGTINDONVI"]!["MACSKCB"]!.InnerText);
        Assert.Equal("20261120", root["THONGTINHOSO"]!["NGAYLAP"]!.InnerText);
        Assert.Equal("1", root["THONGTINHOSO"]!["SOLUONGHOSO"]!.InnerText);
        Assert.Single(root.GetElementsByTagName("HOSO").OfType<XmlElement>());
        var envelope = EnvelopeReader.Read(SignedFile());
        Assert.Equal(("01001", "1", 1), (envelope.FacilityCode, envelope.DeclaredCount, envelope.RecordCount));
        // XML5 only for the visit types that need progress notes; papers only when the episode has them.
        Assert.Equal(["XML1", "XML2", "XML3", "XML4", "XML14"], envelope.Files.Select(t => t.Type));
        Assert.NotNull(root["CHUKYDONVI"]!.GetElementsByTagName("Signature", "http://www.w3.org/2000/09/xmldsig#")[0]);
    }

    [Theory]
    [InlineData("XML1", "/TONG_HOP/MA_LK")]
    [InlineData("XML2", "/CHITIEU_CHITIET_THUOC/DSACH_CHI_TIET_THUOC/CHI_TIET_THUOC/MA_THUOC")]
    [InlineData("XML3", "/CHITIEU_CHITIET_DVKT_VTYT/DSACH_CHI_TIET_DVKT/CHI_TIET_DVKT/MA_DICH_VU")]
    [InlineData("XML4", "/CHITIEU_CHITIET_DICHVUCANLAMSANG/DSACH_CHI_TIET_CLS/CHI_TIET_CLS/TEN_CHI_SO")]
    [InlineData("XML14", "/CHI_TIEU_GIAYHEN_KHAMLAI/NGAY_HEN_KL")]
    public void Each_table_uses_the_portal_element_names(string type, string path)
    {
        var table = EnvelopeReader.Read(SignedFile()).Files.Single(t => t.Type == type);
        // The reader decodes NOIDUNGFILE without dropping a byte-order mark, so one would show as U+FEFF here.
        Assert.False(table.Xml.StartsWith('\uFEFF'), "no byte-order mark");
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", table.Xml);
        var doc = new XmlDocument();
        doc.LoadXml(table.Xml);
        Assert.NotNull(doc.SelectSingleNode(path));
    }

    [Fact]
    public void Xml1_totals_equal_the_line_sums_and_values_use_the_portal_formats()
    {
        var tables = EnvelopeReader.Read(SignedFile()).Files.ToDictionary(t => t.Type, t => { var d = new XmlDocument(); d.LoadXml(t.Xml); return d; });
        decimal Sum(string type, string field) => tables[type].GetElementsByTagName(field).OfType<XmlElement>()
            .Where(e => e.ParentNode!.Name is "CHI_TIET_THUOC" or "CHI_TIET_DVKT")
            .Sum(e => decimal.Parse(e.InnerText, CultureInfo.InvariantCulture));
        decimal Total(string field) => decimal.Parse(tables["XML1"].SelectSingleNode("/TONG_HOP/" + field)!.InnerText, CultureInfo.InvariantCulture);

        Assert.Equal(Sum("XML2", "THANH_TIEN_BV"), Total("T_THUOC"));
        foreach (var (total, line) in new[] { ("T_TONGCHI_BV", "THANH_TIEN_BV"), ("T_TONGCHI_BH", "THANH_TIEN_BH"), ("T_BNTT", "T_BNTT"), ("T_BNCCT", "T_BNCCT"), ("T_BHTT", "T_BHTT"), ("T_NGUONKHAC", "T_NGUONKHAC") })
            Assert.Equal(Sum("XML2", line) + Sum("XML3", line), Total(total));
        Assert.Equal(Total("T_TONGCHI_BH") - Total("T_BNCCT"), Total("T_BHTT"));

        var summary = tables["XML1"];
        Assert.Equal("198503140000", summary.SelectSingleNode("/TONG_HOP/NGAY_SINH")!.InnerText);
        Assert.Equal("202611200730", summary.SelectSingleNode("/TONG_HOP/NGAY_VAO")!.InnerText);
        Assert.Equal("20261231", summary.SelectSingleNode("/TONG_HOP/GT_THE_DEN")!.InnerText);
        Assert.Equal("01", summary.SelectSingleNode("/TONG_HOP/MA_LOAI_KCB")!.InnerText);
        Assert.Equal("11", summary.SelectSingleNode("/TONG_HOP/THANG_QT")!.InnerText);
        Assert.Equal("52.5", summary.SelectSingleNode("/TONG_HOP/CAN_NANG")!.InnerText);
        Assert.Equal("12450.5", tables["XML2"].SelectSingleNode("//CHI_TIET_THUOC/THANH_TIEN_BV")!.InnerText);
        Assert.Equal("830.033", tables["XML2"].SelectSingleNode("//CHI_TIET_THUOC/DON_GIA")!.InnerText);
        // Free text travels in CDATA, exactly as typed.
        Assert.Contains("<HO_TEN><![CDATA[Nguyễn Thị Hoa]]></HO_TEN>", tables["XML1"].OuterXml);
    }

    [Fact]
    public async Task Xmlsec1_accepts_the_signature_and_rejects_a_file_whose_table_was_altered()
    {
        var bytes = SignedFile();
        Assert.True(FacilityXmlSigner.Verify(Load(bytes), out _));

        // Change one value inside XML3 (a price) and put the table back, base64 again, as a tamperer would.
        var doc = Load(bytes);
        var file = doc.GetElementsByTagName("FILEHOSO").OfType<XmlElement>().Single(f => f["LOAIHOSO"]!.InnerText == "XML3");
        var xml3 = Encoding.UTF8.GetString(Convert.FromBase64String(file["NOIDUNGFILE"]!.InnerText));
        Assert.Contains("<DON_GIA_BV>46200</DON_GIA_BV>", xml3);
        file["NOIDUNGFILE"]!.InnerText = Convert.ToBase64String(Encoding.UTF8.GetBytes(xml3.Replace("<DON_GIA_BV>46200</DON_GIA_BV>", "<DON_GIA_BV>462000</DON_GIA_BV>")));
        var altered = CheckInXml.ToBytes(doc);
        Assert.False(FacilityXmlSigner.Verify(Load(altered), out _));

        var dir = Directory.CreateTempSubdirectory("claim-sign-").FullName;
        try
        {
            var cert = Path.Combine(dir, "facility.pem");
            await File.WriteAllTextAsync(cert, TestCertificates.Facility.ExportCertificatePem());
            var good = Path.Combine(dir, "claim.xml");
            await File.WriteAllBytesAsync(good, bytes);
            var bad = Path.Combine(dir, "claim-altered.xml");
            await File.WriteAllBytesAsync(bad, altered);

            var (okCode, okOutput) = await Xmlsec1.VerifyAsync(cert, good);
            Assert.True(okCode == 0, okOutput);
            var (badCode, badOutput) = await Xmlsec1.VerifyAsync(cert, bad);
            Assert.True(badCode != 0, badOutput);
        }
        finally { Directory.Delete(dir, true); }
    }
}
