using Hospital.Domain.Common;
using Hospital.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Clinical;

/// <summary>
/// One set of vital signs (dấu hiệu sinh tồn) taken at <see cref="MeasuredAt"/> during a visit.
/// Every value is optional; <see cref="Bmi"/> is computed from height and weight when both are
/// given. The chart's trend reads these rows across visits.
/// </summary>
public class VitalSigns : IVoidable
{
    public long Id { get; set; }
    public int VisitId { get; set; }
    public Visit? Visit { get; set; }
    public int PatientId { get; set; }
    public DateTime MeasuredAt { get; set; }
    public string RecordedBy { get; set; } = "";
    /// <summary>Mạch, beats per minute.</summary>
    public int? Pulse { get; set; }
    /// <summary>Nhiệt độ, °C with one decimal.</summary>
    public decimal? TemperatureC { get; set; }
    public int? SystolicMmHg { get; set; }
    public int? DiastolicMmHg { get; set; }
    /// <summary>Nhịp thở, breaths per minute.</summary>
    public int? RespiratoryRate { get; set; }
    public int? SpO2Percent { get; set; }
    public decimal? HeightCm { get; set; }
    public decimal? WeightKg { get; set; }
    public decimal? Bmi { get; set; }
    public DateTime? VoidedAt { get; set; }
    public string? VoidedBy { get; set; }
    public string? VoidReason { get; set; }
}

internal sealed class VitalSignsConfiguration : IEntityTypeConfiguration<VitalSigns>
{
    public void Configure(EntityTypeBuilder<VitalSigns> b)
    {
        b.ToTable("vital_signs");
        b.HasIndex(x => new { x.PatientId, x.MeasuredAt });
        b.HasIndex(x => x.VisitId);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.Property(x => x.TemperatureC).HasPrecision(4, 1);
        b.Property(x => x.HeightCm).HasPrecision(5, 1);
        b.Property(x => x.WeightKg).HasPrecision(6, 2);
        b.Property(x => x.Bmi).HasPrecision(5, 1);
        b.Property(x => x.VoidedBy).HasMaxLength(256);
        b.Property(x => x.VoidReason).HasMaxLength(500);
        b.HasOne(x => x.Visit).WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Patients.Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
