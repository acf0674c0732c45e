using System.Globalization;
using Hospital.Domain.Billing;
using Hospital.Web.Features.Billing;

namespace Hospital.Web.Features.Cashier;

/// <summary>
/// What the counter may take or hand back for a visit, in whole đồng (no coin below 1 đồng is in
/// circulation and the VietQR amount, tag 54, carries no decimals):
/// <list type="bullet">
/// <item>a payment: at most what is still due, rounded up to the đồng;</item>
/// <item>a deposit (tạm ứng): any amount, taken before the costs are known;</item>
/// <item>a refund: at most what was paid beyond the patient's share, rounded down to the đồng.</item>
/// </list>
/// </summary>
public static class CounterAmounts
{
    public const decimal Largest = 10_000_000_000m;

    /// <summary>The most a payment may collect now.</summary>
    public static decimal Collectable(VisitBalance b) => b.Due > 0 ? decimal.Ceiling(b.Due) : 0;

    /// <summary>The most a refund may hand back now.</summary>
    public static decimal Refundable(VisitBalance b) => b.Due < 0 ? decimal.Floor(-b.Due) : 0;

    /// <summary>
    /// Reads an amount as typed at the counter: digits with optional thousands separators
    /// ("180.000", "180,000", "180 000"). Null with a Vietnamese reason when it is not a whole number of đồng.
    /// </summary>
    public static decimal? Parse(string? text, out string? error)
    {
        error = null;
        var digits = (text ?? "").Trim().Replace(" ", "").Replace("\u00a0", "").Replace(".", "").Replace(",", "");
        if (digits.Length == 0) { error = "Nhập số tiền."; return null; }
        if (!digits.All(char.IsAsciiDigit) || !decimal.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            error = "Số tiền phải là số đồng nguyên, ví dụ 180.000.";
            return null;
        }
        if (amount <= 0) { error = "Số tiền phải lớn hơn 0."; return null; }
        if (amount > Largest) { error = "Số tiền quá lớn."; return null; }
        return amount;
    }

    /// <summary>Why <paramref name="amount"/> cannot be taken as <paramref name="kind"/> for the visit, or null when it can.</summary>
    public static string? Problem(PaymentKind kind, decimal amount, VisitBalance b) => kind switch
    {
        PaymentKind.Payment when Collectable(b) == 0 => "Người bệnh không còn khoản nào phải trả.",
        PaymentKind.Payment when amount > Collectable(b) =>
            $"Số tiền thu vượt số còn phải trả ({Money(Collectable(b))} đồng). Thu trước khi có chi phí thì dùng tạm ứng.",
        PaymentKind.Refund when Refundable(b) == 0 => "Không có khoản nào để hoàn: người bệnh chưa nộp quá số phải trả.",
        PaymentKind.Refund when amount > Refundable(b) =>
            $"Chỉ hoàn được tối đa {Money(Refundable(b))} đồng (số đã nộp vượt số phải trả).",
        _ => null,
    };

    public static string Money(decimal amount) => amount.ToString("#,##0", CultureInfo.GetCultureInfo("vi-VN"));
}
