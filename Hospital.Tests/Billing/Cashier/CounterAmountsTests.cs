using Hospital.Domain.Billing;
using Hospital.Web.Features.Billing;
using Hospital.Web.Features.Cashier;

namespace Hospital.Tests.Billing.Cashier;

/// <summary>What the counter may take or hand back, and how it reads an amount typed by a cashier.</summary>
public sealed class CounterAmountsTests
{
    [Theory]
    [InlineData("180.000", 180_000)]
    [InlineData("180,000", 180_000)]
    [InlineData(" 1 050 000 ", 1_050_000)]
    [InlineData("38700", 38_700)]
    public void Reads_typed_amounts(string text, decimal expected)
    {
        Assert.Equal(expected, CounterAmounts.Parse(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("", "Nhập số tiền")]
    [InlineData("12a", "đồng nguyên")]
    [InlineData("-5", "đồng nguyên")]
    [InlineData("0", "lớn hơn 0")]
    [InlineData("99999999999", "quá lớn")]
    public void Refuses_bad_amounts(string text, string says)
    {
        Assert.Null(CounterAmounts.Parse(text, out var error));
        Assert.Contains(says, error);
    }

    // Share 62,540.40 (a co-payment with cents): the counter collects 62,541 and a deposit of 100,000 leaves 37,459 refundable.
    public static TheoryData<string, PaymentKind, decimal, decimal, decimal, string?> Cases => new()
    {
        { "pay exactly the due, rounded up", PaymentKind.Payment, 62_541, 62_540.40m, 0, null },
        { "pay part of it", PaymentKind.Payment, 20_000, 62_540.40m, 0, null },
        { "pay more than due", PaymentKind.Payment, 62_542, 62_540.40m, 0, "vượt số còn phải trả (62.541 đồng)" },
        { "nothing due", PaymentKind.Payment, 1, 62_540.40m, 62_541, "không còn khoản nào" },
        { "deposit any amount", PaymentKind.Deposit, 5_000_000, 62_540.40m, 0, null },
        { "refund what was over-paid", PaymentKind.Refund, 37_459, 62_540.40m, 100_000, null },
        { "refund beyond the over-payment", PaymentKind.Refund, 37_460, 62_540.40m, 100_000, "tối đa 37.459 đồng" },
        { "refund with nothing over-paid", PaymentKind.Refund, 1, 62_540.40m, 62_000, "Không có khoản nào để hoàn" },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Limits_by_kind(string _, PaymentKind kind, decimal amount, decimal share, decimal paid, string? says)
    {
        var balance = new VisitBalance(1, share, paid, 0);
        var problem = CounterAmounts.Problem(kind, amount, balance);
        if (says is null) Assert.Null(problem);
        else Assert.Contains(says, problem);
    }
}
