using Hospital.Domain.Billing;
using Hospital.Domain.Data;
using Hospital.Domain.Visits;
using Hospital.Web.Features.Billing;
using Hospital.Web.Features.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hospital.Web.Features.Cashier;

/// <summary>The outcome of a counter action: the payment, or a Vietnamese reason and nothing stored.</summary>
public sealed record CounterResult(Payment? Payment, string? Error)
{
    public static CounterResult Fail(string error) => new(null, error);
}

/// <summary>
/// The counter's money movements for a visit. Cash completes at once with a receipt number;
/// VietQR waits (<see cref="PaymentStatus.AwaitingTransfer"/>) with a unique transfer reference
/// until the cashier sees the money on the account and confirms, which takes the number then.
/// Each action is one transaction; after money comes in the claim may become ready
/// (<see cref="ClaimPreparation.WhenReadyAsync"/>).
/// </summary>
public sealed class CashierDesk(
    HospitalDbContext db, VisitAccount account, ReceiptNumbers receipts, CashierShifts shifts, ClaimPreparation claims,
    IOptions<CashierOptions> options, TimeProvider clock)
{
    public async Task<CounterResult> TakeAsync(int visitId, PaymentKind kind, PaymentMethod method, string? amountText, string cashier, CancellationToken ct = default)
    {
        if (CounterAmounts.Parse(amountText, out var parseError) is not { } amount) return CounterResult.Fail(parseError!);
        var visit = await db.Set<Visit>().AsNoTracking().SingleOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null) return CounterResult.Fail($"Không có lượt khám {visitId}.");
        if (visit.VoidedAt is not null && kind != PaymentKind.Refund) return CounterResult.Fail($"Lượt khám {visit.Code} đã hủy: chỉ có thể hoàn tiền.");
        if (kind == PaymentKind.Refund && method != PaymentMethod.Cash) return CounterResult.Fail("Hoàn tiền chỉ bằng tiền mặt tại quầy.");
        if (method == PaymentMethod.VietQr && VietQrPayload.Problem(options.Value.Account, amount, "VP0") is { } qrProblem)
            return CounterResult.Fail("Chưa thu được bằng VietQR: " + qrProblem);
        var balance = await account.BalanceAsync(visitId, ct);
        if (CounterAmounts.Problem(kind, amount, balance!) is { } problem) return CounterResult.Fail(problem);

        var result = await InTransactionAsync(async token =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var payment = new Payment
            {
                VisitId = visitId, Kind = kind, Method = method, Amount = amount, CreatedBy = cashier, CreatedAt = now,
                Status = method == PaymentMethod.Cash ? PaymentStatus.Completed : PaymentStatus.AwaitingTransfer,
            };
            if (payment.Status == PaymentStatus.Completed)
            {
                var (number, error) = await receipts.TakeAsync(cashier, token);
                if (number is null) return CounterResult.Fail(error!);
                ReceiptNumbers.Stamp(payment, number);
                payment.CompletedAt = now;
                payment.ConfirmedBy = cashier;
            }
            var shift = await shifts.OpenAsync(cashier, token);
            if (shift.Id == 0) await db.SaveChangesAsync(token);
            payment.ShiftId = shift.Id;
            db.Add(payment);
            await db.SaveChangesAsync(token);
            if (method == PaymentMethod.VietQr)
            {
                // The reference carries the payment's id, known only after the insert.
                payment.TransferReference = VietQrPayload.Reference(payment.Id, visit.Code);
                await db.SaveChangesAsync(token);
            }
            return new CounterResult(payment, null);
        }, ct);
        if (result.Payment is { Status: PaymentStatus.Completed }) await claims.WhenReadyAsync(visitId, cashier, ct);
        return result;
    }

    /// <summary>The cashier saw the transfer on the account: the payment completes and takes its receipt number.</summary>
    public async Task<CounterResult> ConfirmTransferAsync(long paymentId, string cashier, CancellationToken ct = default)
    {
        var result = await InTransactionAsync(async token =>
        {
            // Lock the waiting row first: a second counter confirming the same transfer waits here,
            // then finds it no longer waiting, so one transfer never gets two receipt numbers.
            await db.Set<Payment>().Where(p => p.Id == paymentId && p.Status == PaymentStatus.AwaitingTransfer)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PaymentStatus.AwaitingTransfer), token);
            var payment = await db.Set<Payment>().SingleOrDefaultAsync(p => p.Id == paymentId, token);
            if (payment is null) return CounterResult.Fail("Không tìm thấy giao dịch.");
            if (payment.Status != PaymentStatus.AwaitingTransfer)
                return CounterResult.Fail(payment.Status == PaymentStatus.Completed ? "Giao dịch này đã xác nhận trước đó." : "Mã VietQR này đã hủy.");
            var (number, error) = await receipts.TakeAsync(cashier, token);
            if (number is null) return CounterResult.Fail(error!);
            ReceiptNumbers.Stamp(payment, number);
            payment.Status = PaymentStatus.Completed;
            payment.CompletedAt = clock.GetUtcNow().UtcDateTime;
            payment.ConfirmedBy = cashier;
            await db.SaveChangesAsync(token);
            return new CounterResult(payment, null);
        }, ct);
        if (result.Payment is { } done) await claims.WhenReadyAsync(done.VisitId, cashier, ct);
        return result;
    }

    /// <summary>The patient did not pay the QR code: it is voided at once (no money moved, so no second approval is needed).</summary>
    public async Task<CounterResult> CancelTransferAsync(long paymentId, string cashier, CancellationToken ct = default)
    {
        var payment = await db.Set<Payment>().SingleOrDefaultAsync(p => p.Id == paymentId, ct);
        if (payment is null) return CounterResult.Fail("Không tìm thấy giao dịch.");
        if (payment.Status != PaymentStatus.AwaitingTransfer) return CounterResult.Fail("Chỉ hủy được mã VietQR chưa thanh toán.");
        var now = clock.GetUtcNow().UtcDateTime;
        payment.Status = PaymentStatus.Voided;
        payment.VoidReason = "Hủy mã VietQR chưa thanh toán";
        payment.VoidRequestedAt = now;
        payment.VoidedBy = cashier;
        payment.VoidedAt = now;
        await db.SaveChangesAsync(ct);
        return new CounterResult(payment, null);
    }

    /// <summary>
    /// One transaction under the provider's execution strategy: committed when the work succeeds,
    /// rolled back (giving a taken receipt number back) when it returns a reason; a failed attempt
    /// forgets its tracked rows so a retry starts clean.
    /// </summary>
    private Task<CounterResult> InTransactionAsync(Func<CancellationToken, Task<CounterResult>> work, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(token);
                var result = await work(token);
                if (result.Error is null) await tx.CommitAsync(token);
                else await tx.RollbackAsync(token);
                return result;
            }
            catch
            {
                db.ChangeTracker.Clear();
                throw;
            }
        }, ct);
}
