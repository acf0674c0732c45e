namespace Hospital.Domain.Identity;

/// <summary>The fixed roles of the hospital. A user may hold several.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Reception = "Reception";
    public const string Doctor = "Doctor";
    public const string Nurse = "Nurse";
    public const string LabTech = "LabTech";
    public const string Pharmacist = "Pharmacist";
    public const string Cashier = "Cashier";
    public const string InsuranceOfficer = "InsuranceOfficer";

    public static readonly IReadOnlyList<string> All =
        [Admin, Reception, Doctor, Nurse, LabTech, Pharmacist, Cashier, InsuranceOfficer];

    /// <summary>Vietnamese job title shown beside the user's name.</summary>
    public static string DisplayName(string role) => role switch
    {
        Admin => "Quản trị hệ thống",
        Reception => "Tiếp đón",
        Doctor => "Bác sĩ",
        Nurse => "Điều dưỡng",
        LabTech => "Kỹ thuật viên xét nghiệm",
        Pharmacist => "Dược sĩ",
        Cashier => "Thu ngân",
        InsuranceOfficer => "Giám định BHYT",
        _ => role,
    };
}
