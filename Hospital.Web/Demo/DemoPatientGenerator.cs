using Bogus;
using Hospital.Domain.Patients;
using Hospital.Domain.Text;

namespace Hospital.Web.Demo;

/// <summary>A commune a demo patient may live in.</summary>
public sealed record DemoCommune(string Code, string ProvinceCode, string Kind);

/// <summary>The loaded catalogs demo patients are drawn from.</summary>
public sealed record DemoPatientReferences(
    IReadOnlyList<DemoCommune> Communes,
    IReadOnlyList<string> ProvinceCodes,
    IReadOnlyDictionary<string, int> BenefitLevelByGroup,
    IReadOnlyCollection<string> OccupationCodes,
    IReadOnlyCollection<string> EthnicityCodes);

/// <summary>
/// Builds demo patients without touching the database: realistic names, ages from newborns to
/// the very old, CCCD, phones, addresses mostly in Ninh Bình, and BHYT cards whose group suits
/// the age. The same seed gives the same patients, so demo data is reproducible.
/// </summary>
public static class DemoPatientGenerator
{
    public const int DefaultSeed = 20261122;
    public const string HomeProvince = "37";
    public const string CapitalProvince = "01";

    /// <summary>Outpatients skew to small children and the elderly.</summary>
    private static readonly (int From, int To)[] AgeBands = [(0, 5), (6, 17), (18, 39), (40, 59), (60, 79), (80, 98)];
    private static readonly float[] AgeBandWeights = [12, 10, 20, 25, 25, 8];

    private static readonly string[] Hamlets = ["Đông", "Đoài", "Trung", "Thượng", "Hạ", "Nam", "Bắc", "Yên Bình", "Phú Thành", "Tân Mỹ", "An Lạc", "Đồng Tâm", "Văn Lâm", "Bích Động", "Khê Đầu", "Phúc Lộc"];
    private static readonly string[] Streets = ["Trần Hưng Đạo", "Lê Hồng Phong", "Tràng An", "Lê Thái Tổ", "Đinh Tiên Hoàng", "Lý Thái Tổ", "Nguyễn Huệ", "Hải Thượng Lãn Ông", "Lương Văn Thụy", "Xuân Thành", "Nguyễn Công Trứ", "Phạm Văn Nghị", "Võ Thị Sáu", "Hoàng Hoa Thám", "Lê Lợi", "Quang Trung"];

    /// <summary>Common occupations of the VSCO 2020 list, used when present in the loaded catalog.</summary>
    private static readonly string[] AdultOccupations = ["61111", "61140", "61300", "63100", "75310", "71110", "52110", "41101", "23410", "23310", "83221", "83311", "43110", "22110", "32210", "54010", "72121", "74110", "91111", "93290", "93130", "92010", "24111"];
    private static readonly float[] AdultOccupationWeights = [18, 8, 8, 6, 8, 7, 9, 5, 2, 2, 2, 1, 2, 1, 1, 2, 2, 2, 3, 3, 3, 3, 1];
    public const string UnknownOccupation = "00000";

    public static List<Patient> Generate(int count, DemoPatientReferences refs, DateOnly today, DateTime createdAtUtc, int seed = DefaultSeed)
    {
        var random = new Randomizer(seed);
        var home = refs.Communes.Where(c => c.ProvinceCode == HomeProvince).ToArray();
        var capital = refs.Communes.Where(c => c.ProvinceCode == CapitalProvince).ToArray();
        var elsewhere = refs.ProvinceCodes.Where(p => p != HomeProvince && p != CapitalProvince).ToArray();
        var occupations = AdultOccupations.Select((code, i) => (code, AdultOccupationWeights[i]))
            .Where(o => refs.OccupationCodes.Contains(o.code)).ToArray();
        var cccds = new HashSet<string>();
        var cards = new HashSet<string>();
        var patients = new List<Patient>(count);

        for (var i = 0; i < count; i++)
        {
            var band = random.Weighted(AgeBands, AgeBandWeights);
            var age = random.Number(band.From, band.To);
            var dateOfBirth = today.AddYears(-age).AddDays(-random.Number(1, 364));
            var birthYear = dateOfBirth.Year;
            // Many elderly patients know only their birth year (Patient.BirthYear), about 10% overall.
            var yearOnly = random.Bool(birthYear < 1960 ? 0.3f : 0.02f);
            var sex = random.Bool(0.52f) ? Sex.Female : Sex.Male;
            var fullName = VietnameseNames.FullName(random, sex, birthYear);
            var birthProvince = DemoIdentityNumbers.BirthProvince(random);

            var patient = new Patient
            {
                Code = PatientCode(today, i + 1),
                FullName = fullName,
                SearchKey = VietnameseText.SearchKey(fullName),
                DateOfBirth = yearOnly ? null : dateOfBirth,
                BirthYear = birthYear,
                Sex = sex,
                EthnicityCode = Ethnicity(random, refs.EthnicityCodes),
                OccupationCode = Occupation(random, age, occupations, refs.OccupationCodes),
                Phone = random.Bool(age >= 75 ? 0.7f : 0.92f) ? DemoIdentityNumbers.MobilePhone(random) : null,
                CreatedAt = createdAtUtc,
                CreatedBy = "demo",
            };
            if (age >= 14 && random.Bool(0.95f))
                patient.Cccd = Unique(cccds, () => DemoIdentityNumbers.Cccd(random, birthProvince, sex, birthYear));
            SetAddress(random, patient, home, capital, elsewhere);

            if (random.Bool(age < 6 ? 0.95f : 0.68f))
            {
                var card = Card(random, refs, patient, age, birthProvince, today, cards);
                if (card is not null) patient.BhytCards.Add(card);
            }
            patients.Add(patient);
        }
        AddGuardiansAndAllergies(patients, today, createdAtUtc, seed);
        return patients;
    }

    private static readonly string[] AllergySubstances = ["Penicillin", "Amoxicillin", "Cefalexin", "Aspirin", "Ibuprofen", "Sulfamethoxazol", "Hải sản", "Phấn hoa"];
    private static readonly string[] AllergyReactions = ["nổi mề đay", "ngứa, phát ban", "khó thở", "phù mạch", "sốc phản vệ"];

    /// <summary>
    /// Guardians for children under 6 (required by reception) and a few recorded allergies. A
    /// second random stream, so the patients drawn above stay the same for a given seed.
    /// </summary>
    private static void AddGuardiansAndAllergies(List<Patient> patients, DateOnly today, DateTime createdAtUtc, int seed)
    {
        var random = new Randomizer(seed + 1);
        foreach (var p in patients)
        {
            if (PatientValidation.MayBeUnder(p.DateOfBirth, p.BirthYear, today, PatientValidation.GuardianRequiredUnderAge))
            {
                var mother = random.Bool(0.7f);
                var parentSex = mother ? Sex.Female : Sex.Male;
                var parentName = VietnameseNames.FullName(random, parentSex, p.BirthYear - random.Number(20, 38));
                // Children carry the father's family name; the father's full name then starts with it.
                if (!mother) parentName = p.FullName.Split(' ')[0] + parentName[parentName.IndexOf(' ')..];
                p.GuardianName = parentName;
                p.GuardianRelation = mother ? "Mẹ" : "Bố";
                p.GuardianPhone = DemoIdentityNumbers.MobilePhone(random);
            }
            if (random.Bool(0.04f))
            {
                var substance = random.ArrayElement(AllergySubstances);
                p.Allergies.Add(new PatientAllergy
                {
                    Substance = substance,
                    SubstanceKey = VietnameseText.SearchKey(substance),
                    Reaction = random.ArrayElement(AllergyReactions),
                    Severity = random.Weighted([AllergySeverity.Mild, AllergySeverity.Moderate, AllergySeverity.Severe], [5f, 3, 1]),
                    RecordedAt = createdAtUtc,
                    RecordedBy = "demo",
                });
            }
        }
    }

    /// <summary>"yy" of the current year + a 7-digit sequence, as reception numbers them (e.g. 260000001).</summary>
    public static string PatientCode(DateOnly today, int sequence) => $"{today.Year % 100:00}{sequence:0000000}";

    private static string? Ethnicity(Randomizer random, IReadOnlyCollection<string> codes)
    {
        // Kinh nearly everywhere; Mường live in the hills of Nho Quan (Ninh Bình).
        var code = random.Weighted(["01", "06", "02", "03", "09", "04"], [95.5f, 3f, 0.5f, 0.4f, 0.3f, 0.3f]);
        return codes.Contains(code) ? code : codes.Contains("01") ? "01" : null;
    }

    private static string? Occupation(Randomizer random, int age, (string Code, float Weight)[] adult, IReadOnlyCollection<string> all)
    {
        var unknown = all.Contains(UnknownOccupation) ? UnknownOccupation : null;
        if (age < 18 || adult.Length == 0) return unknown;
        if (age >= 65 && random.Bool(0.6f)) return unknown;
        return random.Weighted(adult.Select(a => a.Code).ToArray(), adult.Select(a => a.Weight).ToArray());
    }

    private static void SetAddress(Randomizer random, Patient patient, DemoCommune[] home, DemoCommune[] capital, string[] elsewhere)
    {
        var where = random.Number(1, 100);
        var pool = where <= 85 && home.Length > 0 ? home : where <= 95 && capital.Length > 0 ? capital : null;
        if (pool is null)
        {
            // Only Ninh Bình and Hà Nội communes ship with the demo; others get a province and a free-text line.
            patient.ProvinceCode = elsewhere.Length > 0 ? random.ArrayElement(elsewhere) : HomeProvince;
            patient.AddressLine = $"Số {random.Number(1, 300)}, đường {random.ArrayElement(Streets)}";
            return;
        }
        var commune = random.ArrayElement(pool);
        patient.ProvinceCode = commune.ProvinceCode;
        patient.CommuneCode = commune.Code;
        patient.AddressLine = commune.Kind == "Phường"
            ? random.Bool(0.6f) ? $"Số {random.Number(1, 250)}, đường {random.ArrayElement(Streets)}" : $"Tổ dân phố {random.Number(1, 24)}"
            : random.Bool(0.5f) ? $"Thôn {random.ArrayElement(Hamlets)}" : $"Xóm {random.Number(1, 15)}";
    }

    private static BhytCard? Card(Randomizer random, DemoPatientReferences refs, Patient patient, int age, string birthProvince, DateOnly today, HashSet<string> numbers)
    {
        var group = GroupFor(random, age);
        // DT is for ethnic minorities living in hardship areas.
        if (group == "DT" && patient.EthnicityCode == "01") group = "GD";
        if (!refs.BenefitLevelByGroup.TryGetValue(group, out var level))
        {
            group = "GD";
            if (!refs.BenefitLevelByGroup.TryGetValue(group, out level)) return null;
        }
        var issuingProvince = patient.ProvinceCode ?? HomeProvince;
        var number = Unique(numbers, () => DemoIdentityNumbers.BhytCardNumber(group, level, issuingProvince,
            DemoIdentityNumbers.SocialInsuranceNumber(random, birthProvince)));

        DateOnly from, to;
        var born = patient.DateOfBirth ?? new DateOnly(patient.BirthYear, 1, 1);
        if (group == "TE")
        {
            // A child's card runs from birth until the day before the 6th birthday (72 months).
            from = born;
            to = born.AddYears(6).AddDays(-1);
        }
        else
        {
            var kind = random.Number(1, 100);
            if (kind <= 9)
            {
                // Expired: the patient has to renew it (reception checks the portal).
                to = today.AddDays(-random.Number(1, 400));
                from = to.AddYears(-1).AddDays(1);
            }
            else if (kind <= 45)
            {
                from = new DateOnly(today.Year, 1, 1);
                to = new DateOnly(today.Year, 12, 31);
            }
            else
            {
                from = today.AddDays(-random.Number(0, 360));
                to = from.AddYears(1).AddDays(-1);
            }
        }

        // A child's TE card ends the day before the 6th birthday; the next card starts then.
        var sixth = born.AddYears(6);
        if (group != "TE" && from < sixth)
        {
            from = sixth;
            if (to < from) to = from.AddYears(1).AddDays(-1);
        }

        // NAM_NAM_LIEN_TUC: the day the holder completed 5 continuous years, so never before age 5.
        DateOnly? fiveYears = null;
        if (age >= 12 && random.Bool(0.3f))
        {
            var reached = new DateOnly(today.Year - random.Number(0, Math.Min(10, age - 6)), random.Number(1, 12), 1);
            fiveYears = reached > today ? reached.AddYears(-1) : reached;
        }

        return new BhytCard
        {
            Number = number,
            SocialInsuranceNumber = number[5..],
            ValidFrom = from,
            ValidTo = to,
            RegisteredFacilityCode = RegisteredFacility(random, issuingProvince),
            FiveYearsContinuousFrom = fiveYears,
            CreatedAt = patient.CreatedAt,
        };
    }

    /// <summary>The beneficiary group likely for someone of this age (QĐ 1351 codes).</summary>
    private static string GroupFor(Randomizer random, int age) => age switch
    {
        < 6 => "TE",
        < 18 => random.Weighted(["HS", "HN", "CN", "GD", "DT"], [80f, 7, 5, 6, 2]),
        < 23 => random.Weighted(["SV", "GD", "DN", "HN", "CN"], [55f, 20, 15, 5, 5]),
        < 60 => random.Weighted(["DN", "GD", "HC", "CH", "TK", "HN", "CN", "GB", "XK", "DT", "HX"], [26f, 30, 10, 5, 4, 5, 5, 6, 2, 4, 3]),
        < 80 => random.Weighted(["HT", "GD", "CB", "KC", "HN", "CN", "TS", "CC"], [40f, 30, 9, 6, 5, 4, 4, 2]),
        _ => random.Weighted(["BT", "HT", "CB", "KC", "CT", "CC", "GD"], [30f, 30, 10, 8, 6, 4, 12]),
    };

    /// <summary>Mã KCB ban đầu: province + 3 digits; the demo hospital is 37001, commune health stations follow.</summary>
    private static string RegisteredFacility(Randomizer random, string province) =>
        province == HomeProvince && random.Bool(0.3f) ? "37001" : province + random.Number(2, 180).ToString("000");

    private static string Unique(HashSet<string> taken, Func<string> next)
    {
        string value;
        do value = next();
        while (!taken.Add(value));
        return value;
    }
}
