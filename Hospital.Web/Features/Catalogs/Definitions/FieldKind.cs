namespace Hospital.Web.Features.Catalogs;

/// <summary>How a field is edited on the form.</summary>
public enum FieldInput { Text, Number, Date, Select, Checkbox }

public sealed record FieldOption(string Value, string Label);

/// <summary>The outcome of parsing one typed or imported text: a value, or a Vietnamese reason.</summary>
public readonly record struct Parsed<TValue>(TValue Value, string? Error)
{
    public bool Ok => Error is null;
    public static Parsed<TValue> Success(TValue value) => new(value, null);
    public static Parsed<TValue> Fail(string error) => new(default!, error);
}

/// <summary>
/// A kind of value (text, money, date, a department...): how it is parsed from what a user
/// types or a file holds, and how it is shown. Forms and imports use the same kinds, so a
/// value accepted in one is accepted in the other.
/// </summary>
public sealed class FieldKind<TValue>
{
    public required FieldInput Input { get; init; }
    /// <summary>Parses non-blank, trimmed text.</summary>
    public required Func<string, CatalogLookups, Parsed<TValue>> Parse { get; init; }
    /// <summary>The value a blank cell or input stands for when the field is optional.</summary>
    public required TValue Blank { get; init; }
    /// <summary>Text that <see cref="Parse"/> reads back to the same value (form inputs).</summary>
    public Func<TValue, CatalogLookups, string> Format { get; init; } = (v, _) => v?.ToString() ?? "";
    /// <summary>Text for lists; defaults to <see cref="Format"/>.</summary>
    public Func<TValue, CatalogLookups, string>? Display { get; init; }
    /// <summary>Value in the JSON API; defaults to the value itself.</summary>
    public Func<TValue, CatalogLookups, object?>? Json { get; init; }
    public Func<CatalogLookups, IReadOnlyList<FieldOption>>? Options { get; init; }
    public string? Help { get; init; }
    public int? MaxLength { get; init; }

    public Parsed<TValue> Read(string? raw, bool required, string label, CatalogLookups lookups)
    {
        var text = raw?.Trim() ?? "";
        if (text.Length == 0)
            return required ? Parsed<TValue>.Fail($"Thiếu {LowerFirst(label)}.") : Parsed<TValue>.Success(Blank);
        var parsed = Parse(text, lookups);
        return parsed.Ok ? parsed : Parsed<TValue>.Fail($"{label}: {parsed.Error}");
    }

    /// <summary>"Mã" → "mã" but "CCCD" stays: acronyms keep their case inside a sentence.</summary>
    private static string LowerFirst(string label) =>
        label.Length > 1 && char.IsLower(label[1]) ? char.ToLowerInvariant(label[0]) + label[1..] : label;
}
