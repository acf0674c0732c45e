using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hospital.Domain.Audit;

/// <summary>
/// The hash that chains audit rows. The canonical form is a fixed header followed by each field
/// as a netstring (<c>&lt;UTF-8 byte length&gt;:&lt;bytes&gt;,</c>, null as <c>-,</c>) in the order
/// PreviousHash, At, UserId, UserName, Action, Entity, EntityKey, Changes. Length prefixes make
/// the form unambiguous without escaping, so an auditor can recompute it with any tool.
/// </summary>
public static class AuditHash
{
    private static readonly byte[] Header = "HOSPITAL-AUDIT-1\n"u8.ToArray();

    /// <summary>
    /// Both SQLite (text) and PostgreSQL (timestamptz) keep microseconds; .NET keeps 100 ns ticks.
    /// The hash is computed from the value as it will be read back.
    /// </summary>
    public static DateTime StoredPrecision(DateTime at)
    {
        var utc = at.Kind switch
        {
            DateTimeKind.Utc => at,
            DateTimeKind.Local => at.ToUniversalTime(),
            _ => DateTime.SpecifyKind(at, DateTimeKind.Utc),
        };
        return new DateTime(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);
    }

    public static string FormatAt(DateTime at) =>
        StoredPrecision(at).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static byte[] Canonical(AuditEntry e)
    {
        using var buffer = new MemoryStream(256);
        buffer.Write(Header);
        foreach (var field in new[] { e.PreviousHash, FormatAt(e.At), e.UserId, e.UserName, e.Action, e.Entity, e.EntityKey, e.Changes })
            WriteField(buffer, field);
        return buffer.ToArray();
    }

    public static string Compute(AuditEntry e) => Convert.ToHexStringLower(SHA256.HashData(Canonical(e)));

    private static void WriteField(MemoryStream buffer, string? value)
    {
        if (value is null)
        {
            buffer.Write("-,"u8);
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(value);
        buffer.Write(Encoding.ASCII.GetBytes(bytes.Length.ToString(CultureInfo.InvariantCulture)));
        buffer.WriteByte((byte)':');
        buffer.Write(bytes);
        buffer.WriteByte((byte)',');
    }
}
