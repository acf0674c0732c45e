using System.Globalization;
using Hospital.Domain.Clinical;
using Hospital.Domain.Patients;

namespace Hospital.Integration.EPrescription;

/// <summary>
/// Builds the gui-don-thuoc body of a signed prescription (vn-emr-rx.md §3.4, QĐ 808 Phần V;
/// content rules TT 26/2025 Đ6). Pure: the caller loads the prescription with its lines, the
/// patient and the BHYT card number of the visit.
/// </summary>
public static class EPrescriptionPayloadBuilder
{
    /// <summary>TT 26 Đ6: children under 72 months carry the accompanying adult and weight.</summary>
    public const int ChildMonths = 72;
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <param name="replacedCode">Code of the prescription this one replaces. The documented API has no
    /// cancel call (QĐ 808 lists login, doctors, send, look-up and dispensing report only), so the
    /// replacing prescription carries the link in luu_y (QĐ 425 Đ9 k3c: corrected by a new prescription).</param>
    public static EPrescriptionPayload Build(Prescription rx, Patient patient, string? cardNumber, string? replacedCode, EPrescriptionOptions options)
    {
        if (rx.NationalCode is not { Length: > 0 } code) throw new ArgumentException("The prescription has no national code: it is not signed.", nameof(rx));
        var signedAt = rx.SignedAt ?? rx.CreatedAt;
        var child = rx.AgeMonths is < ChildMonths;
        var formCode = options.FormCode(rx.Form);
        return new EPrescriptionPayload
        {
            FormCode = formCode,
            Code = code,
            PatientName = patient.FullName,
            BirthDate = patient.DateOfBirth is { } born ? Date(born) : $"01/01/{patient.BirthYear:0000}",
            Sex = patient.Sex switch { Sex.Male => 2, Sex.Female => 3, _ => 1 },
            Address = patient.AddressLine ?? "",
            CitizenId = patient.Cccd,
            InsuranceCardNumber = cardNumber,
            WeightKg = rx.WeightKg?.ToString("0.##", CultureInfo.InvariantCulture),
            Guardian = child ? string.Join(", ", new[] { rx.GuardianName, rx.GuardianPhone, rx.GuardianAddress }.Where(s => !string.IsNullOrWhiteSpace(s))) : null,
            Diagnoses = Diagnoses(rx),
            Note = replacedCode is { Length: > 0 } ? $"Đơn thay thế đơn {replacedCode}" : null,
            TreatmentKind = options.OutpatientTreatmentCode,
            Round = formCode is "c" or "C" ? null : Round(rx),
            Lines = rx.Lines.OrderBy(l => l.Position).Select(Line).ToList(),
            Advice = rx.Advice,
            PatientPhone = patient.Phone,
            FollowUpDays = rx.FollowUpDays,
            PrescribedAt = (DateTime.SpecifyKind(signedAt, DateTimeKind.Utc) + VietnamOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        };
    }

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// Quantity as text without trailing zeros ("10", "2.5"): the API takes a string. The "05"
    /// zero-padding of TT 26 is a rule of the printed form, not of the data.
    /// </summary>
    public static string Quantity(decimal quantity) => quantity.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>biet_duoc and ten_thuoc must both be non-empty: the brand is the catalogue name, the drug name the INN (ingredient + strength).</summary>
    private static EPrescriptionLine Line(PrescriptionLine l)
    {
        var inn = string.IsNullOrWhiteSpace(l.ActiveIngredient) ? l.DrugName : l.ActiveIngredient;
        var name = string.IsNullOrWhiteSpace(l.Strength) ? inn : $"{inn} {l.Strength}";
        return new EPrescriptionLine(l.DrugCode, l.DrugName, name, l.Unit, Quantity(l.Quantity), l.Usage ?? "");
    }

    /// <summary>One entry per ICD-10 code (the main one first) with its printed text where there is one; ket_luan is the whole diagnosis as printed.</summary>
    private static List<EPrescriptionDiagnosis> Diagnoses(Prescription rx)
    {
        var codes = (rx.DiagnosisCodes ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var texts = (rx.DiagnosisText ?? "").Split("; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return codes.Select((c, i) => new EPrescriptionDiagnosis(c, i < texts.Length ? texts[i] : c, rx.DiagnosisText ?? ""))
            .ToList();
    }

    private static EPrescriptionRound? Round(Prescription rx) =>
        rx.StartDate is { } from && rx.EndDate is { } to
            ? new EPrescriptionRound(rx.Round ?? 1, Date(from), Date(to), null)
            : null;
}
