using System.Text.Json.Serialization;

namespace Hospital.Integration.EPrescription;

/// <summary>
/// Body of <c>POST /api/v1/gui-don-thuoc</c> with exactly the field names of QĐ 808 Phần V as
/// public clients send them (vn-emr-rx.md §3.4). Dates are dd/MM/yyyy text, the prescribing time
/// yyyy-MM-dd HH:mm:ss, so_luong a string, ngay_tai_kham a number of days.
/// </summary>
public sealed record EPrescriptionPayload
{
    [JsonPropertyName("loai_don_thuoc")] public required string FormCode { get; init; }
    [JsonPropertyName("ma_don_thuoc")] public required string Code { get; init; }
    [JsonPropertyName("ho_ten_benh_nhan")] public required string PatientName { get; init; }
    [JsonPropertyName("ngay_sinh_benh_nhan")] public required string BirthDate { get; init; }
    /// <summary>1 = chưa xác định, 2 = Nam, 3 = Nữ.</summary>
    [JsonPropertyName("gioi_tinh")] public required int Sex { get; init; }
    [JsonPropertyName("dia_chi")] public required string Address { get; init; }
    /// <summary>12-digit số định danh/CCCD: TT 26 Đ6 requires it when the patient has one.</summary>
    [JsonPropertyName("ma_dinh_danh_cong_dan")] public string? CitizenId { get; init; }
    [JsonPropertyName("ma_dinh_danh_y_te")] public string? HealthId { get; init; }
    [JsonPropertyName("ma_so_the_bao_hiem_y_te")] public string? InsuranceCardNumber { get; init; }
    [JsonPropertyName("can_nang")] public string? WeightKg { get; init; }
    /// <summary>"Họ tên, SĐT, địa chỉ" of the accompanying adult: required under 72 months.</summary>
    [JsonPropertyName("thong_tin_nguoi_giam_ho")] public string? Guardian { get; init; }
    [JsonPropertyName("chan_doan")] public required IReadOnlyList<EPrescriptionDiagnosis> Diagnoses { get; init; }
    [JsonPropertyName("luu_y")] public string? Note { get; init; }
    [JsonPropertyName("hinh_thuc_dieu_tri")] public required int TreatmentKind { get; init; }
    /// <summary>A single object (not an array), for n/h/y prescriptions only.</summary>
    [JsonPropertyName("dot_dung_thuoc")] public EPrescriptionRound? Round { get; init; }
    [JsonPropertyName("thong_tin_don_thuoc")] public required IReadOnlyList<EPrescriptionLine> Lines { get; init; }
    [JsonPropertyName("loi_dan")] public string? Advice { get; init; }
    [JsonPropertyName("so_dien_thoai_nguoi_kham_benh")] public string? PatientPhone { get; init; }
    /// <summary>Days until the follow-up visit, not a date.</summary>
    [JsonPropertyName("ngay_tai_kham")] public int? FollowUpDays { get; init; }
    [JsonPropertyName("ngay_gio_ke_don")] public required string PrescribedAt { get; init; }
    /// <summary>Left empty, as most implementations do, until the signature model of QĐ 425 Đ11 is agreed with the operator (§3.4, §9).</summary>
    [JsonPropertyName("signature")] public string Signature { get; init; } = "";
}

public sealed record EPrescriptionDiagnosis(
    [property: JsonPropertyName("ma_chan_doan")] string Code,
    [property: JsonPropertyName("ten_chan_doan")] string Name,
    [property: JsonPropertyName("ket_luan")] string Conclusion);

public sealed record EPrescriptionLine(
    [property: JsonPropertyName("ma_thuoc")] string DrugCode,
    [property: JsonPropertyName("biet_duoc")] string BrandName,
    [property: JsonPropertyName("ten_thuoc")] string DrugName,
    [property: JsonPropertyName("don_vi_tinh")] string Unit,
    [property: JsonPropertyName("so_luong")] string Quantity,
    [property: JsonPropertyName("cach_dung")] string Usage);

public sealed record EPrescriptionRound(
    [property: JsonPropertyName("dot")] int Round,
    [property: JsonPropertyName("tu_ngay")] string From,
    [property: JsonPropertyName("den_ngay")] string To,
    [property: JsonPropertyName("so_thang_thuoc")] int? Packets);
