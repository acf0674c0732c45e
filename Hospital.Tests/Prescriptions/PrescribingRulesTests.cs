using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;
using Hospital.Domain.Insurance.Rules;
using Hospital.Domain.Text;
using Hospital.Emr.Prescriptions;

namespace Hospital.Tests.Prescriptions;

/// <summary>The prescribing rules of TT 26/2025 as pure functions, over the shipped db/rules/rx_*.csv.</summary>
public sealed class PrescribingRulesTests
{
    internal static readonly PrescribingRuleTables Rules = PrescribingRuleTables.Load(BhytRuleTables.FindDirectory()!);
    private static readonly DateOnly Day = new(2026, 11, 22);

    public static TheoryData<string, decimal, int, int, decimal?, decimal?> Quantities => new()
    {
        // 1 tablet twice a day for 5 days.
        { "Viên", 1m, 2, 5, null, 10m },
        // Half a tablet twice a day for 5 days: exactly 5.
        { "Viên", 0.5m, 2, 5, null, 5m },
        // A third of a tablet twice a day for 5 days = 3.33: rounded up, never short on the last day.
        { "Viên", 0.33m, 2, 5, null, 4m },
        // Capsules and sachets count per dose too.
        { "Viên nang", 1m, 3, 7, null, 21m },
        { "Gói", 1m, 3, 3, null, 9m },
        { "Ống", 2m, 2, 3, null, 12m },
        // Bottles and tubes: the number of containers the doctor enters, whatever the dose in ml.
        { "Chai", 5m, 3, 5, 2m, 2m },
        { "Tuýp", 1m, 2, 10, 1m, 1m },
        { "Lọ", 1m, 1, 3, 3m, 3m },
        // A container without a count: no quantity (the message asks for it).
        { "Chai", 5m, 3, 5, null, null },
        // Containers must be whole.
        { "Chai", 5m, 3, 5, 1.5m, null },
        // Nonsense numbers give no quantity.
        { "Viên", 0m, 2, 5, null, null },
        { "Viên", 1m, 0, 5, null, null },
        { "Viên", 1m, 2, 0, null, null },
    };

    [Theory, MemberData(nameof(Quantities))]
    public void Quantity_is_dose_times_frequency_times_days_rounded_up_or_containers(string unit, decimal dose, int times, int days, decimal? containers, decimal? expected)
    {
        var (quantity, error) = PrescriptionQuantity.Compute(unit, dose, times, days, containers);
        Assert.Equal(expected, quantity);
        Assert.Equal(expected is null, error is not null);
    }

    public static TheoryData<PrescriptionForm, string[], DayLimitCase, int> Limits => new()
    {
        { PrescriptionForm.Ordinary, [], DayLimitCase.Ordinary, 30 },
        { PrescriptionForm.Ordinary, ["J06.9"], DayLimitCase.Ordinary, 30 },
        // Hypertension I10 and diabetes E11.9 are PL VII chronic groups: 90 days.
        { PrescriptionForm.Ordinary, ["I10"], DayLimitCase.Chronic, 90 },
        { PrescriptionForm.Ordinary, ["J06.9", "E11.9"], DayLimitCase.Chronic, 90 },
        { PrescriptionForm.Ordinary, ["I15.0"], DayLimitCase.Chronic, 90 },
        { PrescriptionForm.Ordinary, ["J44.1"], DayLimitCase.Chronic, 90 },
        { PrescriptionForm.Ordinary, ["N18.3"], DayLimitCase.Chronic, 90 },
        // I16 is outside I10–I15.
        { PrescriptionForm.Ordinary, ["I16"], DayLimitCase.Ordinary, 30 },
        { PrescriptionForm.Herbal, ["M05.9"], DayLimitCase.Chronic, 90 },
        // Narcotics: 7 days acute; cancer pain 30 days in rounds of 10.
        { PrescriptionForm.Narcotic, ["S72.0"], DayLimitCase.NarcoticAcute, 7 },
        { PrescriptionForm.Narcotic, ["I10"], DayLimitCase.NarcoticAcute, 7 },
        { PrescriptionForm.Narcotic, ["C34.9", "R52.1"], DayLimitCase.NarcoticCancerPain, 30 },
        // Psychotropics/precursors: 10 days acute, 30 for a chronic disease (epilepsy G40).
        { PrescriptionForm.Psychotropic, ["F41.1"], DayLimitCase.ControlledAcute, 10 },
        { PrescriptionForm.Psychotropic, ["G40.9"], DayLimitCase.ControlledChronic, 30 },
    };

    [Theory, MemberData(nameof(Limits))]
    public void Day_limits_follow_the_form_and_the_diagnoses(PrescriptionForm form, string[] codes, DayLimitCase expectedCase, int maxDays)
    {
        var limit = PrescriptionDayLimits.Decide(form, codes, Day, Rules);
        Assert.Equal(expectedCase, limit.Case);
        Assert.Equal(maxDays, limit.MaxDays);
        Assert.Null(PrescriptionDayLimits.Check("Thuốc", maxDays, limit));
        Assert.Contains("vượt giới hạn", PrescriptionDayLimits.Check("Thuốc", maxDays + 1, limit));
    }

    [Fact]
    public void Cancer_pain_is_dispensed_in_at_most_three_rounds_of_ten_days()
    {
        var limit = PrescriptionDayLimits.Decide(PrescriptionForm.Narcotic, ["C50.9"], Day, Rules);
        Assert.Equal((10, 3), (limit.RoundDays, limit.MaxRounds));
        Assert.Equal(3, PrescriptionDayLimits.Rounds(30, limit));
        Assert.Equal(1, PrescriptionDayLimits.Rounds(7, limit));
    }

    [Fact]
    public void The_chronic_list_applies_only_from_its_valid_from_date()
    {
        Assert.True(Rules.IsChronic("I10", new DateOnly(2025, 7, 1)));
        Assert.False(Rules.IsChronic("I10", new DateOnly(2025, 6, 30)));
    }

    [Fact]
    public void A_day_limits_file_missing_a_case_stops_the_start_with_the_file_and_reason()
    {
        var dir = Directory.CreateTempSubdirectory("rx-rules").FullName;
        try
        {
            foreach (var f in Directory.GetFiles(BhytRuleTables.FindDirectory()!)) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
            var path = Path.Combine(dir, PrescribingRuleTables.DayLimitsFile);
            File.WriteAllLines(path, File.ReadAllLines(path).Where(l => !l.StartsWith("narcotic_acute")));
            var ex = Assert.Throws<BhytRuleFileException>(() => PrescribingRuleTables.Load(dir));
            Assert.Contains("rx_day_limits.csv", ex.Message);
            Assert.Contains("narcotic_acute", ex.Message);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    public static TheoryData<DrugControlClass, PrescriptionForm?, bool> Forms => new()
    {
        { DrugControlClass.Ordinary, null, true },
        { DrugControlClass.Ordinary, PrescriptionForm.Ordinary, true },
        { DrugControlClass.Ordinary, PrescriptionForm.Narcotic, false },
        { DrugControlClass.Narcotic, PrescriptionForm.Narcotic, true },
        { DrugControlClass.Narcotic, PrescriptionForm.Ordinary, false },
        { DrugControlClass.Narcotic, PrescriptionForm.Psychotropic, false },
        { DrugControlClass.Psychotropic, PrescriptionForm.Psychotropic, true },
        { DrugControlClass.Precursor, PrescriptionForm.Psychotropic, true },
        { DrugControlClass.Precursor, PrescriptionForm.Ordinary, false },
        { DrugControlClass.Herbal, PrescriptionForm.Herbal, true },
        { DrugControlClass.Herbal, PrescriptionForm.Ordinary, false },
    };

    [Theory, MemberData(nameof(Forms))]
    public void A_drug_goes_only_on_the_form_of_its_control_class(DrugControlClass cls, PrescriptionForm? requested, bool allowed)
    {
        Assert.Equal(allowed, PrescriptionFormRules.Check("Thuốc", cls, requested) is null);
    }

    [Fact]
    public void A_narcotic_on_an_ordinary_form_is_refused_in_Vietnamese()
    {
        var error = PrescriptionFormRules.Check("Morphin sulfat 30mg", DrugControlClass.Narcotic, PrescriptionForm.Ordinary);
        Assert.Equal("Morphin sulfat 30mg là thuốc gây nghiện: chỉ được kê trên đơn thuốc \"N\" riêng, không kê trên đơn thuốc thông thường (TT 26/2025).", error);
    }

    public static TheoryData<string, string, string?> Allergies => new()
    {
        // Same ingredient, any case or accents.
        { "Amoxicillin", "amoxicillin", "" },
        // A combination is split on "+".
        { "Amoxicillin + Acid clavulanic", "Amoxicillin", "" },
        // A salt form is the same substance.
        { "Diclofenac natri", "Diclofenac", "" },
        { "Metformin hydroclorid", "Metformin", "" },
        // Spelling alone never links penicillin and amoxicillin...
        { "Paracetamol", "Penicillin", null },
        // ...the class map does (ATC J01C).
        { "Amoxicillin", "Penicillin", "Penicillin" },
        { "Amoxicillin + Acid clavulanic", "kháng sinh nhóm penicillin", "Penicillin" },
        { "Cefuroxim", "Cephalosporin", "Cephalosporin" },
        // Penicillin allergy does not block cephalosporins (low cross-reactivity, kept apart on purpose).
        { "Cefuroxim", "Penicillin", null },
        { "Ibuprofen", "NSAID", "NSAID" },
        { "Acid acetylsalicylic", "Thuốc kháng viêm không steroid", "NSAID" },
        { "Sulfamethoxazol + Trimethoprim", "Sulfa", "Sulfonamid" },
        // Part of a word is not a match.
        { "Amlodipin", "Amlo", null },
        { "Natri clorid", "Seafood", null },
    };

    [Theory, MemberData(nameof(Allergies))]
    public void Allergies_match_ingredients_by_whole_words_or_through_a_class(string ingredient, string allergy, string? viaClass)
    {
        var conflicts = AllergyCheck.Conflicts(ingredient, [(allergy, VietnameseText.SearchKey(allergy))], Rules.AllergyClasses);
        if (viaClass is null) { Assert.Empty(conflicts); return; }
        var c = Assert.Single(conflicts);
        Assert.Equal(viaClass == "" ? null : viaClass, c.ViaClass);
    }

    public static TheoryData<string, string[], bool> Duplicates => new()
    {
        { "Paracetamol", ["Ibuprofen"], false },
        { "Paracetamol", ["Paracetamol"], true },
        { "Amoxicillin", ["Amoxicillin + Acid clavulanic"], true },
        { "Amoxicillin + Acid clavulanic", ["Cefuroxim", "Amoxicillin"], true },
        { "Metformin hydroclorid", ["Metformin hydroclorid"], true },
        { "Natri clorid", ["Natri clorid + Kali clorid + Calci clorid + Natri lactat"], true },
        { "Losartan kali", ["Amlodipin"], false },
    };

    [Theory, MemberData(nameof(Duplicates))]
    public void The_same_active_ingredient_twice_is_refused(string ingredient, string[] others, bool refused)
    {
        var error = DuplicateIngredientCheck.Check("Thuốc mới", ingredient, others.Select(o => ("Thuốc cũ", o)));
        Assert.Equal(refused, error is not null);
        if (refused) Assert.StartsWith("Thuốc mới trùng hoạt chất", error);
    }

    public static TheoryData<int, bool> ChildAges => new()
    {
        { 0, true }, { 11, true }, { 71, true }, { 72, false }, { 120, false },
    };

    [Theory, MemberData(nameof(ChildAges))]
    public void Children_under_72_months_need_weight_and_guardian(int months, bool applies)
    {
        var born = Day.AddMonths(-months);
        Assert.Equal(applies, ChildPrescriptionRules.Applies(born, born.Year, Day));
        Assert.Equal(months, ChildPrescriptionRules.AgeMonths(born, born.Year, Day));
    }

    [Fact]
    public void Child_fields_give_one_message_each()
    {
        Assert.Equal(3, ChildPrescriptionRules.Check(null, null, null, null).Count);
        Assert.Empty(ChildPrescriptionRules.Check(12.5m, "Trần Thị Mẹ", "0912345678", null));
        Assert.Empty(ChildPrescriptionRules.Check(12.5m, "Trần Thị Mẹ", null, "Số 1 Lê Lợi"));
        Assert.Contains("cân nặng", Assert.Single(ChildPrescriptionRules.Check(null, "Trần Thị Mẹ", "0912345678", null)));
    }

    [Fact]
    public void National_codes_have_the_TT26_shape_and_do_not_repeat()
    {
        var codes = Enumerable.Range(0, 2000).Select(i => NationalPrescriptionCode.New("37001", (PrescriptionForm)(i % 4 + 1))).ToList();
        Assert.All(codes, c => Assert.Matches(NationalPrescriptionCode.Pattern(), c));
        Assert.All(codes, c => Assert.Equal(14, c.Length));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.EndsWith("-N", NationalPrescriptionCode.New("37001", PrescriptionForm.Narcotic));
        Assert.EndsWith("-H", NationalPrescriptionCode.New("37001", PrescriptionForm.Psychotropic));
        Assert.EndsWith("-C", NationalPrescriptionCode.New("37001", PrescriptionForm.Ordinary));
        Assert.EndsWith("-T", NationalPrescriptionCode.New("37001", PrescriptionForm.Herbal));
        Assert.Throws<ArgumentException>(() => NationalPrescriptionCode.New("3700", PrescriptionForm.Ordinary));
    }

    [Fact]
    public void Usage_is_written_out_when_the_doctor_gives_none()
    {
        var line = new PrescriptionLine { Route = "Uống", Unit = "Viên", DosePerTime = 0.5m, TimesPerDay = 2, Timing = "sau ăn" };
        Assert.Equal("Uống, mỗi lần 0,5 viên, ngày 2 lần, sau ăn", PrescriptionUsage.Describe(line));
    }
}
