using Hospital.Domain.Catalog;

namespace Hospital.Web.Demo;

/// <summary>
/// The demo hospital's price list: exams, bed days, lab, imaging, functional tests and
/// procedures. Codes have the QĐ 2010 shape XX.YYYY.ZZZZ (chapter of the technique list,
/// technique number, price row); prices are VND at the level of a basic-level provincial
/// hospital. A real hospital imports the list its price decision approved.
/// </summary>
public static class DemoServices
{
    public sealed record Item(string Code, string Name, BhytCostGroup Group, string Unit, decimal Price, decimal? BhytPrice, string Department);

    private static Item Exam(string code, string name, string department = "KKB") => new(code, name, BhytCostGroup.Exam, "Lần", 39_000, 39_000, department);
    private static Item Bed(string code, string name, decimal price, string department) => new(code, name, BhytCostGroup.InpatientBed, "Ngày", price, price, department);
    private static Item Lab(string code, string name, decimal price) => new(code, name, BhytCostGroup.Lab, "Lần", price, price, "XN");
    private static Item Imaging(string code, string name, decimal price) => new(code, name, BhytCostGroup.Imaging, "Lần", price, price, "CDHA");
    private static Item Functional(string code, string name, decimal price) => new(code, name, BhytCostGroup.FunctionalTest, "Lần", price, price, "KKB");
    private static Item Procedure(string code, string name, decimal price, string department) => new(code, name, BhytCostGroup.Procedure, "Lần", price, price, department);

    public static readonly IReadOnlyList<Item> All =
    [
        Exam("02.1896.1888", "Khám Nội"),
        Exam("10.1900.1888", "Khám Ngoại"),
        Exam("13.1902.1888", "Khám Phụ sản"),
        Exam("03.1898.1888", "Khám Nhi"),
        Exam("15.1907.1888", "Khám Tai Mũi Họng"),
        Exam("16.1908.1888", "Khám Răng Hàm Mặt"),
        Exam("01.1895.1888", "Khám Cấp cứu", "HSCC"),
        // Periodic health checks are outside the BHYT benefit (no BHYT price).
        new("02.9001.0001", "Khám sức khỏe định kỳ", BhytCostGroup.Exam, "Lần", 160_000, null, "KKB"),

        Bed("01.1930.0200", "Ngày giường bệnh Hồi sức cấp cứu", 333_000, "HSCC"),
        Bed("02.1931.0201", "Ngày giường bệnh Nội khoa loại 3", 203_000, "NOI"),
        Bed("03.1932.0201", "Ngày giường bệnh Nhi khoa loại 3", 203_000, "NHI"),
        Bed("10.1933.0202", "Ngày giường bệnh Ngoại khoa sau phẫu thuật loại 3", 236_000, "NGOAI"),
        Bed("13.1934.0201", "Ngày giường bệnh Sản khoa loại 3", 203_000, "SAN"),

        Lab("22.0121.1369", "Tổng phân tích tế bào máu ngoại vi (bằng máy đếm laser)", 46_200),
        Lab("22.0135.1303", "Máu lắng (bằng máy tự động)", 34_600),
        Lab("22.0280.1269", "Định nhóm máu hệ ABO (kỹ thuật phiến đá)", 40_400),
        Lab("22.0001.1355", "Thời gian prothrombin (PT) bằng máy tự động", 66_400),
        Lab("22.0004.1356", "Thời gian thromboplastin hoạt hóa từng phần (APTT) bằng máy tự động", 42_000),
        Lab("23.0075.1494", "Định lượng Glucose [Máu]", 21_500),
        Lab("23.0166.1494", "Định lượng Urê [Máu]", 21_500),
        Lab("23.0051.1494", "Định lượng Creatinin [Máu]", 21_500),
        Lab("23.0019.1493", "Đo hoạt độ AST (GOT) [Máu]", 21_500),
        Lab("23.0020.1493", "Đo hoạt độ ALT (GPT) [Máu]", 21_500),
        Lab("23.0077.1518", "Đo hoạt độ GGT [Máu]", 19_200),
        Lab("23.0010.1494", "Định lượng Bilirubin toàn phần [Máu]", 21_500),
        Lab("23.0041.1506", "Định lượng Cholesterol toàn phần [Máu]", 26_900),
        Lab("23.0158.1506", "Định lượng Triglycerid [Máu]", 26_900),
        Lab("23.0084.1506", "Định lượng HDL-C [Máu]", 26_900),
        Lab("23.0112.1506", "Định lượng LDL-C [Máu]", 26_900),
        Lab("23.0083.1523", "Định lượng HbA1c [Máu]", 101_000),
        Lab("23.0003.1494", "Định lượng Acid Uric [Máu]", 21_500),
        Lab("23.0058.1487", "Điện giải đồ (Na, K, Cl) [Máu]", 29_000),
        Lab("23.0032.1516", "Định lượng CRP [Máu]", 53_800),
        Lab("23.0162.1561", "Định lượng Troponin T hs [Máu]", 75_300),
        Lab("23.0128.1568", "Định lượng TSH [Máu]", 59_200),
        Lab("23.0069.1568", "Định lượng FT4 [Máu]", 64_600),
        Lab("23.0007.1579", "Định lượng AFP [Máu]", 91_600),
        Lab("23.0198.1579", "Định lượng PSA toàn phần [Máu]", 91_600),
        Lab("23.0050.1587", "Định lượng Beta-hCG [Máu]", 86_100),
        Lab("23.0206.1596", "Tổng phân tích nước tiểu (bằng máy tự động)", 27_400),
        Lab("24.0117.1619", "HBsAg test nhanh", 53_600),
        Lab("24.0144.1630", "HCV Ab test nhanh", 53_600),
        Lab("24.0153.1629", "HIV Ab test nhanh", 53_600),
        Lab("24.0272.1713", "Dengue virus NS1Ag test nhanh", 130_000),
        Lab("24.0017.1716", "Vi khuẩn nhuộm soi", 68_000),

        Imaging("18.0119.0028", "Chụp X-quang ngực thẳng", 65_400),
        Imaging("18.0086.0028", "Chụp X-quang cột sống cổ thẳng nghiêng", 65_400),
        Imaging("18.0093.0028", "Chụp X-quang cột sống thắt lưng thẳng nghiêng", 65_400),
        Imaging("18.0107.0028", "Chụp X-quang khớp gối thẳng nghiêng", 65_400),
        Imaging("18.0001.0001", "Siêu âm tuyến giáp", 43_900),
        Imaging("18.0015.0001", "Siêu âm ổ bụng (gan mật, tụy, lách, thận, bàng quang)", 43_900),
        Imaging("18.0034.0001", "Siêu âm thai (thai, nhau thai, nước ối)", 43_900),
        Imaging("18.0043.0004", "Siêu âm Doppler tim, van tim", 233_000),
        Imaging("18.0152.0041", "Chụp cắt lớp vi tính sọ não không tiêm thuốc cản quang (từ 1-32 dãy)", 522_000),

        Functional("02.0085.1778", "Điện tim thường", 32_800),
        Functional("02.0008.1791", "Đo chức năng hô hấp", 130_000),
        Functional("02.0091.1789", "Điện não đồ thường", 64_300),
        Functional("02.0321.0131", "Nội soi thực quản - dạ dày - tá tràng ống mềm không sinh thiết", 244_000),
        Functional("15.0040.0865", "Nội soi Tai Mũi Họng", 104_000),

        Procedure("10.0911.0214", "Thay băng vết thương hoặc mổ chiều dài ≤ 15cm", 57_600, "NGOAI"),
        Procedure("10.0906.0217", "Khâu vết thương phần mềm tổn thương nông chiều dài < 10 cm", 178_000, "NGOAI"),
        Procedure("10.0901.0211", "Cắt chỉ khâu vết thương", 33_600, "NGOAI"),
        Procedure("10.0917.0508", "Chích rạch áp xe nhỏ", 192_000, "NGOAI"),
        Procedure("10.0985.0567", "Nắn, bó bột gãy xương cẳng tay", 298_000, "NGOAI"),
        Procedure("01.0209.0098", "Đặt ống thông dạ dày", 90_100, "HSCC"),
        Procedure("01.0208.0102", "Đặt ống thông bàng quang (thông tiểu)", 90_100, "HSCC"),
        Procedure("01.0220.0136", "Rửa dạ dày cấp cứu", 117_000, "HSCC"),
        Procedure("02.0322.0076", "Khí dung thuốc cấp cứu", 20_500, "NOI"),
        Procedure("16.0075.1024", "Nhổ răng sữa", 35_900, "KKB"),
        Procedure("13.0134.0695", "Đặt dụng cụ tử cung", 210_000, "SAN"),
    ];
}
