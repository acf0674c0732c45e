using Hospital.Domain.Insurance.Rules;
using Hospital.Domain.Text;

namespace Hospital.Emr.Prescriptions;

/// <summary>A PL VII chronic-disease group: an inclusive ICD-10 range in force for a period (TT 26/2025).</summary>
public sealed record ChronicDiseaseGroup(string CodeFrom, string CodeTo, string Name, DateOnly ValidFrom, DateOnly? ValidTo)
{
    public bool InForceOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);

    /// <summary>Compared on as many characters as <see cref="CodeFrom"/> has, dots ignored: I10–I15 covers I11.9.</summary>
    public bool Covers(string icdCode)
    {
        var code = PrescribingRuleTables.IcdKey(icdCode);
        var from = PrescribingRuleTables.IcdKey(CodeFrom);
        if (code.Length < from.Length) return false;
        var head = code[..from.Length];
        return string.CompareOrdinal(head, from) >= 0 && string.CompareOrdinal(head, PrescribingRuleTables.IcdKey(CodeTo)) <= 0;
    }
}

/// <summary>The cases of the TT 26/2025 day limits (rx_day_limits.csv, column <c>case</c>).</summary>
public enum DayLimitCase { Ordinary, Chronic, NarcoticAcute, NarcoticCancerPain, ControlledAcute, ControlledChronic }

/// <summary>One row of rx_day_limits.csv: the maximum days, and for cancer pain the rounds it is dispensed in.</summary>
public sealed record DayLimitRule(DayLimitCase Case, int MaxDays, int? RoundDays, int? MaxRounds, DateOnly ValidFrom, DateOnly? ValidTo)
{
    public bool InForceOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);
}

/// <summary>A drug class whose members an allergy to the class blocks (rx_allergy_classes.csv).</summary>
public sealed record AllergyClass(string Name, IReadOnlyList<string> Aliases, IReadOnlySet<string> Ingredients);

/// <summary>
/// The prescribing rules that are data (db/rules/rx_*.csv, described in db/rules/README.md): the
/// PL VII chronic list, the day limits and the allergy classes. Read once at start; a bad file
/// stops the start with the file, line and reason, as the BHYT rule files do.
/// </summary>
public sealed class PrescribingRuleTables
{
    public const string ChronicFile = "rx_chronic_icd.csv";
    public const string DayLimitsFile = "rx_day_limits.csv";
    public const string AllergyClassesFile = "rx_allergy_classes.csv";

    public IReadOnlyList<ChronicDiseaseGroup> ChronicGroups { get; }
    public IReadOnlyList<DayLimitRule> DayLimits { get; }
    public IReadOnlyList<AllergyClass> AllergyClasses { get; }

    public PrescribingRuleTables(IEnumerable<ChronicDiseaseGroup> chronic, IEnumerable<DayLimitRule> dayLimits, IEnumerable<AllergyClass> allergyClasses)
    {
        ChronicGroups = chronic.ToList();
        DayLimits = dayLimits.ToList();
        AllergyClasses = allergyClasses.ToList();
    }

    /// <summary>The files of <paramref name="directory"/> (found with <see cref="BhytRuleTables.FindDirectory"/>: they sit beside the BHYT rules).</summary>
    public static PrescribingRuleTables Load(string directory)
    {
        var limitsFile = RuleCsv.Read(Path.Combine(directory, DayLimitsFile));
        var limits = limitsFile.Rows.Select(ReadLimit).ToList();
        foreach (var c in Enum.GetValues<DayLimitCase>())
            if (!limits.Any(l => l.Case == c))
                throw new BhytRuleFileException(DayLimitsFile, 1, $"thiếu dòng cho trường hợp '{CaseName(c)}'");
        return new PrescribingRuleTables(
            RuleCsv.Read(Path.Combine(directory, ChronicFile)).Rows.Select(ReadChronic),
            limits,
            RuleCsv.Read(Path.Combine(directory, AllergyClassesFile)).Rows.Select(ReadClass));
    }

    /// <summary>Upper case without the dot: the form codes are compared in.</summary>
    public static string IcdKey(string code) => code.Trim().Replace(".", "").ToUpperInvariant();

    public bool IsChronic(string icdCode, DateOnly day) => ChronicGroups.Any(g => g.InForceOn(day) && g.Covers(icdCode));

    public DayLimitRule Limit(DayLimitCase c, DateOnly day) =>
        DayLimits.LastOrDefault(l => l.Case == c && l.InForceOn(day))
        ?? throw new InvalidOperationException($"No day limit '{CaseName(c)}' in force on {day:yyyy-MM-dd} ({DayLimitsFile}).");

    private static string CaseName(DayLimitCase c) => c switch
    {
        DayLimitCase.Ordinary => "ordinary",
        DayLimitCase.Chronic => "chronic",
        DayLimitCase.NarcoticAcute => "narcotic_acute",
        DayLimitCase.NarcoticCancerPain => "narcotic_cancer_pain",
        DayLimitCase.ControlledAcute => "controlled_acute",
        _ => "controlled_chronic",
    };

    private static ChronicDiseaseGroup ReadChronic(RuleCsvRow r)
    {
        var from = r.Required("code_from");
        var to = r.Required("code_to");
        if (IcdKey(from).Length != IcdKey(to).Length) throw r.Error("code_from và code_to phải cùng độ dài");
        if (string.CompareOrdinal(IcdKey(from), IcdKey(to)) > 0) throw r.Error("code_from lớn hơn code_to");
        var validFrom = r.Date("valid_from") ?? throw r.Error("cột valid_from không được để trống");
        var validTo = r.Date("valid_to");
        if (validTo < validFrom) throw r.Error("valid_to trước valid_from");
        return new ChronicDiseaseGroup(from, to, r.Required("name"), validFrom, validTo);
    }

    private static DayLimitRule ReadLimit(RuleCsvRow r)
    {
        var name = r.Required("case");
        var c = Enum.GetValues<DayLimitCase>().Cast<DayLimitCase?>().FirstOrDefault(v => CaseName(v!.Value) == name)
                ?? throw r.Error($"trường hợp '{name}' không được hỗ trợ");
        int Positive(string column) => r.Number(column) is { } n && n > 0 && n == decimal.Truncate(n) ? (int)n : throw r.Error($"cột {column} phải là số nguyên dương");
        int? Optional(string column) => r[column].Length == 0 ? null : Positive(column);
        var validFrom = r.Date("valid_from") ?? throw r.Error("cột valid_from không được để trống");
        return new DayLimitRule(c, Positive("max_days"), Optional("round_days"), Optional("max_rounds"), validFrom, r.Date("valid_to"));
    }

    private static AllergyClass ReadClass(RuleCsvRow r)
    {
        static List<string> Keys(string list) =>
            list.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(VietnameseText.SearchKey).ToList();
        var aliases = Keys(r.Required("aliases"));
        var members = Keys(r.Required("ingredient"));
        return new AllergyClass(r.Required("class"), aliases, members.ToHashSet(StringComparer.Ordinal));
    }
}
