using Hospital.Domain.Catalog;
using Hospital.Domain.Data;

namespace Hospital.Web.Demo;

/// <summary>The demo hospital: facility settings, departments, rooms, staff, services, drugs and supplies.</summary>
public sealed class DemoFacility(HospitalDbContext db, TimeProvider clock)
{
    public static string StaffCodeFor(string userName) => "NV-" + userName.ToUpperInvariant();

    public async Task SeedAsync(CancellationToken ct)
    {
        db.Set<FacilitySettings>().Add(new FacilitySettings
        {
            FacilityCode = "37001",
            Name = "Bệnh viện Đa khoa Demo Ninh Bình",
            Address = "Đường Tràng An, Phường Hoa Lư, Tỉnh Ninh Bình",
            ProvinceCode = "37",
            Level = FacilityLevel.Basic,
            ParentAuthority = "SỞ Y TẾ TỈNH NINH BÌNH",
            Phone = "0229 3871 030",
            UpdatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
    }
}
