using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Clinical;

/// <summary>
/// A signed addition to a concluded exam record (bổ sung hồ sơ): the only way to change what a
/// locked record says. Each one is signed as a new version of the exam-record document that
/// names its reason; the earlier versions stay retrievable.
/// </summary>
public class ExamAddendum
{
    public int Id { get; set; }
    public int ExamRecordId { get; set; }
    public ExamRecord? ExamRecord { get; set; }
    public string Text { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    /// <summary>The signed document version that carries this addendum.</summary>
    public long? DocumentId { get; set; }
}

internal sealed class ExamAddendumConfiguration : IEntityTypeConfiguration<ExamAddendum>
{
    public void Configure(EntityTypeBuilder<ExamAddendum> b)
    {
        b.ToTable("exam_addenda");
        b.HasIndex(x => x.ExamRecordId);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasOne(x => x.ExamRecord).WithMany().HasForeignKey(x => x.ExamRecordId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ClinicalDocument>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}
