using Hospital.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Billing;

/// <summary>What a cashier's transaction is: the patient paying their share, a deposit (tạm ứng), or money handed back.</summary>
public enum PaymentKind { Payment = 1, Deposit = 2, Refund = 3 }

public enum PaymentMethod { Cash = 1, VietQr = 2 }

/// <summary>
/// A VietQR transaction waits for the cashier to confirm the transfer arrived; cash completes at once.
/// Only a completed transaction has a receipt number and counts in the visit's balance.
/// </summary>
public enum PaymentStatus { AwaitingTransfer = 1, Completed = 2, Voided = 9 }

/// <summary>
/// One cashier transaction of a visit (phiếu thu / phiếu hoàn). Never deleted: a mistaken one is
/// voided, which needs a reason from the cashier and a second user's approval
/// (<see cref="VoidRequestedBy"/> ≠ <see cref="VoidedBy"/>). The receipt number is taken from the
/// cashier's active <see cref="ReceiptBook"/> when the money is in.
/// </summary>
public class Payment
{
    public long Id { get; set; }
    public int VisitId { get; set; }
    public Visit? Visit { get; set; }
    public PaymentKind Kind { get; set; }
    public PaymentMethod Method { get; set; }
    public PaymentStatus Status { get; set; }
    /// <summary>Always positive; <see cref="Kind"/> says which way the money went.</summary>
    public decimal Amount { get; set; }
    /// <summary>The bill reference carried in the VietQR (tag 62.08) and matched on the bank statement.</summary>
    public string? TransferReference { get; set; }
    public int? ReceiptBookId { get; set; }
    /// <summary>Ký hiệu of the book, copied so a reprint never changes.</summary>
    public string? ReceiptSeries { get; set; }
    public int? ReceiptNumber { get; set; }
    public long? ShiftId { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string? ConfirmedBy { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? Note { get; set; }

    public string? VoidRequestedBy { get; set; }
    public DateTime? VoidRequestedAt { get; set; }
    public string? VoidReason { get; set; }
    /// <summary>The approving user; a void takes effect only with their approval.</summary>
    public string? VoidedBy { get; set; }
    public DateTime? VoidedAt { get; set; }

    /// <summary>The amount's effect on what the patient still owes: payments and deposits lower it, refunds raise it.</summary>
    public decimal SignedAmount => Status != PaymentStatus.Completed ? 0 : Kind == PaymentKind.Refund ? -Amount : Amount;
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.HasIndex(x => x.VisitId);
        b.HasIndex(x => new { x.CreatedBy, x.CreatedAt });
        b.HasIndex(x => new { x.ReceiptSeries, x.ReceiptNumber }).IsUnique();
        b.HasIndex(x => x.TransferReference).IsUnique();
        b.Property(x => x.Kind).HasConversion<int>();
        b.Property(x => x.Method).HasConversion<int>();
        b.Property(x => x.Status).HasConversion<int>();
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.TransferReference).HasMaxLength(25);
        b.Property(x => x.ReceiptSeries).HasMaxLength(20);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.ConfirmedBy).HasMaxLength(256);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.VoidRequestedBy).HasMaxLength(256);
        b.Property(x => x.VoidReason).HasMaxLength(500);
        b.Property(x => x.VoidedBy).HasMaxLength(256);
        b.Ignore(x => x.SignedAmount);
        b.HasOne(x => x.Visit).WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ReceiptBook>().WithMany().HasForeignKey(x => x.ReceiptBookId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CashierShift>().WithMany().HasForeignKey(x => x.ShiftId).OnDelete(DeleteBehavior.Restrict);
    }
}
