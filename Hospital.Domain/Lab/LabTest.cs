using Hospital.Domain.Catalog;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Lab;

/// <summary>How a result of a test is written: a number with a unit, free text, or one of a list of values.</summary>
public enum LabResultType { Numeric = 1, Text = 2, Coded = 3 }

/// <summary>
/// One lab test of the LIS catalog (chỉ số xét nghiệm): what an analyser measures and a report
/// prints on its own line, e.g. WBC or glucose. Doctors order <see cref="MedicalService"/>s, which
/// expand to tests through <see cref="LabServiceTest"/> (a blood count is one service of ~20
/// tests); the test's code is the one results carry back (<c>ServiceResult.TestCode</c>).
/// </summary>
public class LabTest
{
    public int Id { get; set; }
    /// <summary>Our code (e.g. HH-WBC), stable: results, code maps and integrations refer to it.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The abbreviation printed on labels and reports (WBC, HGB, GLU).</summary>
    public string? ShortName { get; set; }
    /// <summary>Section of the lab (Huyết học, Sinh hóa…), for worklists and report grouping.</summary>
    public string? Section { get; set; }
    public SpecimenType SpecimenType { get; set; }
    public string? Unit { get; set; }
    /// <summary>Decimals shown and printed for numeric results.</summary>
    public int Decimals { get; set; }
    public LabResultType ResultType { get; set; } = LabResultType.Numeric;
    /// <summary>Allowed values of a coded result, separated by ';' (e.g. "Âm tính;Dương tính").</summary>
    public string? CodedValues { get; set; }
    public string? Loinc { get; set; }
    public int Position { get; set; }
    public bool IsActive { get; set; } = true;
    public List<LabReferenceRange> Ranges { get; set; } = [];
}

internal sealed class LabTestConfiguration : IEntityTypeConfiguration<LabTest>
{
    public void Configure(EntityTypeBuilder<LabTest> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(30);
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.ShortName).HasMaxLength(30);
        b.Property(x => x.Section).HasMaxLength(100);
        b.Property(x => x.SpecimenType).HasConversion<int>();
        b.Property(x => x.Unit).HasMaxLength(30);
        b.Property(x => x.ResultType).HasConversion<int>();
        b.Property(x => x.CodedValues).HasMaxLength(500);
        b.Property(x => x.Loinc).HasMaxLength(20);
        b.HasMany(x => x.Ranges).WithOne().HasForeignKey(x => x.LabTestId).OnDelete(DeleteBehavior.Cascade);
    }
}
