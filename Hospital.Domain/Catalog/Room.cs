using Hospital.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Catalog;

public enum RoomKind { ExamRoom = 1, Ward = 2, ProcedureRoom = 3, LabRoom = 4, Pharmacy = 5, Cashier = 6 }

/// <summary>Phòng khám, buồng bệnh, phòng thủ thuật... belonging to one department.</summary>
public class Room : CatalogEntry
{
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
    public RoomKind Kind { get; set; } = RoomKind.ExamRoom;
    /// <summary>Beds for a ward; patients per hour a clinic room can take for an exam room.</summary>
    public int? Capacity { get; set; }
    /// <summary>For an exam room: the exam service (công khám) charged when a visit is registered to it.</summary>
    public int? ExamServiceId { get; set; }
    public MedicalService? ExamService { get; set; }
}

internal sealed class RoomConfiguration : CatalogEntryConfiguration<Room>
{
    protected override int CodeLength => 20;
    protected override void ConfigureMore(EntityTypeBuilder<Room> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ExamService).WithMany().HasForeignKey(x => x.ExamServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}
