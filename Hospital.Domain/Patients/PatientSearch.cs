using System.Globalization;
using System.Linq.Expressions;
using Hospital.Domain.Data;
using Hospital.Domain.Text;

namespace Hospital.Domain.Patients;

/// <summary>
/// Reception's one search box. A name (any case, with or without diacritics) is matched as a
/// prefix of a word suffix in <see cref="PatientNameKey"/>: one btree range scan on SQLite and
/// PostgreSQL alike (DESIGN.md "Data"). Tokens with digits are identifiers (patient code, CCCD,
/// phone, BHYT card number, 10-digit social-insurance number), matched exactly or by prefix on
/// their own indexes; a 4-digit year filters the birth year. Voided and merged records never
/// appear. Stripping accents merges Hùng/Hưng/Hứng, so the caller shows birth date, sex,
/// address and phone beside each hit.
/// </summary>
public static class PatientSearch
{
    /// <summary>
    /// Totals are counted up to this many: "nguyen" alone matches a third of a million-patient
    /// register, and counting all of them would cost more than the search itself; the screen
    /// says "1000+" and the clerk types more.
    /// </summary>
    public const int TotalCap = 1000;
    /// <summary>Identifier prefixes shorter than this only match exactly (a 2-digit "prefix" matches everyone).</summary>
    public const int MinIdentifierPrefix = 4;

    public sealed record Terms(IReadOnlyList<string> Words, int? BirthYear, IReadOnlyList<string> Identifiers)
    {
        public string Phrase => string.Join(' ', Words);
        public bool IsEmpty => Words.Count == 0 && BirthYear is null && Identifiers.Count == 0;
    }

    public sealed record Result(IReadOnlyList<int> PatientIds, int Total)
    {
        public bool TotalIsCapped => Total >= TotalCap;
    }

    public static Terms Parse(string? text)
    {
        var words = new List<string>();
        var ids = new List<string>();
        int? year = null;
        // A phone or ID number typed with spaces or dots ("0912 345 678") is one identifier.
        var compact = new string((text ?? "").Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-').ToArray());
        if (compact.Length >= 6 && compact.All(char.IsAsciiDigit)) return new Terms([], null, [compact]);
        foreach (var token in (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Any(char.IsAsciiDigit))
            {
                var id = token.Trim('.', ',', ';').ToUpperInvariant();
                if (id.Length == 4 && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1880 and <= 2200)
                    year = y;
                else if (id.Length > 0) ids.Add(id);
            }
            else words.AddRange(VietnameseText.SearchKey(token).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        return new Terms(words, year, ids);
    }

    /// <summary>Live patients (not voided, not merged) matching <paramref name="text"/>, best match first.</summary>
    public static async Task<Result> FindAsync(HospitalDbContext db, string? text, int take, CancellationToken ct = default)
    {
        var terms = Parse(text);
        if (terms.IsEmpty || take <= 0) return new Result([], 0);
        var live = db.Set<Patient>().AsNoTracking().Where(p => p.VoidedAt == null && p.MergedIntoId == null);
        if (terms.BirthYear is { } year) live = live.Where(p => p.BirthYear == year);

        if (terms.Words.Count > 0)
        {
            foreach (var id in terms.Identifiers) live = live.Where(AnyIdentifierStartsWith(id));
            var byPhrase = await ByNamePhraseAsync(db, live, terms.Phrase, take, ct);
            return byPhrase.PatientIds.Count > 0 ? byPhrase : await ByWordsInAnyOrderAsync(db, live, terms.Words, take, ct);
        }
        if (terms.Identifiers.Count > 0)
        {
            foreach (var id in terms.Identifiers.Skip(1)) live = live.Where(AnyIdentifierStartsWith(id));
            return await ByIdentifierAsync(db, live, terms.Identifiers[0], take, ct);
        }
        // Only a birth year: rarely useful alone, listed by name.
        var total = await live.OrderBy(p => p.Id).Take(TotalCap).CountAsync(ct);
        return new Result(await live.OrderBy(p => p.SearchKey).ThenBy(p => p.Id).Select(p => p.Id).Take(take).ToListAsync(ct), total);
    }

    /// <summary>
    /// The typed words as one phrase, a prefix of a name key: whole-name keys (WordIndex 0) first,
    /// in key order, so the exact name comes before longer ones ("nguyen van an" before
    /// "nguyen van anh"), then keys starting at a later word ("van an" finds Nguyễn Văn An).
    /// Each tier walks the primary-key index in order and stops at <paramref name="take"/>.
    /// </summary>
    private static async Task<Result> ByNamePhraseAsync(HospitalDbContext db, IQueryable<Patient> live, string phrase, int take, CancellationToken ct)
    {
        var keys = db.Set<PatientNameKey>().AsNoTracking().Where(KeyStartsWith(phrase));
        var matched = keys.Join(live, k => k.PatientId, p => p.Id, (k, p) => k);
        var ids = new List<int>();
        foreach (var wholeName in new[] { true, false })
        {
            if (ids.Count >= take) break;
            var tier = wholeName ? matched.Where(k => k.WordIndex == 0) : matched.Where(k => k.WordIndex > 0);
            var found = await tier.OrderBy(k => k.Key).ThenBy(k => k.PatientId).Select(k => k.PatientId).Take(take * 2).ToListAsync(ct);
            foreach (var id in found)
                if (ids.Count < take && !ids.Contains(id)) ids.Add(id);
        }
        if (ids.Count == 0) return new Result([], 0);
        // Counting key rows, not patients, keeps the count one index range scan; a patient whose
        // name repeats the typed word ("An Văn An") is counted twice, which a capped total tolerates.
        var total = ids.Count < take ? ids.Count : Math.Max(ids.Count, await matched.OrderBy(k => k.Key).Take(TotalCap).CountAsync(ct));
        return new Result(ids, total);
    }

    /// <summary>Fallback when the phrase finds nothing: every typed word begins some word of the name, in any order ("an nguyen").</summary>
    private static async Task<Result> ByWordsInAnyOrderAsync(HospitalDbContext db, IQueryable<Patient> live, IReadOnlyList<string> words, int take, CancellationToken ct)
    {
        var keys = db.Set<PatientNameKey>().AsNoTracking();
        var q = live;
        foreach (var word in words.Distinct())
        {
            var startsWord = KeyStartsWith(word);
            q = q.Where(p => keys.Where(startsWord).Any(k => k.PatientId == p.Id));
        }
        var ids = await q.OrderBy(p => p.SearchKey).ThenBy(p => p.Id).Select(p => p.Id).Take(take).ToListAsync(ct);
        var total = ids.Count < take ? ids.Count : await q.OrderBy(p => p.Id).Take(TotalCap).CountAsync(ct);
        return new Result(ids, total);
    }

    /// <summary>
    /// One identifier: exact matches on code, CCCD, phone, card number or social-insurance number
    /// first, then prefixes, each branch its own index range (a UNION, not an OR across tables,
    /// so PostgreSQL never falls back to scanning the patients).
    /// </summary>
    private static async Task<Result> ByIdentifierAsync(HospitalDbContext db, IQueryable<Patient> live, string id, int take, CancellationToken ct)
    {
        var phone = PhoneNumber.Normalize(id);
        var patients = db.Set<Patient>().AsNoTracking();
        var cards = db.Set<BhytCard>().AsNoTracking().Where(c => c.VoidedAt == null);
        var v = new Box(id);
        var ph = new Box(phone);
        var exact = patients.Where(p => p.Code == v.Value).Select(p => p.Id)
            .Union(patients.Where(p => p.Cccd == v.Value).Select(p => p.Id))
            .Union(patients.Where(p => p.Phone == ph.Value).Select(p => p.Id))
            .Union(patients.Where(p => p.OldIdNumber == v.Value).Select(p => p.Id))
            .Union(cards.Where(c => c.Number == v.Value).Select(c => c.PatientId))
            .Union(cards.Where(c => c.SocialInsuranceNumber == v.Value).Select(c => c.PatientId));
        var ids = await live.Where(p => exact.Contains(p.Id)).OrderBy(p => p.Code).Select(p => p.Id).Take(take).ToListAsync(ct);
        var total = ids.Count;
        if (ids.Count < take && id.Length >= MinIdentifierPrefix)
        {
            var prefix = patients.Where(StartsWith<Patient>(p => p.Code, id)).Select(p => p.Id)
                .Union(patients.Where(StartsWith<Patient>(p => p.Cccd, id)).Select(p => p.Id))
                .Union(patients.Where(StartsWith<Patient>(p => p.Phone, phone)).Select(p => p.Id))
                .Union(cards.Where(StartsWith<BhytCard>(c => c.Number, id)).Select(c => c.PatientId))
                .Union(cards.Where(StartsWith<BhytCard>(c => c.SocialInsuranceNumber, id)).Select(c => c.PatientId));
            var more = live.Where(p => prefix.Contains(p.Id) && !ids.Contains(p.Id));
            var extra = await more.OrderBy(p => p.Code).Select(p => p.Id).Take(take - ids.Count).ToListAsync(ct);
            total = ids.Count + (extra.Count < take - ids.Count ? extra.Count : await more.OrderBy(p => p.Id).Take(TotalCap).CountAsync(ct));
            ids.AddRange(extra);
        }
        return new Result(ids, Math.Min(total, TotalCap));
    }

    /// <summary>A typed identifier next to name words ("an 0912"): it must start the code, CCCD or phone.</summary>
    private static Expression<Func<Patient, bool>> AnyIdentifierStartsWith(string id)
    {
        var v = new Box(id);
        var ph = new Box(PhoneNumber.Normalize(id));
        return p => p.Code.StartsWith(v.Value) || p.Cccd!.StartsWith(v.Value) || p.Phone!.StartsWith(ph.Value);
    }

    private static Expression<Func<PatientNameKey, bool>> KeyStartsWith(string prefix) => StartsWith<PatientNameKey>(k => k.Key, prefix);

    /// <summary>
    /// <c>column</c> starts with <paramref name="prefix"/>, written as a range
    /// (<c>column &gt;= prefix AND column &lt; next</c>) that any btree index serves on both
    /// providers, plus StartsWith so the answer is exact under any collation. Values travel as
    /// parameters (<see cref="Box"/>), so EF compiles the query once for all searches.
    /// </summary>
    public static Expression<Func<T, bool>> StartsWith<T>(Expression<Func<T, string?>> column, string prefix)
    {
        var col = column.Body;
        var from = Expression.Property(Expression.Constant(new Box(prefix)), nameof(Box.Value));
        Expression body = Expression.AndAlso(
            Expression.GreaterThanOrEqual(Expression.Call(Compare, col, from), Expression.Constant(0)),
            Expression.Call(col, StartsWithMethod, from));
        if (UpperBound(prefix) is { } next)
        {
            var to = Expression.Property(Expression.Constant(new Box(next)), nameof(Box.Value));
            body = Expression.AndAlso(body, Expression.LessThan(Expression.Call(Compare, col, to), Expression.Constant(0)));
        }
        return Expression.Lambda<Func<T, bool>>(body, column.Parameters);
    }

    /// <summary>
    /// The smallest string above every string starting with <paramref name="prefix"/>: the last
    /// character incremented, carrying past 'z', 'Z' and '9' ("ab9" → "ac") so the bound is also
    /// right under linguistic collations that ignore punctuation such as ':' or '{'. Null when
    /// there is none (all 'z'/'9').
    /// </summary>
    public static string? UpperBound(string prefix)
    {
        var chars = prefix.ToCharArray();
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            if (chars[i] is 'z' or 'Z' or '9') continue;
            chars[i]++;
            return new string(chars, 0, i + 1);
        }
        return null;
    }

    private static readonly System.Reflection.MethodInfo Compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
    private static readonly System.Reflection.MethodInfo StartsWithMethod = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;

    /// <summary>Holds a value so EF sends it as a parameter instead of inlining a literal.</summary>
    private sealed class Box(string value)
    {
        public string Value { get; } = value;
    }
}
