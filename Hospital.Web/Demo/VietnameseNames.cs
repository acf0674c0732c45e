using Bogus;
using Hospital.Domain.Patients;

namespace Hospital.Web.Demo;

/// <summary>
/// Realistic Vietnamese full names "Họ Đệm Tên" for demo patients and staff. Bogus' "vi" locale
/// puts the surname last and mixes given names regardless of sex ("Tuấn Việt Ngô"), which no
/// reception clerk would believe, so names are built here: surnames weighted roughly by their
/// national frequency (Nguyễn about a third), with Đinh and Quách a little more common as in
/// Ninh Bình; the middle name follows sex and generation (Văn/Thị for most older people,
/// more varied for the young).
/// </summary>
public static class VietnameseNames
{
    private static readonly (string Name, float Weight)[] Surnames =
    [
        ("Nguyễn", 31f), ("Trần", 10.5f), ("Lê", 9f), ("Phạm", 7f), ("Hoàng", 4.5f), ("Vũ", 4f),
        ("Phan", 2.5f), ("Đặng", 2.2f), ("Bùi", 2.2f), ("Đỗ", 2f), ("Đinh", 2.5f), ("Ngô", 1.4f),
        ("Dương", 1.1f), ("Hồ", 0.8f), ("Trịnh", 1.2f), ("Đào", 1.1f), ("Mai", 0.9f), ("Lương", 0.7f),
        ("Hà", 0.8f), ("Tạ", 0.5f), ("Cao", 0.6f), ("Tống", 0.5f), ("Lý", 0.4f), ("Quách", 0.6f),
        ("Lại", 0.4f), ("Vương", 0.3f), ("Khúc", 0.2f), ("Phùng", 0.4f), ("Nghiêm", 0.2f), ("Lưu", 0.5f),
    ];

    private static readonly string[] SurnameNames = Surnames.Select(s => s.Name).ToArray();
    private static readonly float[] SurnameWeights = Surnames.Select(s => s.Weight).ToArray();

    private static readonly string[] MaleMiddleOld = ["Văn", "Văn", "Văn", "Văn", "Văn", "Văn", "Đức", "Đình", "Xuân", "Hữu", "Công", "Quang", "Ngọc", "Bá", "Trọng", "Minh"];
    private static readonly string[] MaleMiddleYoung = ["Văn", "Văn", "Minh", "Đức", "Quang", "Hoàng", "Gia", "Bảo", "Tuấn", "Hải", "Thành", "Trung", "Nhật", "Duy", "Đăng", "Anh", "Mạnh", "Tiến"];
    private static readonly string[] FemaleMiddleOld = ["Thị", "Thị", "Thị", "Thị", "Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Kim", "Thanh"];
    private static readonly string[] FemaleMiddleYoung = ["Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Phương", "Hồng", "Thùy", "Khánh", "Bảo", "Hải", "Mai", "Diệu", "Quỳnh", "Hoài", "Kim", "Tuệ"];

    private static readonly string[] MaleGiven =
    [
        "An", "Anh", "Bình", "Cường", "Chiến", "Dũng", "Dương", "Đạt", "Đông", "Đức", "Giang", "Hải", "Hậu", "Hiếu", "Hiệp",
        "Hòa", "Hoàng", "Hùng", "Hưng", "Huy", "Khang", "Khánh", "Khoa", "Khải", "Kiên", "Lâm", "Lợi", "Long", "Lực", "Mạnh",
        "Minh", "Nam", "Nghĩa", "Nhật", "Phát", "Phong", "Phúc", "Quân", "Quang", "Quý", "Sơn", "Tài", "Thắng", "Thanh",
        "Thành", "Thịnh", "Tiến", "Toàn", "Trung", "Trường", "Tuấn", "Tùng", "Việt", "Vinh", "Bảo", "Duy", "Thái", "Tân",
    ];

    private static readonly string[] FemaleGiven =
    [
        "An", "Anh", "Ánh", "Châu", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hằng", "Hạnh", "Hiền", "Hoa", "Hòa", "Hồng",
        "Huệ", "Hương", "Huyền", "Lan", "Liên", "Linh", "Loan", "Lý", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhàn", "Nhi",
        "Nhung", "Oanh", "Phương", "Quyên", "Quỳnh", "Tâm", "Thảo", "Thanh", "Thơm", "Thu", "Thủy", "Trang", "Tuyết",
        "Vân", "Vy", "Xuân", "Yến", "Hậu", "Lụa", "Thắm", "Diệp", "Khuê", "Ngà", "Trâm",
    ];

    private static readonly string[] MaleTwoSyllable = ["Gia Bảo", "Minh Khang", "Bảo Long", "Đăng Khoa", "Minh Quân", "Anh Tuấn", "Hoàng Nam", "Đức Anh", "Gia Huy", "Minh Đức", "Tuấn Kiệt", "Hải Đăng"];
    private static readonly string[] FemaleTwoSyllable = ["Bảo Anh", "Khánh Linh", "Ngọc Hân", "Phương Anh", "Minh Châu", "Bảo Ngọc", "Thảo Vy", "Hà My", "Khánh Vy", "Tuệ Nhi", "Gia Hân", "An Nhiên"];

    /// <summary>A full name for someone of <paramref name="sex"/> born in <paramref name="birthYear"/>.</summary>
    public static string FullName(Randomizer random, Sex sex, int birthYear)
    {
        var surname = random.Weighted(SurnameNames, SurnameWeights);
        var young = birthYear >= 1980;
        var female = sex == Sex.Female;
        var middle = random.ArrayElement(female
            ? young ? FemaleMiddleYoung : FemaleMiddleOld
            : young ? MaleMiddleYoung : MaleMiddleOld);
        string given;
        do given = random.ArrayElement(female ? FemaleGiven : MaleGiven);
        while (given == middle);
        // Children born lately often carry a two-syllable given name ("Nguyễn Ngọc Bảo Anh").
        if (birthYear >= 2005 && random.Bool(0.2f))
        {
            var twoSyllable = random.ArrayElement(female ? FemaleTwoSyllable : MaleTwoSyllable);
            if (!twoSyllable.Split(' ').Contains(middle)) given = twoSyllable;
        }
        return $"{surname} {middle} {given}";
    }
}
