using Hospital.Integration.Bhxh.Claims;

namespace Hospital.Tests.Claims;

/// <summary>
/// The pre-check finance staff rely on before sending (issue 6 acceptance: bad data is caught before
/// sending, each with a clear message): every case starts from a valid episode and breaks one thing.
/// </summary>
public sealed class ClaimValidatorTests
{
    [Fact]
    public void A_demo_like_episode_passes()
    {
        var findings = ClaimValidator.Validate(ClaimEpisodes.Valid(), ClaimEpisodes.Catalog());
        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => $"{f.Table}.{f.Field}: {f.Message}")));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(17)]
    public void Groups_7_and_17_need_no_bid_result(int group)
    {
        var e = ClaimEpisodes.Valid();
        e = e with { Drugs = [e.Drugs[0] with { MaNhom = group, TtThau = null }] };
        Assert.DoesNotContain(ClaimValidator.Validate(e, ClaimEpisodes.Catalog()), f => f.Field == "TT_THAU");
    }

    public sealed record Case(string Name, Func<ClaimEpisode, ClaimEpisode> Break, string Table, string Field, ClaimFixSource Source, string? Key, string Says)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Case> BadData => new()
    {
        // The six acceptance cases.
        new("missing practising certificate of the performer",
            e => e.WithService(1, r => r with { NguoiThucHien = null }),
            "XML3", "NGUOI_THUC_HIEN", ClaimFixSource.Staff, "12", "người thực hiện chưa có mã chứng chỉ hành nghề"),
        new("diagnosis missing",
            e => e.WithSummary(s => s with { MaBenhChinh = null }),
            "XML1", "MA_BENH_CHINH", ClaimFixSource.Exam, null, "Chưa có chẩn đoán chính"),
        new("service ordered before the patient arrived",
            e => e.WithService(1, r => r with { NgayYl = ClaimEpisodes.Arrived.AddHours(-2), NgayThYl = ClaimEpisodes.Arrived.AddHours(-1) }),
            "XML3", "NGAY_YL", ClaimFixSource.Charge, "2", "trước khi người bệnh vào viện"),
        new("quantity zero",
            e => e.WithService(1, r => r with { SoLuong = 0 }),
            "XML3", "SO_LUONG", ClaimFixSource.Charge, "2", "số lượng bằng 0"),
        new("card expired on the service date",
            e => e.WithSummary(s => s with { GtTheDen = new DateOnly(2026, 11, 19) }),
            "XML1", "GT_THE_DEN", ClaimFixSource.Visit, null, "Thẻ BHYT đã hết hạn ngày 19/11/2026 nhưng có chi phí ngày 20/11/2026"),
        new("unknown service code",
            e => e.WithService(1, r => r with { MaDichVu = "22.9999.0000" }),
            "XML3", "MA_DICH_VU", ClaimFixSource.CatalogItem, "22.9999.0000", "không có trong danh mục dịch vụ kỹ thuật"),
        // Other rejection rules of the spec.
        new("drug without its bid result (TT_THAU)",
            e => e with { Drugs = [e.Drugs[0] with { TtThau = null }] },
            "XML2", "TT_THAU", ClaimFixSource.CatalogItem, "40.15", "Thiếu TT_THAU"),
        new("bid result not decision;G;N;year",
            e => e with { Drugs = [e.Drugs[0] with { TtThau = "125/QĐ-BV;1;4;2026" }] },
            "XML2", "TT_THAU", ClaimFixSource.CatalogItem, "40.15", "không đúng dạng"),
        new("prescriber without a staff entry",
            e => e with { Drugs = [e.Drugs[0] with { MaBacSi = null, OrderingStaffId = null }] },
            "XML2", "MA_BAC_SI", ClaimFixSource.Charge, "3", "chưa ghi người chỉ định"),
        new("performed before ordered",
            e => e.WithService(1, r => r with { NgayThYl = r.NgayYl.AddMinutes(-5) }),
            "XML3", "NGAY_TH_YL", ClaimFixSource.Charge, "2", "trước khi chỉ định"),
        new("result after the end of the visit",
            e => e.WithService(1, r => r with { NgayKq = ClaimEpisodes.Concluded.AddHours(3) }),
            "XML3", "NGAY_KQ", ClaimFixSource.Charge, "2", "sau khi kết thúc khám"),
        new("more than 12 secondary diagnoses",
            e => e.WithSummary(s => s with { MaBenhKt = string.Join(';', Enumerable.Range(10, 13).Select(n => $"R{n}")) }),
            "XML1", "MA_BENH_KT", ClaimFixSource.Exam, null, "tối đa 12 mã"),
        new("XML1 drug total differs from the lines",
            e => e.WithSummary(s => s with { TThuoc = s.TThuoc + 1 }),
            "XML1", "T_THUOC", ClaimFixSource.Charge, null, "khác tổng các dòng chi tiết"),
        new("T_BHTT is not T_TONGCHI_BH − T_BNCCT",
            e => e.WithSummary(s => s with { TBncct = s.TBncct + 0.01m }),
            "XML1", "T_BHTT", ClaimFixSource.Charge, null, "phải bằng T_TONGCHI_BH − T_BNCCT"),
        new("card code of the wrong length",
            e => e.WithSummary(s => s with { MaTheBhyt = "DN40101234567" }),
            "XML1", "MA_THE_BHYT", ClaimFixSource.Visit, null, "phải gồm 15 ký tự"),
        new("drug out of the approved list on the order date",
            e => e with { Drugs = [e.Drugs[0] with { MaThuoc = "40.99" }] },
            "XML2", "MA_THUOC", ClaimFixSource.CatalogItem, "40.99", "không có trong danh mục thuốc"),
        new("no weight recorded",
            e => e.WithSummary(s => s with { CanNang = null }),
            "XML1", "CAN_NANG", ClaimFixSource.Exam, null, "Chưa có cân nặng"),
        new("unknown object code",
            e => e.WithSummary(s => s with { MaDoiTuongKcb = "1.9" }),
            "XML1", "MA_DOITUONG_KCB", ClaimFixSource.Visit, null, "không có trong danh mục"),
        new("ethnicity missing",
            e => e.WithSummary(s => s with { MaDanToc = null }),
            "XML1", "MA_DANTOC", ClaimFixSource.Patient, "5", "Thiếu MA_DANTOC (mã dân tộc)"),
        new("facility code not 5 digits",
            e => e.WithSummary(s => s with { MaCskcb = "0100" }),
            "XML1", "MA_CSKCB", ClaimFixSource.Facility, null, "5 chữ số"),
        new("line money does not reconcile",
            e => e.WithService(0, r => r with { Money = r.Money with { TBntt = 1 } }),
            "XML3", "THANH_TIEN_BV", ClaimFixSource.Charge, "1", "khác tổng quỹ trả"),
        new("re-exam appointment not after the visit",
            e => e with { Appointment = e.Appointment! with { NgayHenKl = new DateOnly(2026, 11, 20) } },
            "XML14", "NGAY_HEN_KL", ClaimFixSource.Exam, null, "phải sau ngày kết thúc khám"),
        new("lab value without a result time",
            e => e with { Results = [e.Results[0] with { NgayKq = null }] },
            "XML4", "NGAY_KQ", ClaimFixSource.Charge, null, "phải có thời điểm trả kết quả"),
    };

    [Theory, MemberData(nameof(BadData))]
    public void Bad_data_is_named_with_where_to_fix_it(Case c)
    {
        var findings = ClaimValidator.Validate(c.Break(ClaimEpisodes.Valid()), ClaimEpisodes.Catalog());
        var hit = findings.FirstOrDefault(f => f.Table == c.Table && f.Field == c.Field && f.Message.Contains(c.Says, StringComparison.Ordinal));
        Assert.True(hit is not null, $"expected {c.Table}.{c.Field} \"{c.Says}\"; got:\n" + string.Join("\n", findings.Select(f => $"{f.Table}.{f.Field}: {f.Message}")));
        Assert.Equal(c.Source, hit.Source);
        if (c.Key is not null) Assert.Equal(c.Key, hit.SourceKey);
    }

    [Fact]
    public void A_service_no_longer_in_the_catalogue_is_unknown_even_with_a_valid_code_shape()
    {
        var findings = ClaimValidator.Validate(ClaimEpisodes.Valid(), ClaimEpisodes.Catalog(withoutServices: "22.0120.1370"));
        Assert.Contains(findings, f => f.Field == "MA_DICH_VU" && f.SourceKey == "22.0120.1370");
    }
}
