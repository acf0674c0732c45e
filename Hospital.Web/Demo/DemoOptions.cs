namespace Hospital.Web.Demo;

/// <summary>Settings <c>Demo__Enabled</c>, <c>Demo__Password</c>, <c>Demo__ApiKey</c>, <c>Demo__Patients</c>, <c>Demo__Visits</c>, <c>Demo__ConcludedVisits</c>, <c>Demo__WaitingLabOrders</c>, <c>Demo__Stock</c>.</summary>
public sealed class DemoOptions
{
    public bool Enabled { get; set; }
    public string? Password { get; set; }
    public string? ApiKey { get; set; }
    public int Patients { get; set; } = 2000;
    /// <summary>Visits registered for today at each start of a day without any, so the queues are not empty.</summary>
    public int Visits { get; set; } = 60;
    /// <summary>How many of those visits the demo doctor examines, concludes and signs (charts and documents to show).</summary>
    public int ConcludedVisits { get; set; } = 8;
    /// <summary>Lab orders of waiting visits resulted by the demo analysers and left for the technician to validate.</summary>
    public int WaitingLabOrders { get; set; } = 3;
    /// <summary>Supplier receipts, transfers and minimum levels of the demo pharmacy (DemoPharmacy), once per database.</summary>
    public bool Stock { get; set; } = true;

    /// <summary>The demo user names, one per role (issue 2, settings).</summary>
    public static readonly IReadOnlyList<(string UserName, string Role, string FullName)> Users =
    [
        ("admin", Hospital.Domain.Identity.Roles.Admin, "Nguyễn Quản Trị"),
        ("reception", Hospital.Domain.Identity.Roles.Reception, "Trần Thị Tiếp Đón"),
        ("doctor", Hospital.Domain.Identity.Roles.Doctor, "BS. Lê Văn Khám"),
        ("nurse", Hospital.Domain.Identity.Roles.Nurse, "ĐD. Phạm Thị Hoa"),
        ("labtech", Hospital.Domain.Identity.Roles.LabTech, "KTV. Hoàng Văn Nghiệm"),
        ("pharmacist", Hospital.Domain.Identity.Roles.Pharmacist, "DS. Vũ Thị Dược"),
        ("cashier", Hospital.Domain.Identity.Roles.Cashier, "Đặng Thị Thu"),
        ("insurance", Hospital.Domain.Identity.Roles.InsuranceOfficer, "Bùi Văn Giám Định"),
    ];
}
