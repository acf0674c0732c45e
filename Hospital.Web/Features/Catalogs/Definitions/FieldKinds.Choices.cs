using Hospital.Domain.Text;

namespace Hospital.Web.Features.Catalogs;

/// <summary>Fields chosen from a list: enums, fixed words, and references to other catalogs by code.</summary>
public static partial class FieldKinds
{
    /// <summary>
    /// An enum with Vietnamese labels. A file may give the number, the English name or the
    /// label with or without diacritics ("Lâm sàng", "lam sang").
    /// </summary>
    public static FieldKind<TEnum> Choice<TEnum>(IReadOnlyDictionary<TEnum, string> labels, bool jsonAsNumber = false)
        where TEnum : struct, Enum => new()
    {
        Input = FieldInput.Select,
        Blank = default,
        Parse = (text, lookups) =>
        {
            if (int.TryParse(text, out var n) && Enum.IsDefined(typeof(TEnum), n))
                return Parsed<TEnum>.Success((TEnum)Enum.ToObject(typeof(TEnum), n));
            if (!int.TryParse(text, out _) && Enum.TryParse<TEnum>(text, ignoreCase: true, out var named) && Enum.IsDefined(named))
                return Parsed<TEnum>.Success(named);
            var key = VietnameseText.SearchKey(text);
            foreach (var (value, label) in labels)
                if (VietnameseText.SearchKey(label) == key) return Parsed<TEnum>.Success(value);
            return Parsed<TEnum>.Fail($"'{text}' không thuộc danh sách: {string.Join(", ", labels.Values)}.");
        },
        Format = (v, _) => v.ToString(),
        Display = (v, _) => labels.TryGetValue(v, out var label) ? label : v.ToString(),
        Json = (v, _) => jsonAsNumber ? Convert.ToInt32(v) : v.ToString(),
        Options = _ => labels.Select(l => new FieldOption(l.Key.ToString(), l.Value)).ToList(),
    };

    /// <summary>One of a few fixed words, stored as written here whatever the file's tone marks or case.</summary>
    public static FieldKind<string> Word(params string[] words) => new()
    {
        Input = FieldInput.Select,
        Blank = "",
        Parse = (text, _) => words.FirstOrDefault(w => VietnameseText.SearchKey(w) == VietnameseText.SearchKey(text)) is { } word
            ? Parsed<string>.Success(word)
            : Parsed<string>.Fail($"'{text}' không thuộc danh sách: {string.Join(", ", words)}."),
        Options = _ => words.Select(w => new FieldOption(w, w)).ToList(),
    };

    /// <summary>A department by its code (khoa); the row stores the id.</summary>
    public static FieldKind<int?> Department() => new()
    {
        Input = FieldInput.Select,
        Blank = null,
        Parse = (text, lookups) => lookups.DepartmentsByCode.TryGetValue(text, out var d)
            ? Parsed<int?>.Success(d.Id)
            : Parsed<int?>.Fail($"không có khoa mã '{text}'."),
        Format = (id, lookups) => id is { } i && lookups.DepartmentsById.TryGetValue(i, out var d) ? d.Code : "",
        Display = (id, lookups) => id is { } i && lookups.DepartmentsById.TryGetValue(i, out var d) ? d.Name : "",
        Json = (id, lookups) => id is { } i && lookups.DepartmentsById.TryGetValue(i, out var d) ? d.Code : null,
        // New choices only among active departments; a row keeps its current one (the form adds it).
        Options = lookups => lookups.Departments.Where(d => d.IsActive)
            .Select(d => new FieldOption(d.Code, $"{d.Code} – {d.Name}")).ToList(),
    };

    /// <summary>A province (tỉnh/thành) by its 2-digit GSO code, stored as the code (MATINH_CU_TRU).</summary>
    public static FieldKind<string> Province() => new()
    {
        Input = FieldInput.Select,
        Blank = "",
        Parse = (text, lookups) => lookups.Provinces.ContainsKey(text)
            ? Parsed<string>.Success(text)
            : Parsed<string>.Fail($"không có tỉnh/thành mã '{text}'."),
        Display = (code, lookups) => lookups.Provinces.TryGetValue(code, out var name) ? name : code,
        Options = lookups => lookups.Provinces.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new FieldOption(p.Key, $"{p.Key} – {p.Value}")).ToList(),
    };
}
