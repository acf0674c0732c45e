using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;
using Hospital.Domain.Patients;
using Hospital.Emr.Exams;

namespace Hospital.Tests.Clinic;

/// <summary>The exam's pure rules: vital-sign plausibility, BMI, main-diagnosis rules, what a conclusion needs.</summary>
public sealed class ExamRulesTests
{
    public static TheoryData<VitalsReading, string?, string?> Vitals => new()
    {
        { new(Pulse: 72, TemperatureC: 37.2m, SystolicMmHg: 120, DiastolicMmHg: 80, RespiratoryRate: 18, SpO2Percent: 98, HeightCm: 165, WeightKg: 60), null, null },
        { new(TemperatureC: 50m), "temperature", "Nhiệt độ 50 °C không hợp lý: phải trong khoảng 34–43 °C." },
        { new(TemperatureC: 33.9m), "temperature", "Nhiệt độ 33,9 °C không hợp lý: phải trong khoảng 34–43 °C." },
        { new(TemperatureC: 34m), null, null },
        { new(TemperatureC: 43m), null, null },
        { new(SystolicMmHg: 80, DiastolicMmHg: 120), "systolic", "Huyết áp tâm thu (80 mmHg) phải lớn hơn huyết áp tâm trương (120 mmHg)." },
        { new(SystolicMmHg: 90, DiastolicMmHg: 90), "systolic", "Huyết áp tâm thu (90 mmHg) phải lớn hơn huyết áp tâm trương (90 mmHg)." },
        { new(SystolicMmHg: 120), "diastolic", "Nhập đủ cả huyết áp tâm thu và tâm trương." },
        { new(SystolicMmHg: 1200, DiastolicMmHg: 80), "systolic", "Huyết áp tâm thu 1200 mmHg không hợp lý: phải trong khoảng 50–300 mmHg." },
        { new(SpO2Percent: 101), "spo2", "SpO2 101 % không hợp lý: phải trong khoảng 50–100 %." },
        { new(SpO2Percent: 49), "spo2", "SpO2 49 % không hợp lý: phải trong khoảng 50–100 %." },
        { new(Pulse: 19), "pulse", "Mạch 19 lần/phút không hợp lý: phải trong khoảng 20–250 lần/phút." },
        { new(Pulse: 250), null, null },
        { new(RespiratoryRate: 90), "respiratoryRate", "Nhịp thở 90 lần/phút không hợp lý: phải trong khoảng 5–80 lần/phút." },
        { new(HeightCm: 1.65m), "height", "Chiều cao 1,65 cm không hợp lý: phải trong khoảng 30–250 cm." },
        { new(WeightKg: 0.4m), "weight", "Cân nặng 0,4 kg không hợp lý: phải trong khoảng 0,5–350 kg." },
        { new(WeightKg: 60000m), "weight", "Cân nặng 60000 kg không hợp lý: phải trong khoảng 0,5–350 kg." },
    };

    [Theory, MemberData(nameof(Vitals))]
    public void Implausible_vitals_are_refused_with_a_vietnamese_message(VitalsReading reading, string? field, string? message)
    {
        var errors = VitalSignsPlausibility.Check(reading);
        if (field is null) Assert.Empty(errors);
        else Assert.Equal([new FieldError(field, message!)], errors);
    }

    [Theory]
    [InlineData(170, 65, 22.5)]
    [InlineData(160, 80, 31.3)]
    [InlineData(150.5, 45.25, 20.0)]
    [InlineData(100, 20.25, 20.3)] // 20.25 exactly: half away from zero
    public void Bmi_is_weight_over_height_squared_to_one_decimal(double height, double weight, double bmi) =>
        Assert.Equal((decimal)bmi, Bmi.Compute((decimal)height, (decimal)weight));

    [Theory]
    [InlineData(null, 60.0)]
    [InlineData(170.0, null)]
    [InlineData(0.0, 60.0)]
    public void Bmi_needs_both_height_and_weight(double? height, double? weight) =>
        Assert.Null(Bmi.Compute((decimal?)height, (decimal?)weight));

    private static readonly DateOnly Day = new(2026, 11, 22);

    private static Dictionary<string, Icd10Code> Catalog(params Icd10Code[] codes) =>
        codes.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    private static Icd10Code Code(string code, Icd10PrimaryUse use = Icd10PrimaryUse.Allowed, Sex? sex = null, DateOnly? validTo = null) =>
        new() { Code = code, Name = "Tên " + code, PrimaryUse = use, SexRestriction = sex, ValidTo = validTo };

    private static readonly Dictionary<string, Icd10Code> Codes = Catalog(
        Code("J02.9"), Code("I10"), Code("E11.4†"), Code("G63.2*"), Code("W19", Icd10PrimaryUse.NotAsPrimary),
        Code("R69", Icd10PrimaryUse.Discouraged), Code("U99", Icd10PrimaryUse.Forbidden), Code("R99", Icd10PrimaryUse.CauseOfDeathOnly),
        Code("O80.0", sex: Sex.Female), Code("N40", sex: Sex.Male), Code("A99", validTo: new DateOnly(2026, 6, 30)));

    public static TheoryData<string?, string[], Sex, string[], string[]> Diagnoses => new()
    {
        { "J02.9", [], Sex.Male, [], [] },
        { "j02.9", ["I10"], Sex.Male, [], [] },
        { null, [], Sex.Male, ["Chưa có chẩn đoán chính (mã ICD-10)."], [] },
        { "  ", [], Sex.Male, ["Chưa có chẩn đoán chính (mã ICD-10)."], [] },
        { "Z99.99", [], Sex.Male, ["Không có mã Z99.99 trong danh mục ICD-10."], [] },
        { "A99", [], Sex.Male, ["Mã A99 không còn hiệu lực vào ngày khám 22/11/2026."], [] },
        { "W19", [], Sex.Male, ["Mã W19 không được dùng làm chẩn đoán chính (theo danh mục ICD-10 của Bộ Y tế); ghi mã bệnh hoặc tổn thương làm chẩn đoán chính."], [] },
        { "G63.2*", ["E11.4†"], Sex.Male, ["Mã G63.2* là mã dấu sao (*), chỉ biểu hiện của bệnh: không dùng làm chẩn đoán chính; ghi mã dấu găm (†) của bệnh làm chẩn đoán chính."], [] },
        { "E11.4†", ["G63.2*"], Sex.Male, [], [] },
        { "U99", [], Sex.Male, ["Mã U99 không được sử dụng (theo danh mục ICD-10 của Bộ Y tế)."], [] },
        { "R99", [], Sex.Male, ["Mã R99 chỉ dùng để ghi nguyên nhân tử vong, không dùng làm chẩn đoán chính."], [] },
        { "R69", [], Sex.Male, [], ["Mã R69 không khuyến khích dùng làm chẩn đoán chính; nên ghi mã cụ thể hơn nếu có."] },
        { "O80.0", [], Sex.Male, [], ["Mã O80.0 thường chỉ dùng cho người bệnh nữ; kiểm tra lại giới tính hoặc mã bệnh."] },
        { "O80.0", [], Sex.Female, [], [] },
        { "I10", ["N40"], Sex.Female, [], ["Mã N40 thường chỉ dùng cho người bệnh nam; kiểm tra lại giới tính hoặc mã bệnh."] },
        { "I10", ["W19"], Sex.Male, [], [] },
        { "I10", ["U99"], Sex.Male, ["Mã U99 không được sử dụng (theo danh mục ICD-10 của Bộ Y tế)."], [] },
        { "I10", ["I10"], Sex.Male, ["Mã I10 bị ghi trùng trong chẩn đoán."], [] },
        { "I10", ["X00"], Sex.Male, ["Không có mã X00 trong danh mục ICD-10."], [] },
    };

    [Theory, MemberData(nameof(Diagnoses))]
    public void Main_diagnosis_rules_follow_the_ministry_flags(string? primary, string[] secondary, Sex sex, string[] errors, string[] warnings)
    {
        var check = PrimaryDiagnosisRules.Check(primary, secondary, Codes, Day, sex);
        Assert.Equal(errors, check.Errors);
        Assert.Equal(warnings, check.Warnings);
    }

    [Fact]
    public void At_most_twelve_secondary_codes()
    {
        var many = Enumerable.Range(1, 13).Select(i => $"K{i:00}").ToArray();
        var catalog = Catalog([Code("I10"), .. many.Select(c => Code(c))]);
        Assert.Empty(PrimaryDiagnosisRules.Check("I10", many[..12], catalog, Day, Sex.Male).Errors);
        Assert.Equal(["Tối đa 12 mã bệnh kèm theo (đang có 13)."], PrimaryDiagnosisRules.Check("I10", many, catalog, Day, Sex.Male).Errors);
    }

    [Theory]
    [InlineData("G63.2*", Icd10PrimaryUse.Allowed, Icd10PrimaryUse.NotAsPrimary)]
    [InlineData("G63.2*", Icd10PrimaryUse.Forbidden, Icd10PrimaryUse.Forbidden)]
    [InlineData("E11.4†", Icd10PrimaryUse.Allowed, Icd10PrimaryUse.Allowed)]
    public void An_asterisk_code_is_never_main_whatever_the_list_said(string code, Icd10PrimaryUse stored, Icd10PrimaryUse effective) =>
        Assert.Equal(effective, PrimaryDiagnosisRules.EffectiveUse(Code(code, stored)));

    public static TheoryData<ExamRecord, string?, string[]> Conclusions => new()
    {
        { new ExamRecord { Disposition = ExamDisposition.Home }, "pin", [] },
        { new ExamRecord { Disposition = ExamDisposition.None }, "pin", ["Chọn hướng xử trí (cho về, nhập viện hoặc chuyển tuyến)."] },
        { new ExamRecord { Disposition = ExamDisposition.Home }, "", ["Nhập mật khẩu chữ ký số để ký hồ sơ."] },
        { new ExamRecord { Disposition = ExamDisposition.ReferOut }, "pin",
            ["Chuyển tuyến: ghi cơ sở khám bệnh, chữa bệnh chuyển đến.", "Chuyển tuyến: chọn lý do chuyển (đủ điều kiện chuyển tuyến hoặc theo yêu cầu người bệnh)."] },
        { new ExamRecord { Disposition = ExamDisposition.ReferOut, ReferToFacilityName = "Bệnh viện Bạch Mai", ReferralReasonCode = 1 }, "pin", [] },
        { new ExamRecord { Disposition = ExamDisposition.Home, FollowUpDate = new DateOnly(2026, 11, 22) }, "pin", ["Ngày hẹn khám lại phải sau hôm nay (22/11/2026)."] },
        { new ExamRecord { Disposition = ExamDisposition.Home, FollowUpDate = new DateOnly(2026, 11, 29) }, "pin", [] },
    };

    [Theory, MemberData(nameof(Conclusions))]
    public void A_conclusion_needs_disposition_referral_facts_a_future_follow_up_and_the_password(ExamRecord exam, string? password, string[] errors) =>
        Assert.Equal(errors, ConclusionRules.Check(exam, Day, password).Select(e => e.Message));

    [Fact]
    public void A_draft_with_an_unknown_outcome_or_referral_reason_is_refused()
    {
        var errors = ExamDraftRules.Check(new ExamDraft { OutcomeCode = 9, ReferralReasonCode = 3, Reason = new string('x', 1001) });
        Assert.Equal(["Lý do khám dài quá 1000 ký tự.", "Kết quả điều trị không thuộc danh mục KET_QUA_DTRI (1–8).",
            "Lý do chuyển tuyến phải là 1 (đủ điều kiện) hoặc 2 (theo yêu cầu người bệnh)."], errors.Select(e => e.Message));
    }
}
