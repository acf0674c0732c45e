using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Insurance;

/// <summary>
/// One card lookup against the BHXH portal (KQNhanLichSuKCB2024, bhyt-claims.md §6), kept with
/// the raw reply: the portal keeps no history we can read back, and the reply (validity, 5-year
/// date, visit history) is evidence for the claim. <see cref="ResultCode"/> is null while the
/// portal could not be reached.
/// </summary>
public class BhytCardCheck
{
    public long Id { get; set; }
    public int PatientId { get; set; }
    public int? VisitId { get; set; }
    public string CardNumber { get; set; } = "";
    public DateTime RequestedAt { get; set; }
    public string RequestedBy { get; set; } = "";
    public DateTime? AnsweredAt { get; set; }
    /// <summary>maKetQua: "000" valid, "010" expired, "051" wrong code... </summary>
    public string? ResultCode { get; set; }
    public string? Message { get; set; }
    public string? RawResponse { get; set; }
}

internal sealed class BhytCardCheckConfiguration : IEntityTypeConfiguration<BhytCardCheck>
{
    public void Configure(EntityTypeBuilder<BhytCardCheck> b)
    {
        b.ToTable("bhyt_card_checks");
        b.HasIndex(x => x.PatientId);
        b.HasIndex(x => x.VisitId);
        b.Property(x => x.CardNumber).HasMaxLength(15);
        b.Property(x => x.RequestedBy).HasMaxLength(256);
        b.Property(x => x.ResultCode).HasMaxLength(10);
        b.Property(x => x.Message).HasMaxLength(1000);
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Visit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
    }
}
