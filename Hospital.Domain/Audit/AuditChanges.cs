using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Hospital.Domain.Audit;

/// <summary>
/// The <see cref="AuditEntry.Changes"/> JSON of one tracked entity: <c>{"Field": {"old": .., "new": ..}}</c>,
/// only "new" for a creation, only "old" for a deletion. Secrets never reach the trail: their
/// values are written as <see cref="Masked"/>, so the trail still shows that they changed.
/// </summary>
public static class AuditChanges
{
    public const string Masked = "***";

    /// <summary>Password and key hashes, Identity's stamps; any property named like them in a later module too.</summary>
    private static readonly string[] SecretSuffixes = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "KeyHash", "Secret", "Token"];

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Vietnamese stays readable in the database; pages HTML-encode it when shown.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Fields secret by their entity rather than their name.</summary>
    private static readonly HashSet<(string Entity, string Property)> SecretFields =
    [
        // Authenticator keys and recovery codes.
        ("IdentityUserToken", "Value"),
        // The data-protection key ring: whoever reads it can forge sign-in cookies.
        ("DataProtectionKey", "Xml"),
    ];

    public static bool IsSecret(EntityEntry entry, string property) =>
        SecretSuffixes.Any(s => property.EndsWith(s, StringComparison.Ordinal))
        || SecretFields.Contains((EntityName(entry.Metadata.ClrType), property));

    /// <summary>All values of a new row (nulls left out: they say nothing).</summary>
    public static string? ForCreate(EntityEntry entry) =>
        Write(entry, entry.Properties.Where(p => p.CurrentValue is not null), p => (false, null, true, p.CurrentValue));

    /// <summary>All values of a row being deleted, read before the delete.</summary>
    public static string? ForDelete(EntityEntry entry) =>
        Write(entry, entry.Properties.Where(p => p.OriginalValue is not null), p => (true, p.OriginalValue, false, null));

    /// <summary>Properties whose value really changed (Identity marks every property modified on update).</summary>
    public static string? ForUpdate(EntityEntry entry) =>
        Write(entry, ChangedProperties(entry), p => (true, p.OriginalValue, true, p.CurrentValue));

    public static IEnumerable<PropertyEntry> ChangedProperties(EntityEntry entry) =>
        entry.Properties.Where(p => p.IsModified && !p.Metadata.GetValueComparer().Equals(p.OriginalValue, p.CurrentValue));

    private static string? Write(EntityEntry entry, IEnumerable<PropertyEntry> properties,
        Func<PropertyEntry, (bool HasOld, object? Old, bool HasNew, object? New)> values)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            foreach (var p in properties)
            {
                var name = p.Metadata.Name;
                var secret = IsSecret(entry, name);
                var (hasOld, oldValue, hasNew, newValue) = values(p);
                json.WriteStartObject(name);
                if (hasOld) WriteValue(json, "old", secret && oldValue is not null ? Masked : oldValue);
                if (hasNew) WriteValue(json, "new", secret && newValue is not null ? Masked : newValue);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter json, string name, object? value)
    {
        json.WritePropertyName(name);
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case bool b: json.WriteBooleanValue(b); break;
            case int or long or short or byte or sbyte or ushort or uint:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case ulong u: json.WriteNumberValue(u); break;
            case decimal d: json.WriteNumberValue(d); break;
            case double d: json.WriteNumberValue(d); break;
            case float f: json.WriteNumberValue(f); break;
            case DateTime t: json.WriteStringValue(AuditHash.FormatAt(t)); break;
            case DateTimeOffset t: json.WriteStringValue(t.ToString("O", CultureInfo.InvariantCulture)); break;
            case DateOnly d: json.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case TimeOnly t: json.WriteStringValue(t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)); break;
            case Enum e: json.WriteStringValue(e.ToString()); break;
            // Files (a signed PDF, a PKCS#12) are named by their hash and size, not copied into the trail.
            case byte[] bytes:
                json.WriteStringValue($"sha256:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))} ({bytes.Length} bytes)"); break;
            default: json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>"Patient", "IdentityUserRole" (generic arity dropped): what the trail and its filter show.</summary>
    public static string EntityName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`');
        return tick < 0 ? name : name[..tick];
    }

    /// <summary>Primary key values joined by ',' (composite keys such as a user's role).</summary>
    public static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null) return "";
        var text = string.Join(",", key.Properties.Select(p =>
            Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
        return text.Length <= 100 ? text : text[..100];
    }
}
