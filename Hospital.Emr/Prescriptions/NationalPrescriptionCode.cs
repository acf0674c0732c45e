using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Hospital.Domain.Clinical;

namespace Hospital.Emr.Prescriptions;

/// <summary>
/// Mã đơn thuốc (TT 26/2025 PL I note 1): <c>xxxxxyyyyyyy-z</c>, 14 characters: x = the 5-character
/// facility code (mã cơ sở KCB, QĐ 384/QĐ-BYT 2019), y = 7 random characters [0-9a-z] unique within
/// the facility, z = N (narcotic), H (psychotropic/precursor), C (other), T (YHCT, TT 55/2025).
/// The random part comes from a cryptographic RNG, not a sequence: the code is what a pharmacy
/// types to fetch the prescription, so it must not be guessable from a neighbour's.
/// </summary>
public static partial class NationalPrescriptionCode
{
    private const string RandomAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    [GeneratedRegex("^[0-9A-Za-z]{5}[0-9a-z]{7}-[NHCT]$")]
    public static partial Regex Pattern();

    [GeneratedRegex("^[0-9A-Za-z]{5}$")]
    private static partial Regex FacilityPattern();

    public static bool IsValidFacilityCode(string? code) => code is not null && FacilityPattern().IsMatch(code);

    public static string New(string facilityCode, PrescriptionForm form)
    {
        if (!IsValidFacilityCode(facilityCode)) throw new ArgumentException("The facility code must be 5 letters or digits.", nameof(facilityCode));
        return facilityCode + RandomNumberGenerator.GetString(RandomAlphabet, 7) + "-" + PrescriptionFormRules.Suffix(form);
    }
}
