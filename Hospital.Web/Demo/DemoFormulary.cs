using Hospital.Domain.Catalog;

namespace Hospital.Web.Demo;

/// <summary>
/// The demo hospital's formulary: everyday outpatient and ward drugs with active ingredient,
/// strength, route and unit (the XML2 fields), and common supplies. Codes are the hospital's own;
/// registration numbers have the official shapes (VD-/VN- before 2023, 12 digits after) but are
/// invented, as are the prices.
/// </summary>
public static class DemoFormulary
{
    private const string Oral = "Uống";
    /// <summary>Route code of the common code set (Drug.RouteCode); other routes are filled by the imported list.</summary>
    private const string OralCode = "1.01";

    private static Drug D(int n, string name, string ingredient, string strength, string route, string unit, string registration,
        string manufacturer, decimal price, BhytCostGroup group = BhytCostGroup.DrugInList, int rate = 100, bool covered = true,
        DrugControlClass control = DrugControlClass.Ordinary) => new()
        {
            Code = $"TH{n:0000}",
            Name = name,
            ActiveIngredient = ingredient,
            Strength = strength,
            Route = route,
            RouteCode = route == Oral ? OralCode : null,
            Unit = unit,
            RegistrationNo = registration,
            Manufacturer = manufacturer,
            Price = price,
            CostGroup = group,
            BhytPaymentRate = rate,
            CoveredByBhyt = covered,
            ControlClass = control,
            DosageForm = DosageFormOf(unit, route),
            Packing = PackingOf(unit),
            // One invented bid result for the whole formulary: decision, package 1, group by TT 07/2024 (N1–N5), this year's tender.
            TenderDecision = "125/QĐ-BV",
            TenderPackage = 1,
            TenderGroup = 1 + n % 5,
            TenderYear = 2026,
            Storage = StorageOf(name),
        };

    /// <summary>DANG_BAO_CHE from the unit and route, as a bid result writes it.</summary>
    private static string DosageFormOf(string unit, string route) => unit switch
    {
        "Viên" => "Viên nén",
        "Gói" => "Thuốc bột",
        "Ống" or "Lọ" when route != Oral => "Dung dịch tiêm",
        "Chai" when route != Oral => "Dung dịch tiêm truyền",
        "Chai" or "Lọ" => "Dung dịch uống",
        "Tuýp" => "Kem bôi da",
        "Bình xịt" => "Thuốc xịt",
        _ => "Khác",
    };

    private static string PackingOf(string unit) => unit switch
    {
        "Viên" => "Hộp 10 vỉ x 10 viên",
        "Gói" => "Hộp 30 gói",
        "Ống" => "Hộp 10 ống",
        "Lọ" => "Hộp 1 lọ",
        "Chai" => "Thùng 20 chai",
        _ => $"Hộp 1 {unit.ToLowerInvariant()}",
    };

    /// <summary>GSP (TT 36/2018): insulin and vaccines in the cold chain, everything else below 30 °C.</summary>
    private static string StorageOf(string name) =>
        name.Contains("Insulin", StringComparison.OrdinalIgnoreCase) || name.Contains("vắc", StringComparison.OrdinalIgnoreCase)
            ? "Bảo quản lạnh 2–8°C" : "Nơi khô, dưới 30°C, tránh ánh sáng";

    private const string NamHa = "Công ty CP Dược phẩm Nam Hà";
    private const string Dhg = "Công ty CP Dược Hậu Giang";
    private const string Traphaco = "Công ty CP Traphaco";
    private const string Imexpharm = "Công ty CP Dược phẩm Imexpharm";
    private const string Domesco = "Công ty CP Xuất nhập khẩu Y tế Domesco";
    private const string Pymepharco = "Công ty CP Pymepharco";
    private const string Mekophar = "Công ty CP Hóa - Dược phẩm Mekophar";
    private const string Vidipha = "Công ty CP Dược phẩm Trung ương Vidipha";
    private const string Hataphar = "Công ty CP Dược phẩm Hà Tây";
    private const string Imported = "Nhà sản xuất nước ngoài (nhập khẩu)";

    /// <summary>New entities on every call: a seeded instance gets its database id.</summary>
    public static List<Drug> CreateDrugs() =>
    [
        D(1, "Paracetamol 500mg", "Paracetamol", "500mg", Oral, "Viên", "VD-25716-16", NamHa, 350),
        D(2, "Paracetamol 250mg (gói bột)", "Paracetamol", "250mg", Oral, "Gói", "893100112233", Dhg, 1_200),
        D(3, "Paracetamol 1g/100ml", "Paracetamol", "1g/100ml", "Tiêm truyền tĩnh mạch", "Chai", "VN-21984-19", Imported, 18_500),
        D(4, "Ibuprofen 400mg", "Ibuprofen", "400mg", Oral, "Viên", "VD-28844-18", Hataphar, 600),
        D(5, "Meloxicam 7,5mg", "Meloxicam", "7,5mg", Oral, "Viên", "VD-30127-18", Domesco, 450),
        D(6, "Diclofenac 75mg/3ml", "Diclofenac natri", "75mg/3ml", "Tiêm bắp", "Ống", "VD-26590-17", Vidipha, 2_800),
        D(7, "Amoxicillin 500mg", "Amoxicillin", "500mg", Oral, "Viên nang", "VD-27403-17", Domesco, 750),
        D(8, "Amoxicillin + Acid clavulanic 875mg/125mg", "Amoxicillin + Acid clavulanic", "875mg + 125mg", Oral, "Viên", "893110245671", Imexpharm, 6_500),
        D(9, "Cefuroxim 500mg", "Cefuroxim", "500mg", Oral, "Viên", "VD-31452-19", Pymepharco, 4_200),
        D(10, "Cefixim 200mg", "Cefixim", "200mg", Oral, "Viên nang", "VD-29911-18", Imexpharm, 2_900),
        D(11, "Azithromycin 500mg", "Azithromycin", "500mg", Oral, "Viên", "VD-28320-17", Dhg, 5_800),
        D(12, "Ciprofloxacin 500mg", "Ciprofloxacin", "500mg", Oral, "Viên", "VD-24819-16", Mekophar, 900),
        D(13, "Metronidazol 250mg", "Metronidazol", "250mg", Oral, "Viên", "VD-23370-15", Mekophar, 300),
        D(14, "Ceftriaxon 1g", "Ceftriaxon", "1g", "Tiêm tĩnh mạch", "Lọ", "VD-32010-19", Vidipha, 14_000),
        D(15, "Metformin 500mg", "Metformin hydroclorid", "500mg", Oral, "Viên", "VD-26677-17", Dhg, 300),
        D(16, "Metformin 850mg", "Metformin hydroclorid", "850mg", Oral, "Viên", "VD-26678-17", Dhg, 450),
        D(17, "Gliclazid 30mg giải phóng có kiểm soát", "Gliclazid", "30mg", Oral, "Viên", "VD-30551-18", Pymepharco, 1_300),
        D(18, "Insulin người trộn 30/70 100IU/ml", "Insulin người (30% hòa tan, 70% isophane)", "100IU/ml x 10ml", "Tiêm dưới da", "Lọ", "VN-20513-17", Imported, 98_000),
        D(19, "Amlodipin 5mg", "Amlodipin", "5mg", Oral, "Viên", "VD-24002-15", Traphaco, 250),
        D(20, "Nifedipin 20mg tác dụng kéo dài", "Nifedipin", "20mg", Oral, "Viên", "VD-27756-17", Domesco, 600),
        D(21, "Losartan 50mg", "Losartan kali", "50mg", Oral, "Viên", "VD-29163-18", Pymepharco, 650),
        D(22, "Enalapril 5mg", "Enalapril maleat", "5mg", Oral, "Viên", "VD-22415-15", NamHa, 320),
        D(23, "Bisoprolol 2,5mg", "Bisoprolol fumarat", "2,5mg", Oral, "Viên", "893110078812", Dhg, 900),
        D(24, "Atorvastatin 20mg", "Atorvastatin", "20mg", Oral, "Viên", "VD-28019-17", Domesco, 700),
        D(25, "Rosuvastatin 10mg", "Rosuvastatin", "10mg", Oral, "Viên", "VD-33102-19", Imexpharm, 1_500),
        D(26, "Clopidogrel 75mg", "Clopidogrel", "75mg", Oral, "Viên", "VD-30884-18", Pymepharco, 1_800),
        D(27, "Aspirin 81mg", "Acid acetylsalicylic", "81mg", Oral, "Viên", "VD-25019-16", Traphaco, 200),
        D(28, "Furosemid 40mg", "Furosemid", "40mg", Oral, "Viên", "VD-21780-14", Vidipha, 250),
        D(29, "Spironolacton 25mg", "Spironolacton", "25mg", Oral, "Viên", "VD-27118-17", Hataphar, 1_100),
        D(30, "Omeprazol 20mg", "Omeprazol", "20mg", Oral, "Viên nang", "VD-23988-15", Dhg, 450),
        D(31, "Esomeprazol 40mg", "Esomeprazol", "40mg", Oral, "Viên", "VD-31907-19", Imexpharm, 2_600),
        D(32, "Esomeprazol 40mg tiêm", "Esomeprazol", "40mg", "Tiêm tĩnh mạch", "Lọ", "VN-22877-20", Imported, 45_000, BhytCostGroup.DrugByRate, 50),
        D(33, "Domperidon 10mg", "Domperidon", "10mg", Oral, "Viên", "VD-24533-16", NamHa, 250),
        D(34, "Drotaverin 40mg", "Drotaverin clohydrat", "40mg", Oral, "Viên", "VD-26012-16", Hataphar, 550),
        D(35, "Oresol 245", "Glucose khan + Natri clorid + Natri citrat + Kali clorid", "4,1g", Oral, "Gói", "VD-22904-15", Mekophar, 1_500),
        D(36, "Loperamid 2mg", "Loperamid hydroclorid", "2mg", Oral, "Viên", "VD-20418-14", Traphaco, 250),
        D(37, "Diosmectit 3g", "Diosmectit", "3g", Oral, "Gói", "893100304455", Dhg, 3_500),
        D(38, "Salbutamol 5mg/2,5ml", "Salbutamol sulfat", "5mg/2,5ml", "Khí dung", "Ống", "VN-19960-16", Imported, 4_600),
        D(39, "Budesonid 0,5mg/2ml", "Budesonid", "0,5mg/2ml", "Khí dung", "Ống", "VN-21318-18", Imported, 13_000),
        D(40, "Ambroxol 30mg", "Ambroxol hydroclorid", "30mg", Oral, "Viên", "VD-25544-16", NamHa, 300),
        D(41, "Acetylcystein 200mg", "Acetylcystein", "200mg", Oral, "Gói", "VD-28671-18", Pymepharco, 1_000),
        D(42, "Cetirizin 10mg", "Cetirizin dihydroclorid", "10mg", Oral, "Viên", "VD-22190-15", Domesco, 250),
        D(43, "Loratadin 10mg", "Loratadin", "10mg", Oral, "Viên", "VD-23476-15", Traphaco, 300),
        D(44, "Methylprednisolon 16mg", "Methylprednisolon", "16mg", Oral, "Viên", "VD-29405-18", Imexpharm, 1_700),
        D(45, "Prednisolon 5mg", "Prednisolon", "5mg", Oral, "Viên", "VD-20877-14", Vidipha, 150),
        D(46, "Natri clorid 0,9% 500ml", "Natri clorid", "0,9% x 500ml", "Tiêm truyền tĩnh mạch", "Chai", "VD-21635-14", Mekophar, 9_500),
        D(47, "Ringer lactat 500ml", "Natri clorid + Kali clorid + Calci clorid + Natri lactat", "500ml", "Tiêm truyền tĩnh mạch", "Chai", "VD-22718-15", Mekophar, 11_000),
        D(48, "Glucose 5% 500ml", "Glucose", "5% x 500ml", "Tiêm truyền tĩnh mạch", "Chai", "VD-21640-14", Mekophar, 10_500),
        // Vitamin combinations are outside the BHYT drug list for outpatient use.
        D(49, "Vitamin 3B", "Vitamin B1 + B6 + B12", "125mg + 125mg + 125mcg", Oral, "Viên", "VD-27301-17", Hataphar, 600, covered: false),
        D(50, "Calci carbonat + Vitamin D3", "Calci carbonat + Cholecalciferol", "1250mg + 125IU", Oral, "Viên", "VD-30072-18", Traphaco, 900),
        D(51, "Sắt sulfat + Acid folic", "Sắt (II) sulfat + Acid folic", "160mg + 0,4mg", Oral, "Viên", "VD-26133-16", NamHa, 800),
        D(52, "Diazepam 5mg", "Diazepam", "5mg", Oral, "Viên", "VD-20234-13", Vidipha, 300, control: DrugControlClass.Psychotropic),
        D(53, "Adrenalin 1mg/1ml", "Epinephrin", "1mg/1ml", "Tiêm", "Ống", "VD-24811-16", Vidipha, 3_500),
        D(54, "Lidocain 2% 2ml", "Lidocain hydroclorid", "40mg/2ml", "Tiêm", "Ống", "VD-22256-15", Vidipha, 600),
        D(55, "Oxytocin 5IU/1ml", "Oxytocin", "5IU/1ml", "Tiêm", "Ống", "VN-20044-16", Imported, 4_500),
        D(56, "Povidon iod 10% 90ml", "Povidon iod", "10% x 90ml", "Dùng ngoài", "Chai", "VD-23118-15", Mekophar, 18_000),
        // Controlled drugs (TT 20/2017 lists): each goes on its own prescription form (TT 26/2025).
        D(57, "Morphin sulfat 30mg giải phóng kéo dài", "Morphin sulfat", "30mg", Oral, "Viên", "VN-20871-17", Imported, 9_800,
            control: DrugControlClass.Narcotic),
        D(58, "Morphin hydroclorid 10mg/1ml", "Morphin hydroclorid", "10mg/1ml", "Tiêm", "Ống", "VD-24460-16", Vidipha, 5_200,
            control: DrugControlClass.Narcotic),
        D(59, "Phenobarbital 100mg", "Phenobarbital", "100mg", Oral, "Viên", "VD-23102-15", Mekophar, 250, control: DrugControlClass.Psychotropic),
        D(60, "Ephedrin hydroclorid 10mg", "Ephedrin hydroclorid", "10mg", Oral, "Viên", "VD-21905-14", Vidipha, 400, control: DrugControlClass.Precursor),
        // A finished herbal medicine (thuốc cổ truyền), prescribed on the traditional-medicine form.
        D(61, "Hoạt huyết dưỡng não", "Cao đinh lăng + Cao bạch quả", "150mg + 5mg", Oral, "Viên", "VD-27004-17", Traphaco, 1_100,
            control: DrugControlClass.Herbal),
        D(62, "Siro ho Bảo Thanh 125ml", "Xuyên bối mẫu + Tỳ bà diệp + Cát cánh + Mật ong", "125ml", Oral, "Chai", "VD-26214-17", Hataphar, 45_000,
            covered: false, control: DrugControlClass.Herbal),
    ];

    private static Supply S(int n, string name, string unit, decimal price, bool covered = true) => new()
    {
        Code = $"VT{n:0000}",
        Name = name,
        Unit = unit,
        Price = price,
        CostGroup = BhytCostGroup.SupplyInList,
        CoveredByBhyt = covered,
    };

    public static List<Supply> CreateSupplies() =>
    [
        S(1, "Bơm tiêm nhựa dùng một lần 5ml", "Cái", 900),
        S(2, "Bơm tiêm nhựa dùng một lần 10ml", "Cái", 1_200),
        S(3, "Kim luồn tĩnh mạch 22G", "Cái", 8_500),
        S(4, "Dây truyền dịch", "Bộ", 4_500),
        S(5, "Găng tay khám", "Đôi", 1_800),
        S(6, "Găng tay phẫu thuật vô trùng", "Đôi", 5_500),
        S(7, "Bông hút nước 25g", "Gói", 4_000),
        S(8, "Gạc phẫu thuật 10cm x 10cm", "Miếng", 1_200),
        S(9, "Băng dính cuộn 2,5cm x 5m", "Cuộn", 9_000),
        S(10, "Ống thông tiểu Foley 2 nhánh số 16", "Cái", 12_000),
        S(11, "Ống thông dạ dày số 16", "Cái", 6_500),
        S(12, "Chỉ khâu Nylon 3/0 kim tam giác", "Sợi", 18_000),
        S(13, "Nẹp cẳng tay", "Cái", 95_000),
        S(14, "Băng bột bó 10cm", "Cuộn", 22_000),
        S(15, "Mặt nạ khí dung", "Bộ", 25_000),
        S(16, "Que thử đường huyết", "Que", 7_000),
        S(17, "Khẩu trang y tế", "Cái", 600, covered: false),
    ];
}
