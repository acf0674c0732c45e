using Hospital.Domain.Catalog;

namespace Hospital.Domain.Insurance.Rules;

/// <summary>Card benefit level (3rd character of the card) → percent of in-scope cost, for a period (bhyt-claims.md §5).</summary>
public sealed record BenefitLevelRate(int Level, decimal Percent, DateOnly ValidFrom, DateOnly? ValidTo);

/// <summary>Lương cơ sở (VND/month) from a date until the next row (bhyt-claims.md §5).</summary>
public sealed record BaseSalaryRate(DateOnly ValidFrom, decimal Amount);

public enum CareSetting { Outpatient, Inpatient }

/// <summary>
/// One row of the QĐ 3276 MA_DOITUONG_KCB table (bhyt-claims.md §4.2) as data: the conditions it
/// applies under, and the route factor (100/50/40/0) that multiplies the card level, or is the
/// whole benefit when <see cref="CardLevelApplies"/> is false (1.2: 100% regardless of level).
/// A null <see cref="RoutePercent"/> is a row that is listed but never chosen automatically
/// (the table says "—" or "depends on the case").
/// </summary>
public sealed record VisitCategoryRule(
    int Order,
    string Code,
    string Description,
    IReadOnlySet<FacilityLevel>? FacilityLevels,
    IReadOnlySet<FormerTier>? FormerTiers,
    IReadOnlyList<ScoreBand>? Scores,
    CareSetting? Care,
    IReadOnlySet<string> Requires,
    decimal? RoutePercent,
    bool CardLevelApplies,
    DateOnly ValidFrom,
    DateOnly? ValidTo)
{
    public bool InForceOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);
}

/// <summary>A facility score band "50-70", or "unscored" for a facility classed provisionally (no score yet).</summary>
public sealed record ScoreBand(int? Min, int? Max)
{
    public bool Matches(int? score) => score is null ? Min is null && Max is null : Min <= score && score <= Max;
}

/// <summary>
/// The three rule files of db/rules (see db/rules/README.md), read and checked once at start.
/// A bad file stops the start with the file, line and reason: a wrong benefit is worse than none.
/// </summary>
public sealed class BhytRuleTables
{
    public const string FolderName = "rules";
    public const string LevelsFile = "bhyt_benefit_levels.csv";
    public const string CategoriesFile = "bhyt_visit_categories.csv";
    public const string BaseSalaryFile = "bhyt_base_salary.csv";

    /// <summary>
    /// Facts a <see cref="VisitCategoryRule"/> may require. Only the first five are known at
    /// registration (<see cref="BenefitSituation"/>); the others (diseases of TT 01/2025 App. I/II,
    /// newborn, organ donor, drug pick-up...) are decided when the episode ends, so at reception
    /// those rows never match.
    /// </summary>
    public static readonly IReadOnlySet<string> KnownFacts = new HashSet<string>(StringComparer.Ordinal)
    {
        "own_facility", "self_referral", "referral", "appointment", "emergency",
        "residence_change", "organ_donor", "newborn", "appendix_i_disease", "appendix_ii_disease",
        "hardship_area", "drug_pickup_epidemic", "drug_pickup", "payment_withdrawal", "not_bhyt",
    };

    public IReadOnlyList<BenefitLevelRate> Levels { get; }
    public IReadOnlyList<VisitCategoryRule> Categories { get; }
    public IReadOnlyList<BaseSalaryRate> BaseSalaries { get; }

    public BhytRuleTables(IEnumerable<BenefitLevelRate> levels, IEnumerable<VisitCategoryRule> categories, IEnumerable<BaseSalaryRate> baseSalaries)
    {
        Levels = levels.ToList();
        Categories = categories.OrderBy(c => c.Order).ToList();
        BaseSalaries = baseSalaries.OrderBy(b => b.ValidFrom).ToList();
    }

    public static BhytRuleTables Load(string directory) => new(
        RuleCsv.Read(Path.Combine(directory, LevelsFile)).Rows.Select(ReadLevel),
        ReadCategories(RuleCsv.Read(Path.Combine(directory, CategoriesFile))),
        RuleCsv.Read(Path.Combine(directory, BaseSalaryFile)).Rows.Select(r => new BaseSalaryRate(
            r.Date("valid_from") ?? throw r.Error("cột valid_from không được để trống"),
            r.Number("amount") is { } a && a > 0 ? a : throw r.Error("lương cơ sở phải là số dương"))));

    /// <summary>
    /// db/rules beside the binaries (the web project copies it to bin/.../rules), else found by
    /// walking up from the given folders (running from a source checkout).
    /// </summary>
    public static string? FindDirectory(params string?[] startDirectories)
    {
        var starts = startDirectories.Append(AppContext.BaseDirectory).OfType<string>().Distinct().ToList();
        foreach (var start in starts)
            if (File.Exists(Path.Combine(start, FolderName, CategoriesFile))) return Path.Combine(start, FolderName);
        foreach (var start in starts)
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "db", FolderName);
                if (File.Exists(Path.Combine(candidate, CategoriesFile))) return candidate;
            }
        return null;
    }

    private static BenefitLevelRate ReadLevel(RuleCsvRow r)
    {
        var level = r.Number("level") is { } l && l is >= 1 and <= 5 && l == decimal.Truncate(l) ? (int)l : throw r.Error("mức hưởng phải là số 1–5");
        var percent = r.Number("percent") is { } p && p is >= 0 and <= 100 ? p : throw r.Error("tỷ lệ phải từ 0 đến 100");
        return new BenefitLevelRate(level, percent, r.Date("valid_from") ?? throw r.Error("cột valid_from không được để trống"), r.Date("valid_to"));
    }

    private static IEnumerable<VisitCategoryRule> ReadCategories(RuleCsv file)
    {
        var orders = new HashSet<int>();
        foreach (var r in file.Rows)
        {
            var order = r.Number("order") is { } o && o == decimal.Truncate(o) ? (int)o : throw r.Error("cột order phải là số nguyên");
            if (!orders.Add(order)) throw r.Error($"thứ tự {order} bị trùng");
            var code = r.Required("code");
            if (code.Length > 4) throw r.Error($"mã '{code}' dài quá 4 ký tự (MA_DOITUONG_KCB là S4)");
            var requires = Split(r["requires"]).ToHashSet(StringComparer.Ordinal);
            foreach (var f in requires.Where(f => !KnownFacts.Contains(f)))
                throw r.Error($"điều kiện '{f}' không được hỗ trợ (hỗ trợ: {string.Join(", ", KnownFacts)})");
            var route = r.Number("route_percent");
            if (route is < 0 or > 100) throw r.Error("tỷ lệ tuyến phải từ 0 đến 100");
            var from = r.Date("valid_from") ?? throw r.Error("cột valid_from không được để trống");
            var to = r.Date("valid_to");
            if (to < from) throw r.Error("valid_to trước valid_from");
            yield return new VisitCategoryRule(order, code, r.Required("description"),
                Any(r["facility_level"]) ? null : Split(r["facility_level"]).Select(v => Parse<FacilityLevel>(r, "facility_level", v)).ToHashSet(),
                Any(r["former_tier"]) ? null : Split(r["former_tier"]).Select(v => Parse<FormerTier>(r, "former_tier", v)).ToHashSet(),
                Any(r["score"]) ? null : Split(r["score"]).Select(v => ParseScore(r, v)).ToList(),
                Any(r["care"]) ? null : Parse<CareSetting>(r, "care", r["care"]),
                requires, route,
                r["card_level_applies"] switch { "1" => true, "0" => false, var v => throw r.Error($"card_level_applies phải là 1 hoặc 0, không phải '{v}'") },
                from, to);
        }
    }

    private static bool Any(string value) => value is "" or "*";

    private static IEnumerable<string> Split(string value) =>
        value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static T Parse<T>(RuleCsvRow r, string column, string value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var v) && !int.TryParse(value, out _)
            ? v : throw r.Error($"cột {column}: '{value}' không hợp lệ (hợp lệ: {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))})");

    private static ScoreBand ParseScore(RuleCsvRow r, string value)
    {
        if (value == "unscored") return new ScoreBand(null, null);
        var parts = value.Split('-');
        if (parts.Length == 2 && int.TryParse(parts[0], out var min) && int.TryParse(parts[1], out var max) && min <= max)
            return new ScoreBand(min, max);
        throw r.Error($"cột score: '{value}' phải có dạng 50-70 hoặc unscored");
    }
}
