using Bogus;
using Hospital.Domain.Catalog;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Demo;

/// <summary>
/// The demo hospital: facility settings, departments, rooms, staff (one per demo user among
/// them), the service price list, the drug formulary and supplies. Codes have the official
/// shapes; the values are demo data, a real hospital imports its own lists.
/// </summary>
public sealed class DemoFacility(HospitalDbContext db, TimeProvider clock)
{
    public static string StaffCodeFor(string userName) => "NV-" + userName.ToUpperInvariant();

    /// <summary>
    /// Khoa with the MA_KHOA of the claim XML (K01 khám bệnh, K02 hồi sức cấp cứu, K03 nội tổng
    /// hợp, K18 nhi, K19 ngoại tổng hợp, K27 phụ sản, K39 chẩn đoán hình ảnh, K44 dược, K47 xét
    /// nghiệm as in the QĐ 5937 list; check against QĐ 1804 App. 2 when configuring a real
    /// hospital). Administrative offices have no MA_KHOA.
    /// </summary>
    internal static readonly IReadOnlyList<(string Code, string Name, string BhytCode, DepartmentKind Kind)> Departments =
    [
        ("KKB", "Khoa Khám bệnh", "K01", DepartmentKind.Clinical),
        ("HSCC", "Khoa Hồi sức cấp cứu", "K02", DepartmentKind.Clinical),
        ("NOI", "Khoa Nội tổng hợp", "K03", DepartmentKind.Clinical),
        ("NHI", "Khoa Nhi", "K18", DepartmentKind.Clinical),
        ("NGOAI", "Khoa Ngoại tổng hợp", "K19", DepartmentKind.Clinical),
        ("SAN", "Khoa Phụ sản", "K27", DepartmentKind.Clinical),
        ("CDHA", "Khoa Chẩn đoán hình ảnh", "K39", DepartmentKind.Paraclinical),
        ("XN", "Khoa Xét nghiệm", "K47", DepartmentKind.Paraclinical),
        ("DUOC", "Khoa Dược", "K44", DepartmentKind.Pharmacy),
        ("KHTH", "Phòng Kế hoạch tổng hợp", "", DepartmentKind.Administrative),
        ("TCKT", "Phòng Tài chính kế toán", "", DepartmentKind.Administrative),
    ];

    /// <summary>Rooms: (code, name, department, kind, capacity = patients/hour for exam rooms, beds for wards).</summary>
    /// <summary>The pharmacy's stores: the main store receives from suppliers and supplies the dispensary and the ward cabinets.</summary>
    internal static readonly IReadOnlyList<(string Code, string Name, Hospital.Domain.Pharmacy.StoreKind Kind, string? Department)> Stores =
    [
        ("KHO-CHINH", "Kho chính Khoa Dược", Hospital.Domain.Pharmacy.StoreKind.Main, "DUOC"),
        ("KHO-NGT", "Kho cấp phát ngoại trú", Hospital.Domain.Pharmacy.StoreKind.Dispensary, "DUOC"),
        ("TU-HSCC", "Tủ trực Khoa Hồi sức cấp cứu", Hospital.Domain.Pharmacy.StoreKind.WardCabinet, "HSCC"),
        ("TU-NOI", "Tủ trực Khoa Nội tổng hợp", Hospital.Domain.Pharmacy.StoreKind.WardCabinet, "NOI"),
    ];

    internal static readonly IReadOnlyList<(string Code, string Name, string Department, RoomKind Kind, int? Capacity)> Rooms =
    [
        ("PK01", "Phòng khám Nội 1", "KKB", RoomKind.ExamRoom, 8),
        ("PK02", "Phòng khám Nội 2", "KKB", RoomKind.ExamRoom, 8),
        ("PK03", "Phòng khám Ngoại", "KKB", RoomKind.ExamRoom, 6),
        ("PK04", "Phòng khám Sản", "KKB", RoomKind.ExamRoom, 5),
        ("PK05", "Phòng khám Nhi", "KKB", RoomKind.ExamRoom, 6),
        ("PK06", "Phòng khám Tai Mũi Họng", "KKB", RoomKind.ExamRoom, 6),
        ("PK07", "Phòng khám Răng Hàm Mặt", "KKB", RoomKind.ExamRoom, 4),
        ("CC-01", "Buồng cấp cứu", "HSCC", RoomKind.Ward, 6),
        ("NOI-B1", "Buồng bệnh Nội 1", "NOI", RoomKind.Ward, 10),
        ("NOI-B2", "Buồng bệnh Nội 2", "NOI", RoomKind.Ward, 10),
        ("NHI-B1", "Buồng bệnh Nhi", "NHI", RoomKind.Ward, 8),
        ("NGOAI-B1", "Buồng bệnh Ngoại", "NGOAI", RoomKind.Ward, 10),
        ("NGOAI-TT", "Phòng thủ thuật Ngoại", "NGOAI", RoomKind.ProcedureRoom, null),
        ("SAN-B1", "Buồng bệnh Sản", "SAN", RoomKind.Ward, 8),
        ("XN-LM", "Phòng lấy mẫu xét nghiệm", "XN", RoomKind.LabRoom, null),
        ("XN-HHSH", "Phòng xét nghiệm Huyết học - Sinh hóa", "XN", RoomKind.LabRoom, null),
        ("CDHA-XQ", "Phòng chụp X-quang", "CDHA", RoomKind.LabRoom, null),
        ("CDHA-SA", "Phòng siêu âm", "CDHA", RoomKind.LabRoom, null),
        ("DUOC-NT", "Quầy cấp phát thuốc ngoại trú", "DUOC", RoomKind.Pharmacy, null),
        ("TN-01", "Quầy thu ngân số 1", "TCKT", RoomKind.Cashier, null),
        ("TN-02", "Quầy thu ngân số 2", "TCKT", RoomKind.Cashier, null),
    ];

    /// <summary>The exam service (công khám, <see cref="DemoServices"/>) each exam room charges at registration.</summary>
    internal static readonly IReadOnlyDictionary<string, string> ExamServiceOfRoom = new Dictionary<string, string>
    {
        ["PK01"] = "02.1896.1888", // Khám Nội
        ["PK02"] = "02.1896.1888",
        ["PK03"] = "10.1900.1888", // Khám Ngoại
        ["PK04"] = "13.1902.1888", // Khám Phụ sản
        ["PK05"] = "03.1898.1888", // Khám Nhi
        ["PK06"] = "15.1907.1888", // Khám Tai Mũi Họng
        ["PK07"] = "16.1908.1888", // Khám Răng Hàm Mặt
    };

    /// <summary>Staff: (code, name, title, CCHN, department, sex). Demo users' rows are added from <see cref="DemoOptions.Users"/>.</summary>
    internal static readonly IReadOnlyList<(string Code, string Name, string Title, string? Cchn, string Department, Sex Sex)> OtherStaff =
    [
        ("NV001", "Nguyễn Văn Thành", "Bác sĩ CKII, Giám đốc", "000152/NB-CCHN", "NOI", Sex.Male),
        ("NV002", "Đinh Thị Thu Hà", "Bác sĩ CKI", "000318/NB-CCHN", "KKB", Sex.Female),
        ("NV003", "Trần Quang Huy", "Bác sĩ CKI", "000427/NB-CCHN", "KKB", Sex.Male),
        ("NV004", "Phạm Thị Lan", "Thạc sĩ, Bác sĩ", "000561/NB-CCHN", "NHI", Sex.Female),
        ("NV005", "Vũ Đức Mạnh", "Bác sĩ CKI Ngoại", "000603/NB-CCHN", "NGOAI", Sex.Male),
        ("NV006", "Hoàng Thị Ngọc Anh", "Bác sĩ CKI Sản", "000644/NB-CCHN", "SAN", Sex.Female),
        ("NV007", "Bùi Văn Hùng", "Bác sĩ Hồi sức cấp cứu", "000712/NB-CCHN", "HSCC", Sex.Male),
        ("NV008", "Lê Minh Tuấn", "Bác sĩ CKI Chẩn đoán hình ảnh", "000758/NB-CCHN", "CDHA", Sex.Male),
        ("NV009", "Đặng Thị Hồng", "Điều dưỡng trưởng", "001203/NB-CCHN", "KKB", Sex.Female),
        ("NV010", "Ngô Thị Huyền", "Điều dưỡng", "001377/NB-CCHN", "NOI", Sex.Female),
        ("NV011", "Trịnh Văn Long", "Điều dưỡng", "001402/NB-CCHN", "NGOAI", Sex.Male),
        ("NV012", "Đào Thị Mai", "Hộ sinh", "001455/NB-CCHN", "SAN", Sex.Female),
        ("NV013", "Mai Văn Tùng", "Kỹ thuật viên hình ảnh", "001520/NB-CCHN", "CDHA", Sex.Male),
        ("NV014", "Nguyễn Thị Thảo", "Cử nhân xét nghiệm", "001588/NB-CCHN", "XN", Sex.Female),
        ("NV015", "Lương Thị Yến", "Dược sĩ trung học", "002114/NB-CCHND", "DUOC", Sex.Female),
        ("NV016", "Quách Văn Sơn", "Điều dưỡng", "001611/NB-CCHN", "HSCC", Sex.Male),
        ("NV017", "Tạ Thị Phương", "Kế toán viên", null, "TCKT", Sex.Female),
        ("NV018", "Nguyễn Đức Anh", "Chuyên viên công nghệ thông tin", null, "KHTH", Sex.Male),
    ];

    /// <summary>The staff row of each demo user: title, certificate and department it works in.</summary>
    internal static readonly IReadOnlyDictionary<string, (string Title, string? Cchn, string Department)> DemoUserStaff =
        new Dictionary<string, (string, string?, string)>
        {
            ["admin"] = ("Quản trị hệ thống", null, "KHTH"),
            ["reception"] = ("Nhân viên tiếp đón", null, "KKB"),
            ["doctor"] = ("Bác sĩ CKI Nội", "000489/NB-CCHN", "KKB"),
            ["nurse"] = ("Điều dưỡng", "001296/NB-CCHN", "KKB"),
            ["labtech"] = ("Kỹ thuật viên xét nghiệm", "001549/NB-CCHN", "XN"),
            ["pharmacist"] = ("Dược sĩ đại học", "002087/NB-CCHND", "DUOC"),
            ["cashier"] = ("Nhân viên thu ngân", null, "TCKT"),
            ["insurance"] = ("Chuyên viên giám định BHYT", null, "KHTH"),
        };

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Set<FacilitySettings>().Add(new FacilitySettings
        {
            FacilityCode = "37001",
            Name = "Bệnh viện Đa khoa Demo Ninh Bình",
            Address = "Đường Tràng An, Phường Hoa Lư, Tỉnh Ninh Bình",
            ProvinceCode = "37",
            Level = FacilityLevel.Basic,
            ParentAuthority = "SỞ Y TẾ TỈNH NINH BÌNH",
            Phone = "0229 3871 030",
            UpdatedAt = now,
        });
        var departments = Departments.Select(d => Catalog(new Department { Code = d.Code, Name = d.Name, BhytCode = d.BhytCode, Kind = d.Kind })).ToList();
        db.AddRange(departments);
        await db.SaveChangesAsync(ct);
        var deptId = departments.ToDictionary(d => d.Code, d => d.Id);

        db.AddRange(Rooms.Select(r => Catalog(new Room { Code = r.Code, Name = r.Name, DepartmentId = deptId[r.Department], Kind = r.Kind, Capacity = r.Capacity })));
        db.AddRange(BuildStaff(deptId));
        db.AddRange(DemoServices.All.Select(s => Catalog(new MedicalService
        {
            Code = s.Code,
            Name = s.Name,
            CostGroup = s.Group,
            Unit = s.Unit,
            Price = s.Price,
            BhytPrice = s.BhytPrice,
            DepartmentId = deptId[s.Department],
        })));
        db.AddRange(DemoFormulary.CreateDrugs().Select(Catalog));
        db.AddRange(DemoFormulary.CreateSupplies().Select(Catalog));
        db.AddRange(Stores.Select(st => Catalog(new Hospital.Domain.Pharmacy.Store
        {
            Code = st.Code, Name = st.Name, Kind = st.Kind, DepartmentId = st.Department is null ? null : deptId[st.Department],
        })));
        await db.SaveChangesAsync(ct);

        var serviceId = await db.Set<MedicalService>().ToDictionaryAsync(s => s.Code, s => s.Id, ct);
        foreach (var room in db.ChangeTracker.Entries<Room>().Select(e => e.Entity))
            if (ExamServiceOfRoom.TryGetValue(room.Code, out var code)) room.ExamServiceId = serviceId[code];
        db.AddRange(DemoOrderSets.Create(serviceId));
        await db.SaveChangesAsync(ct);
        await DemoLabCatalog.AddAsync(db, serviceId, ct);
        await db.SaveChangesAsync(ct);
        await DemoQc.AddAsync(db, clock, ct);
    }

    internal static List<Staff> BuildStaff(IReadOnlyDictionary<string, int> deptId)
    {
        var random = new Randomizer(DemoPatientGenerator.DefaultSeed + 1);
        var staff = new List<Staff>();
        foreach (var (userName, _, fullName) in DemoOptions.Users)
        {
            var (title, cchn, dept) = DemoUserStaff[userName];
            var sex = fullName.Contains(" Thị ") ? Sex.Female : Sex.Male;
            staff.Add(Person(random, StaffCodeFor(userName), WithoutTitlePrefix(fullName), title, cchn, deptId[dept], sex));
        }
        foreach (var s in OtherStaff)
            staff.Add(Person(random, s.Code, s.Name, s.Title, s.Cchn, deptId[s.Department], s.Sex));
        return staff;
    }

    private static Staff Person(Randomizer random, string code, string name, string title, string? cchn, int departmentId, Sex sex)
    {
        var birthYear = random.Number(1968, 1998);
        return Catalog(new Staff
        {
            Code = code,
            Name = name,
            Title = title,
            PracticeCertificateNo = cchn,
            DepartmentId = departmentId,
            Cccd = DemoIdentityNumbers.Cccd(random, DemoIdentityNumbers.BirthProvince(random), sex, birthYear),
            Phone = DemoIdentityNumbers.MobilePhone(random),
        });
    }

    /// <summary>"BS. Lê Văn Khám" → "Lê Văn Khám": the title lives in <see cref="Staff.Title"/>.</summary>
    internal static string WithoutTitlePrefix(string fullName)
    {
        var dot = fullName.IndexOf(". ", StringComparison.Ordinal);
        return dot is > 0 and <= 4 ? fullName[(dot + 2)..] : fullName;
    }

    private static T Catalog<T>(T entry) where T : CatalogEntry
    {
        entry.RefreshSearchKey();
        return entry;
    }
}
