using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Lab;

/// <summary>
/// One line of an analyser's code map: the code the instrument uses for a test (Sysmex "WBC",
/// cobas "687") and our <see cref="LabTest"/>. Results are matched, and worklists sent, only through
/// this map, scoped to the analyser: the same instrument code means different tests on different
/// analysers (a mis-scoped map once reported ferritin as FT3, lis-protocols.md §5).
/// <see cref="Analyser"/> is the analyser's configured name (<c>Lis:Analysers:N:Name</c>).
/// </summary>
public class AnalyserTestCode
{
    public int Id { get; set; }
    public string Analyser { get; set; } = "";
    public string AnalyserCode { get; set; } = "";
    public int LabTestId { get; set; }
    public LabTest? LabTest { get; set; }
}

internal sealed class AnalyserTestCodeConfiguration : IEntityTypeConfiguration<AnalyserTestCode>
{
    public void Configure(EntityTypeBuilder<AnalyserTestCode> b)
    {
        b.HasIndex(x => new { x.Analyser, x.AnalyserCode }).IsUnique();
        b.HasIndex(x => x.LabTestId);
        b.Property(x => x.Analyser).HasMaxLength(100);
        b.Property(x => x.AnalyserCode).HasMaxLength(50);
        b.HasOne(x => x.LabTest).WithMany().HasForeignKey(x => x.LabTestId).OnDelete(DeleteBehavior.Restrict);
    }
}
