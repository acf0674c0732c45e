using System.Globalization;
using Hospital.Domain.Patients;

namespace Hospital.Web.Features.Reception;

/// <summary>
/// The new/edit patient form as posted: every value a string, so a badly typed date gets its own
/// Vietnamese message. Property names are the API field names with a capital first letter, so the
/// registration's error keys (<see cref="PatientFields"/>) land beside the right input.
/// </summary>
public sealed class PatientForm
{
    public string? FullName { get; set; }
    public string? BirthDate { get; set; }
    public string? BirthYear { get; set; }
    public string? Sex { get; set; }
    public string? Cccd { get; set; }
    public string? OldIdNumber { get; set; }
    public string? Phone { get; set; }
    public string? ProvinceCode { get; set; }
    public string? CommuneCode { get; set; }
    public string? Address { get; set; }
    public string? EthnicityCode { get; set; }
    public string? NationalityCode { get; set; }
    public string? OccupationCode { get; set; }
    public string? GuardianName { get; set; }
    public string? GuardianPhone { get; set; }
    public string? GuardianRelation { get; set; }
    public string? GuardianCccd { get; set; }
    public string? BhytCardNumber { get; set; }
    public string? BhytValidFrom { get; set; }
    public string? BhytValidTo { get; set; }
    public string? BhytPrimaryFacilityCode { get; set; }
    public string? BhytFiveYearsFrom { get; set; }
    public bool ConfirmDuplicate { get; set; }

    /// <summary>The form property an error key of the registration belongs to ("" = the whole form).</summary>
    public static string PropertyFor(string key) => key.Length == 0 ? "" : char.ToUpperInvariant(key[0]) + key[1..];

    public static PatientForm From(Patient p)
    {
        var card = p.BhytCards.Where(c => c.VoidedAt is null).MaxBy(c => c.ValidTo);
        return new PatientForm
        {
            FullName = p.FullName,
            BirthDate = Iso(p.DateOfBirth),
            BirthYear = p.DateOfBirth is null ? p.BirthYear.ToString(CultureInfo.InvariantCulture) : null,
            Sex = ((int)p.Sex).ToString(CultureInfo.InvariantCulture),
            Cccd = p.Cccd,
            OldIdNumber = p.OldIdNumber,
            Phone = p.Phone,
            ProvinceCode = p.ProvinceCode,
            CommuneCode = p.CommuneCode,
            Address = p.AddressLine,
            EthnicityCode = p.EthnicityCode,
            NationalityCode = p.NationalityCode,
            OccupationCode = p.OccupationCode,
            GuardianName = p.GuardianName,
            GuardianPhone = p.GuardianPhone,
            GuardianRelation = p.GuardianRelation,
            GuardianCccd = p.GuardianCccd,
            BhytCardNumber = card?.Number,
            BhytValidFrom = Iso(card?.ValidFrom),
            BhytValidTo = Iso(card?.ValidTo),
            BhytPrimaryFacilityCode = card?.RegisteredFacilityCode,
            BhytFiveYearsFrom = Iso(card?.FiveYearsContinuousFrom),
        };
    }

    /// <summary>Prefill from a scanned CCCD QR: the address is the card's free text (old units), kept as the address line.</summary>
    public static PatientForm From(CccdQrCode qr) => new()
    {
        FullName = qr.FullName,
        BirthDate = Iso(qr.DateOfBirth),
        BirthYear = qr.DateOfBirth is null ? qr.BirthYear.ToString(CultureInfo.InvariantCulture) : null,
        Sex = ((int)qr.Sex).ToString(CultureInfo.InvariantCulture),
        Cccd = qr.Cccd,
        OldIdNumber = qr.OldIdNumber,
        Address = qr.Address.Length > 300 ? qr.Address[..300] : qr.Address,
        EthnicityCode = "01",
    };

    /// <summary>Converts to the registration input; format errors (dates, numbers) keyed like the registration's.</summary>
    public (PatientInput Input, Dictionary<string, string[]> Errors) ToInput()
    {
        var errors = new Dictionary<string, string[]>();
        DateOnly? Date(string? text, string key)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            string[] formats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "ddMMyyyy"];
            if (DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            errors[key] = [$"Ngày \"{text}\" không hợp lệ (dd/MM/yyyy)."];
            return null;
        }
        int? year = null;
        if (!string.IsNullOrWhiteSpace(BirthYear))
        {
            if (int.TryParse(BirthYear.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && BirthYear.Trim().Length == 4) year = y;
            else errors[PatientFields.BirthYear] = ["Năm sinh gồm 4 chữ số, ví dụ 1956."];
        }
        Domain.Patients.Sex? sex = int.TryParse(Sex, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && Enum.IsDefined((Domain.Patients.Sex)s)
            ? (Domain.Patients.Sex)s : null;
        var input = new PatientInput
        {
            FullName = FullName,
            DateOfBirth = Date(BirthDate, PatientFields.BirthDate),
            BirthYear = year,
            Sex = sex,
            Cccd = Cccd,
            OldIdNumber = OldIdNumber,
            Phone = Phone,
            ProvinceCode = ProvinceCode,
            CommuneCode = CommuneCode,
            AddressLine = Address,
            EthnicityCode = EthnicityCode,
            NationalityCode = NationalityCode,
            OccupationCode = OccupationCode,
            GuardianName = GuardianName,
            GuardianPhone = GuardianPhone,
            GuardianRelation = GuardianRelation,
            GuardianCccd = GuardianCccd,
            BhytCardNumber = BhytCardNumber,
            BhytValidFrom = Date(BhytValidFrom, PatientFields.BhytValidFrom),
            BhytValidTo = Date(BhytValidTo, PatientFields.BhytValidTo),
            BhytRegisteredFacilityCode = BhytPrimaryFacilityCode,
            BhytFiveYearsFrom = Date(BhytFiveYearsFrom, PatientFields.BhytFiveYearsFrom),
            ConfirmDuplicate = ConfirmDuplicate,
        };
        return (input, errors);
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
