using Hospital.Domain.Clinical;
using Hospital.Domain.Pharmacy;
using Hospital.Web.Features.Dispensing;

namespace Hospital.Tests.Pharmacy.Dispensing;

/// <summary>When a prescription may be handed out, to whom, and what its dispensing status becomes.</summary>
public sealed class DispensingRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    /// <summary>Noon in Vietnam (UTC+7) on the given day.</summary>
    private static DateTime SignedOn(DateOnly day) => day.ToDateTime(new TimeOnly(5, 0), DateTimeKind.Utc);

    [Theory]
    [InlineData(0, null)]
    [InlineData(5, null)]
    [InlineData(6, "quá 5 ngày")]
    public void A_prescription_is_filled_within_5_days_of_signing(int daysAgo, string? refusal)
    {
        var message = DispensingRules.Refusal(PrescriptionStatus.Signed, false, SignedOn(Today.AddDays(-daysAgo)), DispensingStatus.NotDispensed, Today);
        if (refusal is null) Assert.Null(message);
        else Assert.Contains(refusal, message);
    }

    [Theory]
    [InlineData(PrescriptionStatus.Draft, false, DispensingStatus.NotDispensed, "chưa được bác sĩ ký")]
    [InlineData(PrescriptionStatus.Cancelled, false, DispensingStatus.NotDispensed, "đã bị hủy")]
    [InlineData(PrescriptionStatus.Signed, true, DispensingStatus.NotDispensed, "đã bị hủy")]
    [InlineData(PrescriptionStatus.Signed, false, DispensingStatus.Complete, "đã cấp phát đủ")]
    [InlineData(PrescriptionStatus.Signed, false, DispensingStatus.Closed, "kết thúc cấp phát")]
    [InlineData(PrescriptionStatus.Signed, false, DispensingStatus.Partial, null)]
    public void Only_a_signed_prescription_with_something_pending_is_dispensed(PrescriptionStatus status, bool voided, DispensingStatus dispensing, string? refusal)
    {
        var message = DispensingRules.Refusal(status, voided, SignedOn(Today), dispensing, Today);
        if (refusal is null) Assert.Null(message);
        else Assert.Contains(refusal, message);
    }

    [Theory]
    [InlineData(PrescriptionForm.Ordinary, null, null, null)]
    [InlineData(PrescriptionForm.Herbal, null, null, null)]
    [InlineData(PrescriptionForm.Narcotic, null, "001085012345", "họ tên người nhận")]
    [InlineData(PrescriptionForm.Psychotropic, "Trần Văn B", null, "số CCCD")]
    [InlineData(PrescriptionForm.Psychotropic, "Trần Văn B", "12345", "không hợp lệ")]
    [InlineData(PrescriptionForm.Psychotropic, "Trần Văn B", "001085012345", null)]
    [InlineData(PrescriptionForm.Narcotic, "Trần Văn B", "123456789", null)]
    [InlineData(PrescriptionForm.Narcotic, "John Smith", "c1234567", null)]
    public void Narcotic_and_psychotropic_forms_need_a_named_receiver_with_an_id(PrescriptionForm form, string? name, string? id, string? refusal)
    {
        var message = DispensingRules.ReceiverRefusal(form, name, id);
        if (refusal is null) Assert.Null(message);
        else Assert.Contains(refusal, message);
    }

    [Theory]
    [InlineData("10/0 5/0", DispensingStatus.NotDispensed)]
    [InlineData("10/4 5/0", DispensingStatus.Partial)]
    [InlineData("10/10 5/2", DispensingStatus.Partial)]
    [InlineData("10/10 5/5", DispensingStatus.Complete)]
    public void The_status_follows_what_was_handed_out(string lines, DispensingStatus expected)
    {
        var parsed = lines.Split(' ').Select(l => l.Split('/')).Select(p => (decimal.Parse(p[0]), decimal.Parse(p[1])));
        Assert.Equal(expected, DispensingRules.StatusOf(parsed));
    }
}
