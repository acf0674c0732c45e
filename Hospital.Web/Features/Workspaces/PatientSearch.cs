using System.Globalization;
using Hospital.Domain.Patients;
using Hospital.Domain.Text;

namespace Hospital.Web.Features.Workspaces;

/// <summary>
/// Reception's patient lookup from one search box. Words are matched against the start of the
/// words of the accent-free name key (so "nguyen van hung" finds Hùng, Hưng and Hứng alike, and the list shows birth date,
/// sex, address and phone to tell them apart); a token with digits is an identifier: patient
/// code, CCCD, phone or BHYT card number (the full card, its start, or the 10-digit social
/// insurance number at its end), and a 4-digit year also matches the birth year.
/// </summary>
public static class PatientSearch
{
    public sealed record Term(string Text, bool IsIdentifier, int? Year);

    public static IReadOnlyList<Term> Parse(string? text)
    {
        var terms = new List<Term>();
        // A phone or ID number typed with spaces or dots ("0912 345 678") is one identifier.
        var compact = new string((text ?? "").Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-').ToArray());
        if (compact.Length >= 6 && compact.All(char.IsAsciiDigit)) return [new Term(compact, true, null)];
        foreach (var token in (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Any(char.IsAsciiDigit))
            {
                var id = token.Trim('.', ',', ';').ToUpperInvariant();
                int? year = id.Length == 4 && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2100 ? y : null;
                if (id.Length > 0) terms.Add(new Term(id, true, year));
            }
            else
            {
                foreach (var word in VietnameseText.SearchKey(token).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    terms.Add(new Term(word, false, null));
            }
        }
        return terms;
    }

    public static IQueryable<Patient> Matching(this IQueryable<Patient> query, string? text)
    {
        foreach (var term in Parse(text))
        {
            var t = term.Text;
            if (!term.IsIdentifier)
            {
                // A word must begin a word of the name: "hung" finds Hùng and Hưng, not Phùng.
                var inside = " " + t;
                query = query.Where(p => p.SearchKey.StartsWith(t) || p.SearchKey.Contains(inside));
            }
            else if (term.Year is { } year)
                query = query.Where(p => p.BirthYear == year || p.Code.StartsWith(t) || p.Phone!.StartsWith(t));
            else
                query = query.Where(p => p.Code.StartsWith(t) || p.Cccd!.StartsWith(t) || p.Phone!.StartsWith(t)
                    || p.BhytCards.Any(c => c.VoidedAt == null && (c.Number.StartsWith(t) || (t.Length >= 6 && c.Number.EndsWith(t)))));
        }
        return query;
    }
}
