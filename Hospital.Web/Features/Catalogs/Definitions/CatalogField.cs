using Hospital.Domain.Common;

namespace Hospital.Web.Features.Catalogs;

/// <summary>What the form, list and import preview need to know of a field, whatever the entity.</summary>
public interface ICatalogField
{
    /// <summary>Form input name and JSON property (camelCase).</summary>
    string Key { get; }
    string Label { get; }
    bool Required { get; }
    FieldInput Input { get; }
    string? Help { get; }
    int? MaxLength { get; }
    /// <summary>Import header names accepted for this field, normalised by <see cref="ColumnNames.Normalize"/>.</summary>
    IReadOnlyList<string> Columns { get; }
    bool InForm { get; }
    bool InList { get; }
    IReadOnlyList<FieldOption> Options(CatalogLookups lookups);
}

/// <summary>A field of catalog <typeparamref name="T"/>, untyped in its value so a definition can list them together.</summary>
public abstract class CatalogField<T> : ICatalogField where T : CatalogEntry
{
    public required string Key { get; init; }
    public required string Label { get; init; }
    public bool Required { get; init; }
    public bool InForm { get; init; } = true;
    public bool InList { get; init; }
    public IReadOnlyList<string> Columns { get; init; } = [];
    public abstract FieldInput Input { get; }
    public abstract string? Help { get; }
    public abstract int? MaxLength { get; }
    public abstract IReadOnlyList<FieldOption> Options(CatalogLookups lookups);

    /// <summary>Parses <paramref name="raw"/> and stores it; returns the Vietnamese reason when it is not valid.</summary>
    public abstract string? Apply(T entity, string? raw, CatalogLookups lookups);
    public abstract string FormValue(T entity, CatalogLookups lookups);
    public abstract string Display(T entity, CatalogLookups lookups);
    public abstract object? JsonValue(T entity, CatalogLookups lookups);
    public abstract bool SameValue(T a, T b);
    public abstract void Copy(T from, T to);
}

/// <summary>A field with its value type, read and written through the entity property.</summary>
public sealed class CatalogField<T, TValue> : CatalogField<T> where T : CatalogEntry
{
    public required FieldKind<TValue> Kind { get; init; }
    public required Func<T, TValue> Get { get; init; }
    public required Action<T, TValue> Set { get; init; }

    public override FieldInput Input => Kind.Input;
    public override string? Help => Kind.Help;
    public override int? MaxLength => Kind.MaxLength;
    public override IReadOnlyList<FieldOption> Options(CatalogLookups lookups) => Kind.Options?.Invoke(lookups) ?? [];

    public override string? Apply(T entity, string? raw, CatalogLookups lookups)
    {
        var parsed = Kind.Read(raw, Required, Label, lookups);
        if (parsed.Ok) Set(entity, parsed.Value);
        return parsed.Error;
    }

    public override string FormValue(T entity, CatalogLookups lookups) => Kind.Format(Get(entity), lookups);
    public override string Display(T entity, CatalogLookups lookups) => (Kind.Display ?? Kind.Format)(Get(entity), lookups);
    public override object? JsonValue(T entity, CatalogLookups lookups) => Kind.Json is { } json ? json(Get(entity), lookups) : Get(entity);
    public override bool SameValue(T a, T b) => EqualityComparer<TValue>.Default.Equals(Get(a), Get(b));
    public override void Copy(T from, T to) => Set(to, Get(from));
}
