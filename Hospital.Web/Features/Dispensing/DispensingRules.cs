using System.Text.RegularExpressions;
using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Pharmacy;

namespace Hospital.Web.Features.Dispensing;

/// <summary>A drug of the prescription still to hand out, for <see cref="DispensingRules.Plan"/>.</summary>
public sealed record PendingLine(int LineId, int DrugId, decimal Pending);

/// <summary>A lot of a drug as the store holds it, for <see cref="DispensingRules.Plan"/>.</summary>
public sealed record StoreLot(int DrugId, LotOnHand Lot);

/// <summary>The rules of handing out a signed prescription (TT 26/2025, TT 20/2017, GSP TT 36/2018), as pure functions.</summary>
public static partial class DispensingRules
{
    /// <summary>TT 26/2025: a prescription is filled within 5 days of the day it was written (signed).</summary>
    public const int ValidDays = 5;

    public static DateOnly LastDay(DateOnly signedDay) => signedDay.AddDays(ValidDays);

    /// <summary>Why the prescription cannot be dispensed now, or null when it can.</summary>
    public static string? Refusal(PrescriptionStatus status, bool voided, DateTime? signedAt, DispensingStatus dispensing, DateOnly today)
    {
        if (voided || status == PrescriptionStatus.Cancelled) return "Đơn thuốc đã bị hủy (thay bằng đơn khác): không cấp phát.";
        if (status != PrescriptionStatus.Signed || signedAt is null) return "Đơn thuốc chưa được bác sĩ ký: không cấp phát.";
        if (dispensing == DispensingStatus.Complete) return "Đơn thuốc đã cấp phát đủ.";
        if (dispensing == DispensingStatus.Closed) return "Đơn thuốc đã kết thúc cấp phát (phần còn lại đã đóng).";
        var signed = VietnamCalendar.DateOf(signedAt.Value);
        if (today > LastDay(signed))
            return $"Đơn thuốc kê ngày {signed:dd/MM/yyyy} đã quá {ValidDays} ngày (TT 26/2025: mua, lĩnh thuốc trong 5 ngày kể từ ngày kê): không cấp phát.";
        return null;
    }

    /// <summary>TT 20/2017 Đ41, TT 26/2025 PL II/III: narcotic and psychotropic (incl. precursor) forms are handed only to a named person with an identity number.</summary>
    public static bool NeedsReceiver(PrescriptionForm form) => form is PrescriptionForm.Narcotic or PrescriptionForm.Psychotropic;

    /// <summary>Căn cước/CCCD (12 digits), old CMND (9 digits) or a passport number (1–2 letters, 7–8 digits).</summary>
    [GeneratedRegex(@"^(\d{12}|\d{9}|[A-Z]{1,2}\d{7,8})$")]
    private static partial Regex IdNumber();

    public static string? ReceiverRefusal(PrescriptionForm form, string? name, string? idNumber)
    {
        if (!NeedsReceiver(form)) return null;
        if (string.IsNullOrWhiteSpace(name)) return "Đơn thuốc gây nghiện / hướng thần: nhập họ tên người nhận thuốc.";
        if (string.IsNullOrWhiteSpace(idNumber)) return "Đơn thuốc gây nghiện / hướng thần: nhập số CCCD / định danh của người nhận thuốc.";
        if (!IdNumber().IsMatch(idNumber.Trim().ToUpperInvariant()))
            return "Số CCCD / định danh của người nhận không hợp lệ (12 chữ số CCCD, 9 chữ số CMND hoặc số hộ chiếu).";
        return null;
    }

    /// <summary>Complete when every line has had its prescribed quantity, Partial when some was handed out, else NotDispensed.</summary>
    public static DispensingStatus StatusOf(IEnumerable<(decimal Prescribed, decimal Dispensed)> lines)
    {
        var list = lines.ToList();
        if (list.All(l => l.Dispensed >= l.Prescribed)) return DispensingStatus.Complete;
        return list.Any(l => l.Dispensed > 0) ? DispensingStatus.Partial : DispensingStatus.NotDispensed;
    }

    /// <summary>
    /// FEFO for a whole prescription: each line in turn over what the store holds, lines of the
    /// same drug sharing its lots (what an earlier line took is no longer there for the next).
    /// </summary>
    public static IReadOnlyDictionary<int, FefoResult> Plan(IEnumerable<PendingLine> lines, IEnumerable<StoreLot> lots, DateOnly today)
    {
        var left = lots.GroupBy(l => l.DrugId).ToDictionary(g => g.Key, g => g.Select(l => l.Lot).ToList());
        var plan = new Dictionary<int, FefoResult>();
        foreach (var line in lines)
        {
            var available = left.GetValueOrDefault(line.DrugId) ?? [];
            var result = FefoAllocation.Allocate(available, Math.Max(0, line.Pending), today);
            plan[line.LineId] = result;
            left[line.DrugId] = available.Select(l => result.Lots.FirstOrDefault(a => a.LotId == l.LotId) is { } taken
                ? l with { OnHand = l.OnHand - taken.Quantity } : l).ToList();
        }
        return plan;
    }
}
