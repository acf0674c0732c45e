using Hospital.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Insurance.Claims;

/// <summary>
/// The money of one XML2/XML3 row of a claim version, kept beside the signed file so the monthly
/// reports (by cost group, by department, by object code) sum rows instead of reparsing XML.
/// </summary>
public class ClaimLine
{
    public long Id { get; set; }
    public long ClaimId { get; set; }
    /// <summary>2 = XML2 (drugs), 3 = XML3 (services and supplies).</summary>
    public int Table { get; set; }
    public int Stt { get; set; }
    public string ItemCode { get; set; } = "";
    public BhytCostGroup CostGroup { get; set; }
    /// <summary>MA_KHOA of the row.</summary>
    public string DepartmentCode { get; set; } = "";
    public decimal Quantity { get; set; }
    public decimal ThanhTienBv { get; set; }
    public decimal ThanhTienBh { get; set; }
    public decimal Bhtt { get; set; }
    public decimal Bncct { get; set; }
    public decimal Bntt { get; set; }
    public decimal NguonKhac { get; set; }
}

internal sealed class ClaimLineConfiguration : IEntityTypeConfiguration<ClaimLine>
{
    public void Configure(EntityTypeBuilder<ClaimLine> b)
    {
        b.HasIndex(x => x.ClaimId);
        b.Property(x => x.CostGroup).HasConversion<int>();
        b.Property(x => x.ItemCode).HasMaxLength(255);
        b.Property(x => x.DepartmentCode).HasMaxLength(50);
        b.Property(x => x.Quantity).HasPrecision(18, 3);
        foreach (var p in new[] { nameof(ClaimLine.ThanhTienBv), nameof(ClaimLine.ThanhTienBh), nameof(ClaimLine.Bhtt), nameof(ClaimLine.Bncct), nameof(ClaimLine.Bntt), nameof(ClaimLine.NguonKhac) })
            b.Property(p).HasPrecision(18, 2);
        b.HasOne<Claim>().WithMany().HasForeignKey(x => x.ClaimId).OnDelete(DeleteBehavior.Restrict);
    }
}
