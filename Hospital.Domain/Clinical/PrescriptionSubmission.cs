using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Clinical;

/// <summary>
/// One attempt to send a prescription to the national e-prescription system, failed ones
/// included: the request as sent, the reply as received and when (vn-emr-rx.md §3.3 "store
/// request, response and timestamps"), so a disputed submission can be shown to the operator.
/// </summary>
public class PrescriptionSubmission
{
    public long Id { get; set; }
    public int PrescriptionId { get; set; }
    public DateTime AttemptedAt { get; set; }
    public bool Accepted { get; set; }
    public int? HttpStatus { get; set; }
    public string? Request { get; set; }
    public string? RawReply { get; set; }
    /// <summary>The receipt or the refusal in the system's words.</summary>
    public string? Message { get; set; }
    /// <summary>Set when the system could not be reached (the outbox tries again).</summary>
    public string? Error { get; set; }
}

internal sealed class PrescriptionSubmissionConfiguration : IEntityTypeConfiguration<PrescriptionSubmission>
{
    public void Configure(EntityTypeBuilder<PrescriptionSubmission> b)
    {
        b.HasIndex(x => x.PrescriptionId);
        b.Property(x => x.Message).HasMaxLength(2000);
        b.Property(x => x.Error).HasMaxLength(2000);
        b.HasOne<Prescription>().WithMany().HasForeignKey(x => x.PrescriptionId).OnDelete(DeleteBehavior.Restrict);
    }
}
