using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Insurance.Claims;

/// <summary>
/// Every attempt to send a claim version to the portal and what came back (bhyt-claims.md §6:
/// the portal looks back only 60 days, so the hospital keeps its own receipts): maKetQua,
/// maGiaoDich, thoiGianTiepNhan, thongDiep and the raw reply, or the network error of a failed try.
/// </summary>
public class ClaimSubmission
{
    public long Id { get; set; }
    public long ClaimId { get; set; }
    public DateTime AttemptedAt { get; set; }
    public string? ResultCode { get; set; }
    public string? TransactionCode { get; set; }
    /// <summary>thoiGianTiepNhan as the portal wrote it (yyyyMMddHHmmss).</summary>
    public string? ReceivedAt { get; set; }
    public string? Message { get; set; }
    public string? RawReply { get; set; }
    /// <summary>Set when the portal could not be reached (the outbox tries again).</summary>
    public string? Error { get; set; }
}

internal sealed class ClaimSubmissionConfiguration : IEntityTypeConfiguration<ClaimSubmission>
{
    public void Configure(EntityTypeBuilder<ClaimSubmission> b)
    {
        b.HasIndex(x => x.ClaimId);
        b.Property(x => x.ResultCode).HasMaxLength(20);
        b.Property(x => x.TransactionCode).HasMaxLength(100);
        b.Property(x => x.ReceivedAt).HasMaxLength(20);
        b.Property(x => x.Message).HasMaxLength(2000);
        b.Property(x => x.Error).HasMaxLength(2000);
        b.HasOne<Claim>().WithMany().HasForeignKey(x => x.ClaimId).OnDelete(DeleteBehavior.Restrict);
    }
}
