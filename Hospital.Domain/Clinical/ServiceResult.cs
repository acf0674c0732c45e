using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Clinical;

/// <summary>H/L/critical flag of a result value against its reference range.</summary>
public enum ResultFlag { None = 0, Low = 1, High = 2, CriticalLow = 3, CriticalHigh = 4, Abnormal = 5 }

/// <summary>
/// One released result value of a lab order (one row per test of a panel, e.g. WBC of a blood
/// count). The LIS writes these when a technician validates and releases a result; the EMR only
/// reads them. A rerun that replaces a released value voids nothing here: the LIS writes a new
/// row and sets <see cref="SupersededAt"/> on the old one, so the history stays.
/// </summary>
public class ServiceResult
{
    public long Id { get; set; }
    public long ServiceOrderId { get; set; }
    public ServiceOrder? ServiceOrder { get; set; }
    public int PatientId { get; set; }
    /// <summary>Our test code (the LIS catalog's) and its name as printed.</summary>
    public string TestCode { get; set; } = "";
    public string TestName { get; set; } = "";
    public string Value { get; set; } = "";
    public string? Unit { get; set; }
    public string? ReferenceRange { get; set; }
    public ResultFlag Flag { get; set; }
    public DateTime ResultedAt { get; set; }
    public DateTime ReleasedAt { get; set; }
    public string ReleasedBy { get; set; } = "";
    /// <summary>Analyser or "thủ công" (entered by hand).</summary>
    public string? Source { get; set; }
    public DateTime? SupersededAt { get; set; }
}

internal sealed class ServiceResultConfiguration : IEntityTypeConfiguration<ServiceResult>
{
    public void Configure(EntityTypeBuilder<ServiceResult> b)
    {
        b.HasIndex(x => x.ServiceOrderId);
        b.HasIndex(x => new { x.PatientId, x.TestCode, x.ResultedAt });
        b.Property(x => x.TestCode).HasMaxLength(50);
        b.Property(x => x.TestName).HasMaxLength(300);
        b.Property(x => x.Value).HasMaxLength(1000);
        b.Property(x => x.Unit).HasMaxLength(50);
        b.Property(x => x.ReferenceRange).HasMaxLength(100);
        b.Property(x => x.Flag).HasConversion<int>();
        b.Property(x => x.ReleasedBy).HasMaxLength(256);
        b.Property(x => x.Source).HasMaxLength(100);
        b.HasOne(x => x.ServiceOrder).WithMany().HasForeignKey(x => x.ServiceOrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Patients.Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
