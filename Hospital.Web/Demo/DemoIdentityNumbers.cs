using Bogus;
using Hospital.Domain.Patients;

namespace Hospital.Web.Demo;

/// <summary>
/// Well-formed (but invented) identity numbers for demo people: CCCD, BHYT card numbers and
/// mobile phone numbers, in the shapes reception staff see every day.
/// </summary>
public static class DemoIdentityNumbers
{
    /// <summary>
    /// Old (63-province) codes used as the CCCD's birth-registration prefix, weighted towards
    /// Ninh Bình and the provinces merged into it in 2025 (Nam Định 036, Hà Nam 035). The CCCD
    /// keeps these old codes: they are not remapped to the 2025 provinces (bhyt-claims.md §4.1
    /// administrative units; vn-emr-rx.md §4.1).
    /// </summary>
    private static readonly string[] BirthProvinces = ["037", "036", "035", "038", "001", "034", "033", "031", "017", "040", "079", "030", "022"];
    private static readonly float[] BirthProvinceWeights = [50, 13, 10, 7, 7, 4, 2, 1.5f, 1.5f, 1.5f, 1.5f, 1, 1];

    public static string BirthProvince(Randomizer random) => random.Weighted(BirthProvinces, BirthProvinceWeights);

    /// <summary>
    /// The CCCD / personal identification number (Luật Căn cước 2023 Đ12; vn-emr-rx.md §4.1):
    /// 3-digit birth province + century/sex digit (0/1 male/female born 1900–1999, 2/3 born
    /// 2000–2099, 4/5 2100–2199) + last 2 digits of the birth year + 6 random digits.
    /// </summary>
    public static string Cccd(Randomizer random, string birthProvince3, Sex sex, int birthYear) =>
        birthProvince3 + CenturySexDigit(sex, birthYear) + (birthYear % 100).ToString("00") + random.Replace("######");

    public static int CenturySexDigit(Sex sex, int birthYear) =>
        (birthYear / 100 - 19) * 2 + (sex == Sex.Female ? 1 : 0);

    /// <summary>
    /// The 15-character BHYT card number (QĐ 1351/QĐ-BHXH; bhyt-claims.md §5): beneficiary group
    /// (2 letters) + benefit level (1 digit) + 2-digit province of issue + 10-digit social
    /// insurance number (mã số BHXH).
    /// </summary>
    public static string BhytCardNumber(string groupCode, int benefitLevel, string provinceCode, string socialInsuranceNumber)
    {
        if (groupCode.Length != 2 || provinceCode.Length != 2 || socialInsuranceNumber.Length != 10 || benefitLevel is < 1 or > 5)
            throw new ArgumentException("Mã thẻ BHYT sai cấu trúc.");
        return groupCode + benefitLevel + provinceCode + socialInsuranceNumber;
    }

    /// <summary>A 10-digit mã số BHXH; the first two digits are the (old) province that issued it.</summary>
    public static string SocialInsuranceNumber(Randomizer random, string birthProvince3) =>
        birthProvince3[1..] + random.Replace("########");

    /// <summary>Mobile prefixes of the three large networks (Viettel, VinaPhone, MobiFone) since the 2018 renumbering.</summary>
    private static readonly string[] MobilePrefixes =
        ["086", "096", "097", "098", "032", "033", "034", "035", "036", "037", "038", "039", "088", "091", "094", "081", "082", "083", "084", "085", "089", "090", "093", "070", "076", "077", "078", "079"];

    public static string MobilePhone(Randomizer random) => random.ArrayElement(MobilePrefixes) + random.Replace("#######");
}
