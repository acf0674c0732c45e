namespace Hospital.Integration.Bhxh;

/// <summary>Card lookup (KQNhanLichSuKCB2024, bhyt-claims.md §6, vn-emr-rx.md §4.3).</summary>
/// <param name="CardNumber">maThe: the 15-character card code, or a 12-digit CCCD.</param>
/// <param name="BirthDate">Sent as dd/MM/yyyy; when null, <paramref name="BirthYear"/> is sent as yyyy.</param>
/// <param name="OfficerName">hoTenCb: the reception officer registered with BHXH (CV 1923/BHXH-CNTT).</param>
/// <param name="OfficerCccd">cccdCb: that officer's CCCD.</param>
public sealed record CardLookupRequest(string CardNumber, string FullName, DateOnly? BirthDate, int BirthYear, string OfficerName, string OfficerCccd)
{
    public string BirthText => BirthDate?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? BirthYear.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One earlier visit in the card-check reply (dsLichSuKCB2018).</summary>
public sealed record CardVisitHistory(string? RecordCode, string? FacilityCode, string? AdmittedAt, string? DischargedAt, string? Diagnosis, string? Status, string? Outcome, string? AdmissionReason);

/// <summary>One earlier card check in the reply (dsLichSuKT2018).</summary>
public sealed record CardCheckHistory(string? CheckedBy, string? CheckedAt, string? Message, string? ErrorCode);

/// <summary>The card-check reply, every field of bhyt-claims.md §6, plus the raw JSON kept as evidence.</summary>
public sealed record CardLookupResult
{
    /// <summary>maKetQua, e.g. "000"; see <c>BhytCardChecks</c> for the meaning.</summary>
    public required string ResultCode { get; init; }
    public string? Note { get; init; }
    public string? CardNumber { get; init; }
    public string? FullName { get; init; }
    public string? BirthDate { get; init; }
    public string? Sex { get; init; }
    public string? Address { get; init; }
    /// <summary>maDKBD: registered primary-care facility.</summary>
    public string? RegisteredFacilityCode { get; init; }
    /// <summary>cqBHXH: the social-insurance office managing the card.</summary>
    public string? InsuranceOffice { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    /// <summary>maKV: K1/K2/K3.</summary>
    public string? AreaCode { get; init; }
    /// <summary>ngayDu5Nam: date the holder reaches 5 continuous years.</summary>
    public DateOnly? FiveYearsContinuousFrom { get; init; }
    public string? SocialInsuranceNumber { get; init; }
    public string? OldCardNumber { get; init; }
    public string? NewCardNumber { get; init; }
    public DateOnly? NewValidFrom { get; init; }
    public DateOnly? NewValidTo { get; init; }
    public string? NewRegisteredFacilityCode { get; init; }
    public string? NewRegisteredFacilityName { get; init; }
    public IReadOnlyList<CardVisitHistory> Visits { get; init; } = [];
    public IReadOnlyList<CardCheckHistory> Checks { get; init; } = [];
    public required string RawJson { get; init; }
}

/// <summary>A signed file to post to the gateway with the facility it is from (check-in or claim).</summary>
public abstract record FacilityFileSubmission(string FacilityCode, byte[] SignedXml)
{
    /// <summary>maTinh: the first two characters of MACSKCB (bhyt-claims.md §6).</summary>
    public string ProvinceCode => FacilityCode.Length >= 2 ? FacilityCode[..2] : FacilityCode;
}

/// <summary>One XML0 check-in to send (checkInKcbQd3176): the signed XML and the facility it is from.</summary>
public sealed record CheckInSubmission(string FacilityCode, byte[] SignedXml) : FacilityFileSubmission(FacilityCode, SignedXml);

/// <summary>One claim file to send (guiHoSoXmlQD3176, loaiHoSo=130): the signed GIAMDINHHS envelope of one hồ sơ (MA_LK).</summary>
public sealed record ClaimFileSubmission(string FacilityCode, byte[] SignedXml) : FacilityFileSubmission(FacilityCode, SignedXml);

/// <summary>Reply to a submission: maKetQua "200" = received (the content is assessed later, asynchronously).</summary>
public sealed record SubmitResult(string ResultCode, string? TransactionCode, string? ReceivedAt, string? Message, string RawJson)
{
    public bool Accepted => ResultCode == "200";
}
