using Hospital.Domain.Catalog;
using Hospital.Domain.Patients;
using Hospital.Domain.Text;
using Hospital.Web.Demo;

namespace Hospital.Tests.Demo;

/// <summary>
/// The demo patients drawn from the shipped catalogs: identity numbers are well formed and agree
/// with the person (CCCD century/sex digit and birth year, BHYT group and benefit digit), and the
/// mix looks like a Ninh Bình outpatient clinic.
/// </summary>
public sealed class DemoPatientGeneratorTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateTime Now = new(2026, 11, 22, 3, 0, 0, DateTimeKind.Utc);

    private static readonly Lazy<DemoPatientReferences> Refs = new(() => new DemoPatientReferences(
        ShippedCatalogTests.Read<Commune>().Select(c => new DemoCommune(c.Code, c.ProvinceCode, c.Kind)).ToList(),
        ShippedCatalogTests.Read<Province>().Select(p => p.Code).ToList(),
        ShippedCatalogTests.Read<BhytBeneficiaryGroup>().ToDictionary(g => g.Code, g => g.BenefitLevel),
        ShippedCatalogTests.Read<Occupation>().Where(o => o.Level == 5).Select(o => o.Code).ToHashSet(),
        ShippedCatalogTests.Read<Ethnicity>().Select(e => e.Code).ToHashSet()));

    private static readonly Lazy<List<Patient>> Patients = new(() => DemoPatientGenerator.Generate(2000, Refs.Value, Today, Now));

    [Fact]
    public void Patient_codes_are_year_plus_seven_digit_sequence_and_unique()
    {
        var codes = Patients.Value.Select(p => p.Code).ToList();
        Assert.Equal(2000, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches(@"^26\d{7}$", c));
        Assert.Equal("260000001", codes[0]);
    }

    [Fact]
    public void Cccd_numbers_are_12_digits_matching_sex_and_birth_year()
    {
        var withCccd = Patients.Value.Where(p => p.Cccd is not null).ToList();
        Assert.InRange(withCccd.Count, 1200, 1900);
        Assert.Equal(withCccd.Count, withCccd.Select(p => p.Cccd).Distinct().Count());
        foreach (var p in withCccd)
        {
            var cccd = p.Cccd!;
            Assert.Matches(@"^\d{12}$", cccd);
            // Digits 1-3: an old (63-province) code, 001..096.
            Assert.InRange(int.Parse(cccd[..3]), 1, 96);
            // Digit 4: 0/1 = male/female born 1900-1999, 2/3 = born 2000-2099.
            var expected = (p.BirthYear >= 2000 ? 2 : 0) + (p.Sex == Sex.Female ? 1 : 0);
            Assert.Equal(expected, cccd[3] - '0');
            Assert.Equal(p.BirthYear % 100, int.Parse(cccd[4..6]));
            Assert.True(Today.Year - p.BirthYear >= 14, $"{p.Code}: CCCD for a child under 14");
        }
    }

    [Fact]
    public void Bhyt_card_numbers_are_well_formed_and_agree_with_the_shipped_groups()
    {
        var levels = ShippedCatalogTests.Read<BhytBeneficiaryGroup>().ToDictionary(g => g.Code, g => g.BenefitLevel);
        var provinces = ShippedCatalogTests.Read<Province>().Select(p => p.Code).ToHashSet();
        var cards = Patients.Value.SelectMany(p => p.BhytCards.Select(c => (Patient: p, Card: c))).ToList();
        Assert.Equal(cards.Count, cards.Select(c => c.Card.Number).Distinct().Count());
        foreach (var (patient, card) in cards)
        {
            var n = card.Number;
            Assert.Matches(@"^[A-Z]{2}[1-5]\d{12}$", n);
            Assert.True(levels.TryGetValue(n[..2], out var level), $"{n}: group {n[..2]} not in bhyt_groups.csv");
            Assert.Equal(level, card.BenefitLevel);
            Assert.Contains(n[3..5], provinces);
            Assert.Matches(@"^\d{5}$", card.RegisteredFacilityCode);
            Assert.True(card.ValidFrom <= card.ValidTo);
            if (card.FiveYearsContinuousFrom is { } five) Assert.True(five <= Today);

            var bornOn = patient.DateOfBirth ?? new DateOnly(patient.BirthYear, 1, 1);
            var ageAtStart = card.ValidFrom.Year - bornOn.Year - (bornOn.AddYears(card.ValidFrom.Year - bornOn.Year) > card.ValidFrom ? 1 : 0);
            if (card.GroupCode == "TE")
                Assert.True(card.ValidTo < bornOn.AddYears(6), $"{n}: child card valid past the 6th birthday");
            else
                Assert.True(ageAtStart >= 6, $"{n}: a child under 6 should hold a TE card");
        }
    }

    [Fact]
    public void Most_patients_hold_a_card_mostly_valid_today()
    {
        var cards = Patients.Value.SelectMany(p => p.BhytCards).ToList();
        Assert.InRange(cards.Count / 2000.0, 0.62, 0.78);
        var valid = cards.Count(c => c.ValidFrom <= Today && Today <= c.ValidTo);
        Assert.InRange(valid / (double)cards.Count, 0.85, 0.97);
        Assert.Contains(cards, c => c.RegisteredFacilityCode == "37001");
        Assert.Contains(cards, c => c.FiveYearsContinuousFrom is not null);
    }

    [Fact]
    public void Ages_span_children_to_elderly_and_some_know_only_their_birth_year()
    {
        var patients = Patients.Value;
        Assert.Contains(patients, p => Today.Year - p.BirthYear < 6);
        Assert.Contains(patients, p => Today.Year - p.BirthYear >= 85);
        var yearOnly = patients.Count(p => p.DateOfBirth is null);
        Assert.InRange(yearOnly / 2000.0, 0.05, 0.15);
        Assert.All(patients, p => Assert.True(p.DateOfBirth is null || (p.DateOfBirth.Value.Year == p.BirthYear && p.DateOfBirth < Today)));
    }

    [Fact]
    public void Names_are_three_or_more_words_with_the_middle_name_matching_sex()
    {
        var patients = Patients.Value;
        foreach (var p in patients)
        {
            var words = p.FullName.Split(' ');
            Assert.InRange(words.Length, 3, 4);
            if (words[1] == "Thị") Assert.Equal(Sex.Female, p.Sex);
            if (words[1] == "Văn") Assert.Equal(Sex.Male, p.Sex);
            Assert.Equal(VietnameseText.SearchKey(p.FullName), p.SearchKey);
        }
        // Nguyễn is the most common surname, but far from everyone's.
        var nguyen = patients.Count(p => p.FullName.StartsWith("Nguyễn ")) / 2000.0;
        Assert.InRange(nguyen, 0.2, 0.45);
        Assert.True(patients.Select(p => p.FullName).Distinct().Count() > 1500);
    }

    [Fact]
    public void Addresses_ethnicities_and_occupations_come_from_the_loaded_catalogs()
    {
        var communes = Refs.Value.Communes.ToDictionary(c => c.Code);
        var patients = Patients.Value;
        foreach (var p in patients)
        {
            Assert.NotNull(p.ProvinceCode);
            Assert.Contains(p.ProvinceCode!, Refs.Value.ProvinceCodes);
            if (p.CommuneCode is { } c) Assert.Equal(p.ProvinceCode, communes[c].ProvinceCode);
            Assert.Contains(p.EthnicityCode!, Refs.Value.EthnicityCodes);
            Assert.Contains(p.OccupationCode!, Refs.Value.OccupationCodes);
            if (p.Phone is { } phone) Assert.Matches(@"^0[35789]\d{8}$", phone);
        }
        Assert.InRange(patients.Count(p => p.ProvinceCode == "37") / 2000.0, 0.8, 0.9);
        Assert.InRange(patients.Count(p => p.EthnicityCode == "01") / 2000.0, 0.9, 0.99);
    }

    [Fact]
    public void The_same_seed_gives_the_same_patients()
    {
        var again = DemoPatientGenerator.Generate(200, Refs.Value, Today, Now);
        Assert.Equal(
            Patients.Value.Take(200).Select(Fingerprint),
            again.Select(Fingerprint));
        var other = DemoPatientGenerator.Generate(200, Refs.Value, Today, Now, seed: 7);
        Assert.NotEqual(again.Select(Fingerprint), other.Select(Fingerprint));
    }

    private static string Fingerprint(Patient p) =>
        $"{p.Code}|{p.FullName}|{p.DateOfBirth}|{p.BirthYear}|{p.Sex}|{p.Cccd}|{p.Phone}|{p.CommuneCode}|{p.AddressLine}|{string.Join(",", p.BhytCards.Select(c => c.Number + c.ValidTo))}";
}
