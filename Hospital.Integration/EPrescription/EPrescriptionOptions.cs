using Hospital.Domain.Clinical;

namespace Hospital.Integration.EPrescription;

/// <summary>
/// Settings section <c>EPrescription</c> (environment <c>EPrescription__BaseUrl</c>...) for the
/// national e-prescription system, donthuocquocgia.vn (vn-emr-rx.md §3.3). The facility registers
/// there and receives its liên thông code and password (QĐ 425 Đ11: the account is the facility's,
/// never the software vendor's), so both are settings, never in the repository.
/// </summary>
public sealed class EPrescriptionOptions
{
    /// <summary>Production https://api.donthuocquocgia.vn, test http://api-beta.donthuocquocgia.vn.</summary>
    public string? BaseUrl { get; set; }
    /// <summary>Mã liên thông cơ sở khám chữa bệnh (ma_lien_thong_co_so_kham_chua_benh).</summary>
    public string? FacilityLinkCode { get; set; }
    public string? Password { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
    /// <summary>Run the local simulator in-process and talk to it (default: on in demo mode when no BaseUrl is set).</summary>
    public bool? UseSimulator { get; set; }
    /// <summary>Loopback port of the simulator; 0 picks a free one at first start.</summary>
    public int SimulatorPort { get; set; }
    /// <summary>Start the simulator answering 503, to show an outage in a demo (the outbox keeps retrying).</summary>
    public bool SimulatorUnavailable { get; set; }

    /// <summary>The board's "chưa gửi quá N phút" filter: TT 26 Đ12 k6d wants the prescription sent right after the visit.</summary>
    public int LateAfterMinutes { get; set; } = 30;

    public string LoginPath { get; set; } = "/api/auth/dang-nhap-co-so-kham-chua-benh";
    public string SendPath { get; set; } = "/api/v1/gui-don-thuoc";

    /// <summary>
    /// loai_don_thuoc per form. Public clients send lower-case c/n/h/y (TT 27/QĐ 808 era); whether
    /// the post-TT 26 API wants N/H/C/T is open (vn-emr-rx.md §3.2, §9 item 1), so it is data.
    /// </summary>
    public Dictionary<PrescriptionForm, string> FormCodes { get; set; } = new()
    {
        [PrescriptionForm.Ordinary] = "c",
        [PrescriptionForm.Narcotic] = "n",
        [PrescriptionForm.Psychotropic] = "h",
        [PrescriptionForm.Herbal] = "y",
    };

    /// <summary>hinh_thuc_dieu_tri: public code sends 2 for outpatient; the code list is unverified (§3.4).</summary>
    public int OutpatientTreatmentCode { get; set; } = 2;

    public string FormCode(PrescriptionForm form) =>
        FormCodes.TryGetValue(form, out var code) && !string.IsNullOrWhiteSpace(code) ? code.Trim()
        : form switch { PrescriptionForm.Narcotic => "n", PrescriptionForm.Psychotropic => "h", PrescriptionForm.Herbal => "y", _ => "c" };
}
