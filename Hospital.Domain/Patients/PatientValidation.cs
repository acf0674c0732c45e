using Hospital.Domain.Catalog;
using Hospital.Domain.Insurance;
using Hospital.Domain.Text;

namespace Hospital.Domain.Patients;

/// <summary>
/// Every rule a patient record must satisfy before anything is stored (issue 3 "Bad input"),
/// checked together so the clerk sees all problems of the form at once. Produces the cleaned
/// values (trimmed, NFC, normalized identifiers) the registration then writes.
/// </summary>
public sealed class PatientValidation(Data.HospitalDbContext db)
{
    /// <summary>Oldest age accepted: a birth date further back is a typo.</summary>
    public const int MaxAgeYears = 130;
    /// <summary>Children under 6 need a guardian (Luật KCB 2023 Đ8 / TE card age limit).</summary>
    public const int GuardianRequiredUnderAge = 6;

    public sealed record Cleaned(
        string FullName, DateOnly? DateOfBirth, int BirthYear, Sex Sex, string? Cccd, string? OldIdNumber, string? Phone,
        string? ProvinceCode, string? CommuneCode, string? AddressLine, string? EthnicityCode, string? NationalityCode,
        string? OccupationCode, string? GuardianName, string? GuardianPhone, string? GuardianRelation, string? GuardianCccd,
        BhytCardCode? Card, DateOnly? CardValidFrom, DateOnly? CardValidTo, string? CardFacility, DateOnly? CardFiveYearsFrom);

    /// <summary>
    /// <paramref name="existingCardNumbers"/>: the patient's own cards (edit), which may be kept
    /// even when expired; a card number not among them is a new card and must still be valid.
    /// </summary>
    public async Task<(Cleaned? Value, Dictionary<string, string[]> Errors)> CheckAsync(
        PatientInput input, DateOnly today, IReadOnlyCollection<string> existingCardNumbers, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        var name = string.Join(' ', VietnameseText.Nfc(input.FullName ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (name.Length == 0) Add(PatientFields.FullName, "Nhập họ tên người bệnh.");
        else if (name.Length > 200) Add(PatientFields.FullName, "Họ tên dài quá 200 ký tự.");
        else if (!name.Any(char.IsLetter) || name.Any(char.IsAsciiDigit)) Add(PatientFields.FullName, "Họ tên chỉ gồm chữ cái, không có chữ số.");

        // Birth: a full date, or only the year for people who do not know the day.
        var dob = input.DateOfBirth;
        var year = input.BirthYear;
        if (dob is null && year is null) Add(PatientFields.BirthDate, "Nhập ngày sinh, hoặc năm sinh nếu người bệnh không nhớ ngày.");
        if (dob is { } d)
        {
            if (d > today) Add(PatientFields.BirthDate, "Ngày sinh không thể sau ngày hôm nay.");
            else if (d < today.AddYears(-MaxAgeYears)) Add(PatientFields.BirthDate, $"Ngày sinh cách đây hơn {MaxAgeYears} năm: kiểm tra lại.");
            if (year is { } y && y != d.Year) Add(PatientFields.BirthYear, $"Năm sinh {y} khác năm của ngày sinh {d:dd/MM/yyyy}.");
            year = d.Year;
        }
        else if (year is { } y && (y > today.Year || y < today.Year - MaxAgeYears))
            Add(PatientFields.BirthYear, $"Năm sinh phải từ {today.Year - MaxAgeYears} đến {today.Year}.");

        if (input.Sex is not { } sex || !Enum.IsDefined(sex)) { Add(PatientFields.Sex, "Chọn giới tính."); sex = Sex.Unknown; }

        string? cccd = null;
        if (!string.IsNullOrWhiteSpace(input.Cccd))
        {
            cccd = CccdNumber.Normalize(input.Cccd);
            if (CccdNumber.Check(cccd, input.Sex, year) is { } e) Add(PatientFields.Cccd, e);
        }
        string? oldId = null;
        if (!string.IsNullOrWhiteSpace(input.OldIdNumber))
        {
            oldId = CccdNumber.Normalize(input.OldIdNumber);
            if (oldId.Length is not (9 or 12) || !oldId.All(char.IsAsciiDigit)) Add(PatientFields.OldIdNumber, "Số CMND cũ phải có 9 hoặc 12 chữ số.");
        }
        var phone = OptionalPhone(input.Phone, PatientFields.Phone, Add);

        var province = Blank(input.ProvinceCode);
        var commune = Blank(input.CommuneCode);
        if (province is not null && !await db.Set<Province>().AnyAsync(p => p.Code == province && p.IsActive, ct))
            Add(PatientFields.ProvinceCode, $"Không có tỉnh/thành phố mã {province} trong danh mục hiện hành.");
        if (commune is not null)
        {
            var c = await db.Set<Commune>().AsNoTracking().Where(x => x.Code == commune && x.IsActive)
                .Select(x => new { x.ProvinceCode, x.Name }).FirstOrDefaultAsync(ct);
            if (c is null) Add(PatientFields.CommuneCode, $"Không có xã/phường mã {commune} trong danh mục hiện hành.");
            else if (province is null) Add(PatientFields.ProvinceCode, "Chọn tỉnh/thành phố của xã/phường đã chọn.");
            else if (c.ProvinceCode != province) Add(PatientFields.CommuneCode, $"{c.Name} không thuộc tỉnh/thành phố đã chọn.");
        }
        var address = Blank(input.AddressLine);
        if (address?.Length > 300) Add(PatientFields.Address, "Địa chỉ dài quá 300 ký tự.");

        var ethnicity = Blank(input.EthnicityCode);
        if (ethnicity is not null && !await db.Set<Ethnicity>().AnyAsync(x => x.Code == ethnicity && x.IsActive, ct))
            Add(PatientFields.EthnicityCode, $"Không có dân tộc mã {ethnicity} trong danh mục.");
        var occupation = Blank(input.OccupationCode);
        if (occupation is not null && !await db.Set<Occupation>().AnyAsync(x => x.Code == occupation && x.IsActive, ct))
            Add(PatientFields.OccupationCode, $"Không có nghề nghiệp mã {occupation} trong danh mục.");
        var nationality = Blank(input.NationalityCode)?.ToUpperInvariant();
        if (nationality is not null && (nationality.Length is < 2 or > 3 || !nationality.All(char.IsAsciiLetterOrDigit)))
            Add(PatientFields.NationalityCode, "Mã quốc tịch gồm 2–3 chữ cái hoặc chữ số.");

        var guardian = Blank(input.GuardianName) is { } g ? VietnameseText.Nfc(g) : null;
        var guardianPhone = OptionalPhone(input.GuardianPhone, PatientFields.GuardianPhone, Add);
        if (year is { } by && MayBeUnder(dob, by, today, GuardianRequiredUnderAge))
        {
            if (guardian is null) Add(PatientFields.GuardianName, "Trẻ dưới 6 tuổi phải có họ tên người giám hộ (bố, mẹ hoặc người nuôi dưỡng).");
            if (guardianPhone is null && !errors.ContainsKey(PatientFields.GuardianPhone))
                Add(PatientFields.GuardianPhone, "Trẻ dưới 6 tuổi phải có số điện thoại người giám hộ.");
        }
        string? guardianCccd = null;
        if (!string.IsNullOrWhiteSpace(input.GuardianCccd))
        {
            guardianCccd = CccdNumber.Normalize(input.GuardianCccd);
            if (CccdNumber.ShapeError(guardianCccd) is { } e) Add(PatientFields.GuardianCccd, e);
        }

        var card = await CheckCardAsync(input, today, existingCardNumbers, Add, ct);

        var result = errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
        if (result.Count > 0) return (null, result);
        return (new Cleaned(name, dob, year!.Value, sex, cccd, oldId, phone, province, commune, address, ethnicity, nationality,
            occupation, guardian, guardianPhone, Blank(input.GuardianRelation), guardianCccd,
            card, input.BhytValidFrom, input.BhytValidTo, Blank(input.BhytRegisteredFacilityCode)?.ToUpperInvariant(), input.BhytFiveYearsFrom), result);
    }

    private async Task<BhytCardCode?> CheckCardAsync(PatientInput input, DateOnly today, IReadOnlyCollection<string> existing,
        Action<string, string> add, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.BhytCardNumber))
        {
            if (input.BhytValidFrom is not null || input.BhytValidTo is not null || !string.IsNullOrWhiteSpace(input.BhytRegisteredFacilityCode))
                add(PatientFields.BhytCardNumber, "Nhập mã thẻ BHYT, hoặc xóa hạn thẻ và nơi ĐKKCB ban đầu nếu người bệnh không có thẻ.");
            return null;
        }
        // Shape (bhyt-claims.md §5), then the group against the current QĐ 1351 list and the issuing province.
        var card = BhytCardCode.TryParse(input.BhytCardNumber, out var shapeError);
        if (card is null) add(PatientFields.BhytCardNumber, shapeError!);
        else
        {
            var group = await db.Set<BhytBeneficiaryGroup>().AsNoTracking().Where(x => x.Code == card.GroupCode && x.IsActive)
                .Select(x => new { x.ValidFrom, x.ValidTo }).FirstOrDefaultAsync(ct);
            if (group is null || (group.ValidFrom is { } f && f > today) || (group.ValidTo is { } t && t < today))
                add(PatientFields.BhytCardNumber, $"Mã đối tượng {card.GroupCode} (2 ký tự đầu của thẻ) không có trong danh mục đối tượng BHYT hiện hành.");
            else if (!OldProvinceCodes.TwoDigit.Contains(card.ProvinceCode) && !OldProvinceCodes.CardOnly.Contains(card.ProvinceCode)
                     && !await db.Set<Province>().AnyAsync(p => p.Code == card.ProvinceCode, ct))
                add(PatientFields.BhytCardNumber, $"Mã tỉnh {card.ProvinceCode} (ký tự 4–5 của thẻ) không phải mã tỉnh cấp thẻ.");
        }

        var from = input.BhytValidFrom;
        var to = input.BhytValidTo;
        if (from is null) add(PatientFields.BhytValidFrom, "Nhập ngày thẻ BHYT có giá trị từ.");
        if (to is null) add(PatientFields.BhytValidTo, "Nhập ngày thẻ BHYT có giá trị đến.");
        if (from is { } a && to is { } b)
        {
            if (a > b) add(PatientFields.BhytValidTo, "Hạn thẻ: ngày đến phải sau ngày từ.");
            else if (b < today && (card is null || !existing.Contains(card.Value)))
                add(PatientFields.BhytValidTo, $"Thẻ BHYT đã hết hạn ngày {b:dd/MM/yyyy}: không nhận thẻ hết hạn. Đề nghị người bệnh gia hạn hoặc đăng ký khám dịch vụ.");
        }
        var facility = Blank(input.BhytRegisteredFacilityCode);
        if (facility is null) add(PatientFields.BhytPrimaryFacilityCode, "Nhập mã nơi đăng ký KCB ban đầu (5 ký tự in trên thẻ).");
        else if (facility.Length != 5 || !facility.All(char.IsAsciiLetterOrDigit))
            add(PatientFields.BhytPrimaryFacilityCode, "Mã nơi đăng ký KCB ban đầu (MA_DKBD) gồm đúng 5 ký tự, ví dụ 37001.");
        if (input.BhytFiveYearsFrom is { } five && five > today)
            add(PatientFields.BhytFiveYearsFrom, "Ngày đủ 5 năm liên tục không thể sau hôm nay.");
        return card;
    }

    /// <summary>Whether the patient is, or with only a birth year may be, younger than <paramref name="years"/>.</summary>
    public static bool MayBeUnder(DateOnly? dob, int birthYear, DateOnly today, int years) =>
        dob is { } d ? d.AddYears(years) > today : today.Year - birthYear <= years;

    private static string? OptionalPhone(string? text, string field, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var phone = PhoneNumber.Normalize(text);
        if (PhoneNumber.Error(phone) is { } e) { add(field, e); return null; }
        return phone;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
