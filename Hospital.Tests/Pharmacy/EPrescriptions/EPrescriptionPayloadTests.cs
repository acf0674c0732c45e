using System.Text.Json;
using System.Text.RegularExpressions;
using Hospital.Domain.Clinical;
using Hospital.Domain.Patients;
using Hospital.Emr.Prescriptions;
using Hospital.Integration.EPrescription;

namespace Hospital.Tests.Pharmacy.EPrescriptions;

/// <summary>The gui-don-thuoc body (vn-emr-rx.md §3.4) and the prescription code (TT 26 PL I note 1), without a database.</summary>
public sealed class EPrescriptionPayloadTests
{
    private static readonly EPrescriptionOptions Options = new();

    [Fact]
    public void Codes_are_well_formed_and_unique_over_many_signings()
    {
        var codes = new HashSet<string>();
        foreach (var form in Enum.GetValues<PrescriptionForm>())
            for (var i = 0; i < 5000; i++)
            {
                var code = NationalPrescriptionCode.New("37001", form);
                Assert.Matches(NationalPrescriptionCode.Pattern(), code);
                Assert.Equal(14, code.Length);
                Assert.StartsWith("37001", code);
                Assert.EndsWith("-" + PrescriptionFormRules.Suffix(form), code);
                Assert.True(codes.Add(code), code);
            }
    }

    [Theory]
    [InlineData(Sex.Male, 2)]
    [InlineData(Sex.Female, 3)]
    [InlineData(Sex.Unknown, 1)]
    public void Sex_is_coded_1_unknown_2_male_3_female(Sex sex, int expected) =>
        Assert.Equal(expected, EPrescriptionPayloadBuilder.Build(Rx(PrescriptionForm.Ordinary), Patient(sex), null, null, Options).Sex);

    [Theory]
    [InlineData(PrescriptionForm.Ordinary, "c", false)]
    [InlineData(PrescriptionForm.Narcotic, "n", true)]
    [InlineData(PrescriptionForm.Psychotropic, "h", true)]
    [InlineData(PrescriptionForm.Herbal, "y", true)]
    public void The_form_code_is_configurable_and_controlled_forms_carry_the_round(PrescriptionForm form, string code, bool round)
    {
        var payload = EPrescriptionPayloadBuilder.Build(Rx(form), Patient(Sex.Male), null, null, Options);
        Assert.Equal(code, payload.FormCode);
        Assert.Equal(round, payload.Round is not null);
        if (round) Assert.Equal(new EPrescriptionRound(1, "20/11/2026", "26/11/2026", null), payload.Round);

        var upper = new EPrescriptionOptions();
        upper.FormCodes[form] = code.ToUpperInvariant();
        Assert.Equal(code.ToUpperInvariant(), EPrescriptionPayloadBuilder.Build(Rx(form), Patient(Sex.Male), null, null, upper).FormCode);
    }

    [Fact]
    public void A_child_under_72_months_carries_the_guardian_and_weight_an_adult_does_not()
    {
        var child = Rx(PrescriptionForm.Ordinary);
        child.AgeMonths = 30; child.WeightKg = 12.5m; child.GuardianName = "Trần Văn Bố"; child.GuardianPhone = "0912345678"; child.GuardianAddress = "Số 3, phố Huế";
        var payload = EPrescriptionPayloadBuilder.Build(child, Patient(Sex.Female), null, null, Options);
        Assert.Equal("Trần Văn Bố, 0912345678, Số 3, phố Huế", payload.Guardian);
        Assert.Equal("12.5", payload.WeightKg);

        var adult = Rx(PrescriptionForm.Ordinary);
        adult.AgeMonths = null; adult.GuardianName = "Không gửi";
        Assert.Null(EPrescriptionPayloadBuilder.Build(adult, Patient(Sex.Female), null, null, Options).Guardian);
    }

    [Fact]
    public void The_body_has_the_documented_names_dates_and_types()
    {
        var rx = Rx(PrescriptionForm.Ordinary);
        var json = JsonDocument.Parse(EPrescriptionClient.Serialize(
            EPrescriptionPayloadBuilder.Build(rx, Patient(Sex.Male), "DN4370000000077", "37001abcdefg-C", Options))).RootElement;
        Assert.Equal("37001k2m9x0a-C", json.GetProperty("ma_don_thuoc").GetString());
        Assert.Equal("05/03/1980", json.GetProperty("ngay_sinh_benh_nhan").GetString());
        Assert.Equal("2026-11-20 15:30:00", json.GetProperty("ngay_gio_ke_don").GetString()); // 08:30 UTC = 15:30 in Vietnam
        Assert.Equal(JsonValueKind.Number, json.GetProperty("gioi_tinh").ValueKind);
        Assert.Equal(7, json.GetProperty("ngay_tai_kham").GetInt32());
        Assert.Equal("DN4370000000077", json.GetProperty("ma_so_the_bao_hiem_y_te").GetString());
        Assert.Equal("001080000123", json.GetProperty("ma_dinh_danh_cong_dan").GetString());
        Assert.Contains("37001abcdefg-C", json.GetProperty("luu_y").GetString()); // the replaced prescription
        var line = json.GetProperty("thong_tin_don_thuoc")[0];
        Assert.Equal(JsonValueKind.String, line.GetProperty("so_luong").ValueKind);
        Assert.Equal("10", line.GetProperty("so_luong").GetString());
        Assert.Equal("Paracetamol 500mg", line.GetProperty("biet_duoc").GetString());
        Assert.Equal("Paracetamol 500mg", line.GetProperty("ten_thuoc").GetString());
        var diagnoses = json.GetProperty("chan_doan");
        Assert.Equal(["J06.9", "I10"], diagnoses.EnumerateArray().Select(d => d.GetProperty("ma_chan_doan").GetString()));
        Assert.Equal("Viêm họng cấp", diagnoses[0].GetProperty("ten_chan_doan").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("dot_dung_thuoc").ValueKind); // ordinary: no round
        Assert.Equal("", json.GetProperty("signature").GetString());
        foreach (var field in DocumentedFields) Assert.True(json.TryGetProperty(field, out _), field);
        Assert.Matches(new Regex(@"^\d{2}/\d{2}/\d{4}$"), json.GetProperty("ngay_sinh_benh_nhan").GetString()!);
    }

    [Fact]
    public void An_unsigned_prescription_cannot_be_sent()
    {
        var rx = Rx(PrescriptionForm.Ordinary);
        rx.NationalCode = null;
        Assert.Throws<ArgumentException>(() => EPrescriptionPayloadBuilder.Build(rx, Patient(Sex.Male), null, null, Options));
    }

    /// <summary>Every field of vn-emr-rx.md §3.4.</summary>
    internal static readonly string[] DocumentedFields =
    [
        "loai_don_thuoc", "ma_don_thuoc", "ho_ten_benh_nhan", "ngay_sinh_benh_nhan", "gioi_tinh", "dia_chi", "ma_dinh_danh_cong_dan",
        "ma_dinh_danh_y_te", "ma_so_the_bao_hiem_y_te", "can_nang", "thong_tin_nguoi_giam_ho", "chan_doan", "thong_tin_don_thuoc",
        "dot_dung_thuoc", "hinh_thuc_dieu_tri", "luu_y", "loi_dan", "so_dien_thoai_nguoi_kham_benh", "ngay_tai_kham", "ngay_gio_ke_don", "signature",
    ];

    private static Patient Patient(Sex sex) => new()
    {
        FullName = "Nguyễn Văn An", DateOfBirth = new DateOnly(1980, 3, 5), BirthYear = 1980, Sex = sex,
        AddressLine = "Số 12, đường Lê Lợi", Cccd = "001080000123", Phone = "0901234567",
    };

    private static Prescription Rx(PrescriptionForm form) => new()
    {
        Form = form, Status = PrescriptionStatus.Signed, NationalCode = "37001k2m9x0a-C", SignedAt = new DateTime(2026, 11, 20, 8, 30, 0, DateTimeKind.Utc),
        DiagnosisCodes = "J06.9;I10", DiagnosisText = "Viêm họng cấp; Tăng huyết áp", Advice = "Uống nhiều nước", FollowUpDays = 7,
        StartDate = new DateOnly(2026, 11, 20), EndDate = new DateOnly(2026, 11, 26), Round = form is PrescriptionForm.Ordinary ? null : 1,
        Lines =
        [
            new PrescriptionLine
            {
                Position = 1, DrugCode = "TH0001", DrugName = "Paracetamol 500mg", ActiveIngredient = "Paracetamol", Strength = "500mg",
                Unit = "Viên", Quantity = 10m, Usage = "Uống 1 viên x 2 lần/ngày",
            },
        ],
    };
}
