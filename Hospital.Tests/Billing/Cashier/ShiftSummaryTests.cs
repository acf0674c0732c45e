using Hospital.Domain.Billing;
using Hospital.Web.Features.Cashier;

namespace Hospital.Tests.Billing.Cashier;

/// <summary>The close report's sums: what should be in the drawer and what should be on the bank statement.</summary>
public sealed class ShiftSummaryTests
{
    [Fact]
    public void Sums_by_kind_and_method_and_counts_only_completed_money()
    {
        ShiftTransaction T(PaymentKind k, PaymentMethod m, decimal a, PaymentStatus s = PaymentStatus.Completed) => new(k, m, s, a);
        var summary = ShiftSummary.Of(
        [
            T(PaymentKind.Payment, PaymentMethod.Cash, 38_700),
            T(PaymentKind.Payment, PaymentMethod.Cash, 120_000),
            T(PaymentKind.Payment, PaymentMethod.VietQr, 62_541),
            T(PaymentKind.Deposit, PaymentMethod.Cash, 500_000),
            T(PaymentKind.Refund, PaymentMethod.Cash, 61_300),
            T(PaymentKind.Payment, PaymentMethod.Cash, 999_000, PaymentStatus.Voided),       // approved void: not in the drawer
            T(PaymentKind.Payment, PaymentMethod.VietQr, 50_000, PaymentStatus.AwaitingTransfer), // never paid
        ]);
        Assert.Equal(
        [
            new ShiftLine(PaymentKind.Payment, PaymentMethod.Cash, 2, 158_700),
            new ShiftLine(PaymentKind.Payment, PaymentMethod.VietQr, 1, 62_541),
            new ShiftLine(PaymentKind.Deposit, PaymentMethod.Cash, 1, 500_000),
            new ShiftLine(PaymentKind.Refund, PaymentMethod.Cash, 1, 61_300),
        ], summary.Lines);
        Assert.Equal(158_700 + 500_000 - 61_300, summary.ExpectedCash);
        Assert.Equal(62_541, summary.Transfers);
        Assert.Equal(1, summary.Voided);
        Assert.Equal(1, summary.Unpaid);
        Assert.Equal(-400, summary.Difference(597_000));   // 400 đồng missing from the drawer
        Assert.Null(summary.Difference(null));
    }
}
