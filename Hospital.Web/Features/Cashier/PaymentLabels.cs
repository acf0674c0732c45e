using Hospital.Domain.Billing;

namespace Hospital.Web.Features.Cashier;

/// <summary>Vietnamese words for a payment's kind, method and state (keys of the resource file).</summary>
public static class PaymentLabels
{
    public static string Kind(PaymentKind kind) => kind switch
    {
        PaymentKind.Deposit => "tạm ứng",
        PaymentKind.Refund => "hoàn tiền",
        _ => "thu tiền",
    };

    public static string Method(PaymentMethod method) => method == PaymentMethod.VietQr ? "VietQR" : "Tiền mặt";

    public static string Status(PaymentStatus status) => status switch
    {
        PaymentStatus.AwaitingTransfer => "Chờ chuyển khoản",
        PaymentStatus.Voided => "Đã hủy",
        _ => "Đã thu",
    };

    public static string StatusCss(PaymentStatus status) => status switch
    {
        PaymentStatus.AwaitingTransfer => "text-bg-warning",
        PaymentStatus.Voided => "text-bg-secondary",
        _ => "text-bg-success",
    };
}
