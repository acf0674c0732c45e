using Hospital.Domain.Lab;
using Hospital.Domain.Patients;
using static Hospital.Domain.Lab.SpecimenType;

namespace Hospital.Web.Demo;

/// <summary>
/// The demo lab's test catalog: the everyday tests behind the lab services of
/// <see cref="DemoServices"/>, with adult reference ranges by sex (from the shared reference list
/// of common Vietnamese lab tests), a few children's bands, critical limits for the values a lab
/// phones through (K, Na, glucose, HGB, PLT, WBC, INR), and the code maps of two demo analysers.
/// Ranges depend on the analyser and reagent: a real lab replaces these with its own.
/// </summary>
public static class DemoLabCatalog
{
    public sealed record Range(Sex? Sex, decimal? Low, decimal? High, int FromDays = 0, int? ToDays = null,
        decimal? CriticalLow = null, decimal? CriticalHigh = null, string? Text = null);

    public sealed record Test(string Code, string Name, string Short, string Section, SpecimenType Specimen, string? Unit, int Decimals,
        LabResultType Type, IReadOnlyList<Range> Ranges, string? CodedValues = null);

    private const string Haem = "Huyết học", Coag = "Đông máu", Chem = "Sinh hóa", Immuno = "Miễn dịch", Urine = "Nước tiểu", Micro = "Vi sinh";
    private const int Year = 365;

    private static Test N(string code, string name, string shortName, string section, SpecimenType specimen, string? unit, int decimals, params Range[] ranges) =>
        new(code, name, shortName, section, specimen, unit, decimals, LabResultType.Numeric, ranges);

    private static Test Q(string code, string name, string shortName, string section, SpecimenType specimen, string normal = "Âm tính") =>
        new(code, name, shortName, section, specimen, null, 0, LabResultType.Coded, [new(null, null, null, Text: normal)], "Âm tính;Dương tính");

    private static Range Both(decimal? low, decimal? high, decimal? critLow = null, decimal? critHigh = null) => new(null, low, high, CriticalLow: critLow, CriticalHigh: critHigh);
    private static Range Male(decimal? low, decimal? high) => new(Sex.Male, low, high);
    private static Range Female(decimal? low, decimal? high) => new(Sex.Female, low, high);

    public static readonly IReadOnlyList<Test> Tests =
    [
        N("HH-WBC", "Số lượng bạch cầu (WBC)", "WBC", Haem, WholeBloodEdta, "G/L", 2, Both(4, 10, 2, 30), new(null, 5, 15, 1 * Year, 6 * Year, 2, 30)),
        N("HH-RBC", "Số lượng hồng cầu (RBC)", "RBC", Haem, WholeBloodEdta, "T/L", 2, Male(4.2m, 6), Female(3.9m, 5)),
        N("HH-HGB", "Huyết sắc tố (HGB)", "HGB", Haem, WholeBloodEdta, "g/L", 0,
            new(Sex.Male, 130, 170, 12 * Year, CriticalLow: 70), new(Sex.Female, 120, 150, 12 * Year, CriticalLow: 70),
            new(null, 110, 140, 183, 6 * Year, CriticalLow: 70), new(null, 115, 155, 6 * Year, 12 * Year, CriticalLow: 70)),
        N("HH-HCT", "Hematocrit (HCT)", "HCT", Haem, WholeBloodEdta, "L/L", 2, Male(0.38m, 0.49m), Female(0.34m, 0.45m)),
        N("HH-MCV", "Thể tích trung bình hồng cầu (MCV)", "MCV", Haem, WholeBloodEdta, "fL", 1, Both(85, 95)),
        N("HH-MCH", "Lượng huyết sắc tố trung bình hồng cầu (MCH)", "MCH", Haem, WholeBloodEdta, "pg", 1, Male(26, 33), Female(24, 33)),
        N("HH-MCHC", "Nồng độ huyết sắc tố trung bình hồng cầu (MCHC)", "MCHC", Haem, WholeBloodEdta, "g/L", 0, Both(310, 360)),
        N("HH-RDWCV", "Dải phân bố kích thước hồng cầu (RDW-CV)", "RDW-CV", Haem, WholeBloodEdta, "%", 1, Both(10, 15)),
        N("HH-PLT", "Số lượng tiểu cầu (PLT)", "PLT", Haem, WholeBloodEdta, "G/L", 0, Both(150, 400, 20, 1000)),
        N("HH-MPV", "Thể tích trung bình tiểu cầu (MPV)", "MPV", Haem, WholeBloodEdta, "fL", 1, Both(6, 12)),
        N("HH-NEUP", "Tỷ lệ bạch cầu trung tính (NEU%)", "NEU%", Haem, WholeBloodEdta, "%", 1, Both(40, 75)),
        N("HH-LYMP", "Tỷ lệ bạch cầu lympho (LYM%)", "LYM%", Haem, WholeBloodEdta, "%", 1, Both(18, 48)),
        N("HH-MONOP", "Tỷ lệ bạch cầu mono (MONO%)", "MONO%", Haem, WholeBloodEdta, "%", 1, Both(0, 12)),
        N("HH-EOP", "Tỷ lệ bạch cầu ưa acid (EO%)", "EO%", Haem, WholeBloodEdta, "%", 1, Both(0, 7)),
        N("HH-BASOP", "Tỷ lệ bạch cầu ưa base (BASO%)", "BASO%", Haem, WholeBloodEdta, "%", 1, Both(0, 2.5m)),
        N("HH-NEU", "Số lượng bạch cầu trung tính (NEU#)", "NEU#", Haem, WholeBloodEdta, "G/L", 2, Both(1.8m, 7)),
        N("HH-LYM", "Số lượng bạch cầu lympho (LYM#)", "LYM#", Haem, WholeBloodEdta, "G/L", 2, Both(1, 4)),
        N("HH-MONO", "Số lượng bạch cầu mono (MONO#)", "MONO#", Haem, WholeBloodEdta, "G/L", 2, Both(0, 0.9m)),
        N("HH-EO", "Số lượng bạch cầu ưa acid (EO#)", "EO#", Haem, WholeBloodEdta, "G/L", 2, Both(0, 0.7m)),
        N("HH-BASO", "Số lượng bạch cầu ưa base (BASO#)", "BASO#", Haem, WholeBloodEdta, "G/L", 2, Both(0, 0.2m)),
        N("HH-ESR1", "Tốc độ máu lắng giờ đầu", "ESR", Haem, WholeBloodCitrate, "mm", 0, Male(0, 15), Female(0, 20)),
        new("HH-ABO", "Nhóm máu hệ ABO", "ABO", Haem, WholeBloodEdta, null, 0, LabResultType.Coded, [], "A;B;AB;O"),
        N("DM-PT", "Thời gian prothrombin (PT)", "PT", Coag, PlasmaCitrate, "giây", 1, Both(10, 14)),
        N("DM-PTP", "Tỷ lệ prothrombin (PT%)", "PT%", Coag, PlasmaCitrate, "%", 0, Both(70, 140)),
        N("DM-INR", "INR", "INR", Coag, PlasmaCitrate, null, 2, Both(0.8m, 1.2m, null, 5)),
        N("DM-APTT", "Thời gian thromboplastin từng phần hoạt hóa (APTT)", "APTT", Coag, PlasmaCitrate, "giây", 1, Both(25, 37.5m)),
        N("DM-APTTR", "APTT tỷ lệ bệnh/chứng", "APTT-R", Coag, PlasmaCitrate, null, 2, Both(0.8m, 1.2m)),
        N("SH-GLU", "Định lượng glucose (máu)", "GLU", Chem, Serum, "mmol/L", 1, Both(3.9m, 6.4m, 2.5m, 25)),
        N("SH-UREA", "Định lượng urê (máu)", "UREA", Chem, Serum, "mmol/L", 1, Both(1.7m, 8.3m)),
        N("SH-CREA", "Định lượng creatinin (máu)", "CREA", Chem, Serum, "µmol/L", 0, Male(62, 106), Female(44, 88)),
        N("SH-URIC", "Định lượng acid uric (máu)", "URIC", Chem, Serum, "µmol/L", 0, Male(180, 420), Female(150, 360)),
        N("SH-AST", "Đo hoạt độ AST (GOT)", "AST", Chem, Serum, "U/L", 0, Both(5, 40)),
        N("SH-ALT", "Đo hoạt độ ALT (GPT)", "ALT", Chem, Serum, "U/L", 0, Both(5, 40)),
        N("SH-GGT", "Đo hoạt độ GGT", "GGT", Chem, Serum, "U/L", 0, Male(8, 61), Female(5, 36)),
        N("SH-BILT", "Định lượng bilirubin toàn phần", "BIL-T", Chem, Serum, "µmol/L", 1, Both(0, 17)),
        N("SH-CHOL", "Định lượng cholesterol toàn phần", "CHOL", Chem, Serum, "mmol/L", 2, Both(3.9m, 5.2m)),
        N("SH-TG", "Định lượng triglycerid", "TG", Chem, Serum, "mmol/L", 2, Both(0.46m, 1.88m)),
        N("SH-HDL", "Định lượng HDL-cholesterol", "HDL-C", Chem, Serum, "mmol/L", 2, Both(0.9m, null)),
        N("SH-LDL", "Định lượng LDL-cholesterol", "LDL-C", Chem, Serum, "mmol/L", 2, Both(null, 3.4m)),
        N("SH-NA", "Định lượng natri (Na+)", "Na", Chem, Serum, "mmol/L", 0, Both(136, 145, 120, 160)),
        N("SH-K", "Định lượng kali (K+)", "K", Chem, Serum, "mmol/L", 1, Both(3.5m, 5.1m, 2.8m, 6.2m)),
        N("SH-CL", "Định lượng clo (Cl-)", "Cl", Chem, Serum, "mmol/L", 0, Both(98, 107)),
        N("SH-CRP", "Định lượng CRP", "CRP", Chem, Serum, "mg/L", 1, Both(0, 5)),
        N("SH-HBA1C", "Định lượng HbA1c", "HbA1c", Chem, WholeBloodEdta, "%", 1, Both(4, 6)),
        N("SH-TNT", "Định lượng troponin T độ nhạy cao (hs-TnT)", "hs-TnT", Chem, Serum, "ng/L", 1, Both(null, 14)),
        N("MD-TSH", "Định lượng TSH", "TSH", Immuno, Serum, "µIU/mL", 2, Both(0.35m, 4.94m)),
        N("MD-FT4", "Định lượng FT4", "FT4", Immuno, Serum, "pmol/L", 2, Both(9, 19.05m)),
        N("MD-AFP", "Định lượng AFP", "AFP", Immuno, Serum, "ng/mL", 2, Both(0, 10)),
        N("MD-PSA", "Định lượng PSA toàn phần", "PSA", Immuno, Serum, "ng/mL", 2, Male(0, 4)),
        N("MD-BHCG", "Định lượng beta-hCG", "β-hCG", Immuno, Serum, "mIU/mL", 1, Both(null, 5)),
        Q("MD-HBSAG", "HBsAg (test nhanh)", "HBsAg", Immuno, Serum),
        Q("MD-ANTIHCV", "Anti-HCV (test nhanh)", "HCV Ab", Immuno, Serum),
        Q("MD-HIV", "HIV Ab (test nhanh)", "HIV Ab", Immuno, Serum),
        Q("MD-NS1", "Dengue NS1Ag (test nhanh)", "NS1", Immuno, Serum),
        Q("NT-GLU", "Glucose niệu", "GLU", Urine, SpecimenType.Urine),
        Q("NT-PRO", "Protein niệu", "PRO", Urine, SpecimenType.Urine),
        Q("NT-KET", "Ketone niệu", "KET", Urine, SpecimenType.Urine),
        Q("NT-BIL", "Bilirubin niệu", "BIL", Urine, SpecimenType.Urine),
        N("NT-UBG", "Urobilinogen niệu", "UBG", Urine, SpecimenType.Urine, "µmol/L", 1, Both(null, 17)),
        Q("NT-BLD", "Hồng cầu niệu", "BLD", Urine, SpecimenType.Urine),
        Q("NT-NIT", "Nitrit niệu", "NIT", Urine, SpecimenType.Urine),
        Q("NT-LEU", "Bạch cầu niệu", "LEU", Urine, SpecimenType.Urine),
        N("NT-PH", "pH nước tiểu", "pH", Urine, SpecimenType.Urine, null, 1, Both(5, 7.5m)),
        N("NT-SG", "Tỷ trọng nước tiểu", "SG", Urine, SpecimenType.Urine, null, 3, Both(1.015m, 1.025m)),
        new("VS-NHUOM", "Vi khuẩn nhuộm soi", "Nhuộm soi", Micro, Other, null, 0, LabResultType.Text, []),
    ];

    /// <summary>Which tests each demo lab service (MA_DICH_VU) is made of, in report order.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ServiceTests = new Dictionary<string, string[]>
    {
        ["22.0121.1369"] = ["HH-WBC", "HH-RBC", "HH-HGB", "HH-HCT", "HH-MCV", "HH-MCH", "HH-MCHC", "HH-RDWCV", "HH-PLT", "HH-MPV",
            "HH-NEUP", "HH-LYMP", "HH-MONOP", "HH-EOP", "HH-BASOP", "HH-NEU", "HH-LYM", "HH-MONO", "HH-EO", "HH-BASO"],
        ["22.0135.1303"] = ["HH-ESR1"],
        ["22.0280.1269"] = ["HH-ABO"],
        ["22.0001.1355"] = ["DM-PT", "DM-PTP", "DM-INR"],
        ["22.0004.1356"] = ["DM-APTT", "DM-APTTR"],
        ["23.0075.1494"] = ["SH-GLU"],
        ["23.0166.1494"] = ["SH-UREA"],
        ["23.0051.1494"] = ["SH-CREA"],
        ["23.0019.1493"] = ["SH-AST"],
        ["23.0020.1493"] = ["SH-ALT"],
        ["23.0077.1518"] = ["SH-GGT"],
        ["23.0010.1494"] = ["SH-BILT"],
        ["23.0041.1506"] = ["SH-CHOL"],
        ["23.0158.1506"] = ["SH-TG"],
        ["23.0084.1506"] = ["SH-HDL"],
        ["23.0112.1506"] = ["SH-LDL"],
        ["23.0083.1523"] = ["SH-HBA1C"],
        ["23.0003.1494"] = ["SH-URIC"],
        ["23.0058.1487"] = ["SH-NA", "SH-K", "SH-CL"],
        ["23.0032.1516"] = ["SH-CRP"],
        ["23.0162.1561"] = ["SH-TNT"],
        ["23.0128.1568"] = ["MD-TSH"],
        ["23.0069.1568"] = ["MD-FT4"],
        ["23.0007.1579"] = ["MD-AFP"],
        ["23.0198.1579"] = ["MD-PSA"],
        ["23.0050.1587"] = ["MD-BHCG"],
        ["23.0206.1596"] = ["NT-GLU", "NT-PRO", "NT-KET", "NT-BIL", "NT-UBG", "NT-BLD", "NT-NIT", "NT-LEU", "NT-PH", "NT-SG"],
        ["24.0117.1619"] = ["MD-HBSAG"],
        ["24.0144.1630"] = ["MD-ANTIHCV"],
        ["24.0153.1629"] = ["MD-HIV"],
        ["24.0272.1713"] = ["MD-NS1"],
        ["24.0017.1716"] = ["VS-NHUOM"],
    };

    /// <summary>Code maps of the demo analysers (instrument code → our code): a haematology and a chemistry analyser.</summary>
    public static readonly IReadOnlyList<(string Analyser, string AnalyserCode, string TestCode)> AnalyserCodes =
    [
        .. new[] { ("WBC", "HH-WBC"), ("RBC", "HH-RBC"), ("HGB", "HH-HGB"), ("HCT", "HH-HCT"), ("MCV", "HH-MCV"), ("MCH", "HH-MCH"),
            ("MCHC", "HH-MCHC"), ("RDW-CV", "HH-RDWCV"), ("PLT", "HH-PLT"), ("MPV", "HH-MPV"), ("NEUT%", "HH-NEUP"), ("LYMPH%", "HH-LYMP"),
            ("MONO%", "HH-MONOP"), ("EO%", "HH-EOP"), ("BASO%", "HH-BASOP"), ("NEUT#", "HH-NEU"), ("LYMPH#", "HH-LYM"), ("MONO#", "HH-MONO"),
            ("EO#", "HH-EO"), ("BASO#", "HH-BASO") }.Select(x => ("XN1", x.Item1, x.Item2)),
        .. new[] { ("GLU", "SH-GLU"), ("UREA", "SH-UREA"), ("CREA", "SH-CREA"), ("UA", "SH-URIC"), ("AST", "SH-AST"), ("ALT", "SH-ALT"),
            ("GGT", "SH-GGT"), ("TBIL", "SH-BILT"), ("CHOL", "SH-CHOL"), ("TG", "SH-TG"), ("HDL", "SH-HDL"), ("LDL", "SH-LDL"),
            ("CRP", "SH-CRP"), ("NA", "SH-NA"), ("K", "SH-K"), ("CL", "SH-CL") }.Select(x => ("BS1", x.Item1, x.Item2)),
    ];

    /// <summary>Adds the tests, their ranges, the service links and code maps (services by code must exist); the caller saves.</summary>
    public static async Task AddAsync(Domain.Data.HospitalDbContext db, IReadOnlyDictionary<string, int> serviceIdByCode, CancellationToken ct)
    {
        var tests = Tests.Select((t, i) => new LabTest
        {
            Code = t.Code,
            Name = t.Name,
            ShortName = t.Short,
            Section = t.Section,
            SpecimenType = t.Specimen,
            Unit = t.Unit,
            Decimals = t.Decimals,
            ResultType = t.Type,
            CodedValues = t.CodedValues,
            Position = i + 1,
            Ranges = t.Ranges.Select(r => new LabReferenceRange
            {
                Sex = r.Sex, AgeFromDays = r.FromDays, AgeToDays = r.ToDays, Low = r.Low, High = r.High,
                CriticalLow = r.CriticalLow, CriticalHigh = r.CriticalHigh, NormalText = r.Text,
            }).ToList(),
        }).ToList();
        db.AddRange(tests);
        await db.SaveChangesAsync(ct);
        var testId = tests.ToDictionary(t => t.Code, t => t.Id);
        foreach (var (service, codes) in ServiceTests)
            if (serviceIdByCode.TryGetValue(service, out var sid))
                db.AddRange(codes.Select((c, i) => new LabServiceTest { ServiceId = sid, LabTestId = testId[c], Position = i + 1 }));
        db.AddRange(AnalyserCodes.Select(a => new AnalyserTestCode { Analyser = a.Analyser, AnalyserCode = a.AnalyserCode, LabTestId = testId[a.TestCode] }));
    }
}
