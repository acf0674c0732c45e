using System.Text;
using System.Xml;
using Hospital.Integration.Bhxh;

namespace Hospital.Tests.Insurance;

/// <summary>The XML0 check-in document (bhyt-claims.md §3.1) and its facility signature (§2).</summary>
public sealed class CheckInXmlTests
{
    internal static CheckInRecord Sample() => new()
    {
        MaLk = "2611220000001",
        PatientCode = "260000123",
        FullName = "Nguyễn Văn An",
        Cccd = "037080001234",
        BirthDate = new DateOnly(1980, 5, 17),
        Sex = 1,
        CardNumber = "DN4370123456789",
        CardRegisteredFacilityCode = "37002",
        CardValidFrom = new DateOnly(2026, 1, 1),
        CardValidTo = new DateOnly(2026, 12, 31),
        BenefitCategoryCode = "1.14",
        AdmittedAt = new DateTime(2026, 11, 22, 7, 5, 0),
        FacilityCode = "37001",
        ItemKind = CheckInItemKind.Service,
        ItemCode = "02.1896",
        ItemName = "Khám Nội & <Tổng quát>",
        OrderedAt = new DateTime(2026, 11, 22, 7, 6, 0),
    };

    [Fact]
    public void The_row_has_the_26_fields_in_order_with_dates_times_and_one_cost_pair()
    {
        var doc = CheckInXml.Build(Sample());
        Assert.Equal("CHI_TIEU_TRANG_THAI_KCB", doc.DocumentElement!.Name);
        var row = (XmlElement)doc.SelectSingleNode("/CHI_TIEU_TRANG_THAI_KCB/DSACH_TRANG_THAI_KCB/TRANG_THAI_KCB")!;
        Assert.Equal(
            ["MA_LK", "STT", "MA_BN", "HO_TEN", "SO_CCCD", "NGAY_SINH", "GIOI_TINH", "MA_THE_BHYT", "MA_DKBD", "GT_THE_TU", "GT_THE_DEN",
             "MA_DOITUONG_KCB", "NGAY_VAO", "NGAY_VAO_NOI_TRU", "LY_DO_VNT", "MA_LY_DO_VNT", "MA_LOAI_KCB", "MA_CSKCB", "MA_DICH_VU",
             "TEN_DICH_VU", "MA_THUOC", "TEN_THUOC", "MA_VAT_TU", "TEN_VAT_TU", "NGAY_YL", "DU_PHONG"],
            row.ChildNodes.OfType<XmlElement>().Select(e => e.Name));
        string F(string n) => row[n]!.InnerText;
        Assert.Equal("198005170000", F("NGAY_SINH"));
        Assert.Equal("20260101", F("GT_THE_TU"));
        Assert.Equal("20261231", F("GT_THE_DEN"));
        Assert.Equal("202611220705", F("NGAY_VAO"));
        Assert.Equal("202611220706", F("NGAY_YL"));
        Assert.Equal("01", F("MA_LOAI_KCB"));
        Assert.Equal(("02.1896", "Khám Nội & <Tổng quát>"), (F("MA_DICH_VU"), F("TEN_DICH_VU")));
        Assert.Equal("", F("MA_THUOC") + F("TEN_THUOC") + F("MA_VAT_TU") + F("TEN_VAT_TU"));
        Assert.NotNull(doc.DocumentElement["CHUKYDONVI"]);

        var bytes = CheckInXml.ToBytes(doc);
        Assert.NotEqual(0xEF, bytes[0]); // no byte-order mark
        Assert.Contains("&amp; &lt;Tổng quát&gt;", Encoding.UTF8.GetString(bytes));

        var drug = CheckInXml.Build(Sample() with { ItemKind = CheckInItemKind.Drug, ItemCode = "40.17", ItemName = "Paracetamol 500mg", BirthDate = null, BirthYear = 1948 });
        var drow = drug.SelectSingleNode("//TRANG_THAI_KCB")!;
        Assert.Equal(("40.17", ""), (drow["MA_THUOC"]!.InnerText, drow["MA_DICH_VU"]!.InnerText));
        Assert.Equal("194800000000", drow["NGAY_SINH"]!.InnerText);
    }

    [Fact]
    public void Missing_mandatory_fields_and_bad_time_order_are_refused_with_every_reason()
    {
        var ex = Assert.Throws<CheckInXmlException>(() => CheckInXml.Build(Sample() with
        {
            MaLk = "", BenefitCategoryCode = "", Sex = 0,
            InpatientAdmittedAt = new DateTime(2026, 11, 22, 6, 0, 0),
        }));
        Assert.Contains("thiếu MA_LK", ex.Problems);
        Assert.Contains("thiếu MA_DOITUONG_KCB", ex.Problems);
        Assert.Contains("GIOI_TINH phải là 1, 2 hoặc 3", ex.Problems);
        Assert.Contains("NGAY_VAO_NOI_TRU phải sau NGAY_VAO", ex.Problems);
        Assert.Contains("có NGAY_VAO_NOI_TRU thì phải có LY_DO_VNT", ex.Problems);
    }

    [Fact]
    public async Task Xmlsec1_verifies_the_facility_signature_and_rejects_a_changed_file()
    {
        var signer = new FacilityXmlSigner(TestCertificates.Facility);
        var doc = signer.Sign(CheckInXml.Build(Sample()));
        var signature = doc.DocumentElement!["CHUKYDONVI"]!["Signature", "http://www.w3.org/2000/09/xmldsig#"];
        Assert.NotNull(signature);
        Assert.Contains("rsa-sha256", signature.OuterXml);
        Assert.True(FacilityXmlSigner.Verify(doc, out _));

        var dir = Directory.CreateTempSubdirectory("xml0-sign-").FullName;
        try
        {
            var cert = Path.Combine(dir, "facility.pem");
            await File.WriteAllTextAsync(cert, signer.Certificate.ExportCertificatePem());
            var good = Path.Combine(dir, "xml0.xml");
            var bytes = CheckInXml.ToBytes(doc);
            await File.WriteAllBytesAsync(good, bytes);
            var changed = Path.Combine(dir, "xml0-changed.xml");
            await File.WriteAllBytesAsync(changed, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("<MA_DOITUONG_KCB>1.14<", "<MA_DOITUONG_KCB>1.1<")));

            var (okCode, okOutput) = await Xmlsec1.VerifyAsync(cert, good);
            Assert.True(okCode == 0, okOutput);
            var (badCode, badOutput) = await Xmlsec1.VerifyAsync(cert, changed);
            Assert.True(badCode != 0, badOutput);
        }
        finally { Directory.Delete(dir, true); }
    }
}
