using Hospital.Domain.Billing;

namespace Hospital.Web.Features.Cashier;

/// <summary>One row of a shift's close report: the completed transactions of one kind and method.</summary>
public sealed record ShiftLine(PaymentKind Kind, PaymentMethod Method, int Count, decimal Total);

/// <summary>The transaction facts a shift report needs.</summary>
public sealed record ShiftTransaction(PaymentKind Kind, PaymentMethod Method, PaymentStatus Status, decimal Amount);

/// <summary>
/// The close report of a cashier's shift (báo cáo kết ca): completed transactions by kind and
/// method; the cash that should be in the drawer (cash payments and deposits in, cash refunds out);
/// the transfers to find on the bank statement; the difference from the cash counted. Voided
/// transactions and QR codes never paid do not count; they are listed by number only.
/// </summary>
public sealed record ShiftSummary(IReadOnlyList<ShiftLine> Lines, decimal ExpectedCash, decimal Transfers, int Voided, int Unpaid)
{
    public static ShiftSummary Of(IEnumerable<ShiftTransaction> transactions)
    {
        var all = transactions.ToList();
        var done = all.Where(t => t.Status == PaymentStatus.Completed).ToList();
        var lines = done.GroupBy(t => (t.Kind, t.Method)).OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Method)
            .Select(g => new ShiftLine(g.Key.Kind, g.Key.Method, g.Count(), g.Sum(t => t.Amount))).ToList();
        decimal Net(PaymentMethod m) => done.Where(t => t.Method == m).Sum(t => t.Kind == PaymentKind.Refund ? -t.Amount : t.Amount);
        return new ShiftSummary(lines, Net(PaymentMethod.Cash), Net(PaymentMethod.VietQr),
            all.Count(t => t.Status == PaymentStatus.Voided), all.Count(t => t.Status == PaymentStatus.AwaitingTransfer));
    }

    /// <summary>Counted minus expected: positive = more cash than the records (thừa), negative = missing (thiếu).</summary>
    public decimal? Difference(decimal? counted) => counted - ExpectedCash;
}
