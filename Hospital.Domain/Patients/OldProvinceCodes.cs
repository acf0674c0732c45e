namespace Hospital.Domain.Patients;

/// <summary>
/// The 63 province codes in use before the 2025 merger (GSO list, QĐ 124/2004/QĐ-TTg and its
/// updates). They live on after 1/7/2025 in two places: the first 3 digits of a CCCD (place of
/// birth registration, vn-emr-rx.md §4.1) and the 2-digit issuing province of a BHYT card
/// (bhyt-claims.md §5), neither of which is renumbered when provinces merge.
/// </summary>
public static class OldProvinceCodes
{
    public static readonly IReadOnlySet<string> TwoDigit = new HashSet<string>(
    [
        "01", "02", "04", "06", "08", "10", "11", "12", "14", "15", "17", "19", "20", "22", "24", "25", "26", "27",
        "30", "31", "33", "34", "35", "36", "37", "38", "40", "42", "44", "45", "46", "48", "49", "51", "52", "54",
        "56", "58", "60", "62", "64", "66", "67", "68", "70", "72", "74", "75", "77", "79", "80", "82", "83", "84",
        "86", "87", "89", "91", "92", "93", "94", "95", "96",
    ]);

    /// <summary>
    /// Issuing codes of the social-insurance bodies of the army (97) and the police (98), which
    /// print their own code instead of a province on the cards they issue ⚠ (vendor practice,
    /// not in bhyt-claims.md).
    /// </summary>
    public static readonly IReadOnlySet<string> CardOnly = new HashSet<string>(["97", "98"]);

    /// <summary>CCCD prefix: "0" + the 2-digit code, e.g. 001 Hà Nội, 079 TP.HCM.</summary>
    public static bool IsCccdPrefix(string threeDigits) =>
        threeDigits.Length == 3 && threeDigits[0] == '0' && TwoDigit.Contains(threeDigits[1..]);
}
