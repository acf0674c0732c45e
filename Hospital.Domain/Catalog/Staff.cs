using Hospital.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Catalog;

/// <summary>
/// A member of staff. The claim XML identifies doctors and performers by their practising
/// certificate number (MA_BAC_SI / NGUOI_THUC_HIEN = CCHN); the card check needs the
/// reception officer's name and CCCD (bhyt-claims.md §6).
/// </summary>
public class Staff : CatalogEntry
{
    /// <summary>Chức danh: "Bác sĩ CKI", "Điều dưỡng", "KTV"...</summary>
    public string? Title { get; set; }
    /// <summary>Số chứng chỉ hành nghề / giấy phép hành nghề.</summary>
    public string? PracticeCertificateNo { get; set; }
    public string? Cccd { get; set; }
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }
    public string? Phone { get; set; }
}

internal sealed class StaffConfiguration : CatalogEntryConfiguration<Staff>
{
    protected override int CodeLength => 20;
    protected override void ConfigureMore(EntityTypeBuilder<Staff> b)
    {
        b.ToTable("staff");
        b.Property(x => x.Title).HasMaxLength(100);
        b.Property(x => x.PracticeCertificateNo).HasMaxLength(50);
        b.Property(x => x.Cccd).HasMaxLength(12);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
