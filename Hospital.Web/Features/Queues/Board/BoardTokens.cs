using System.Security.Cryptography;
using System.Text;
using Hospital.Domain.Data;
using Hospital.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Queues.Board;

/// <summary>
/// Board tokens: 32 random bytes, base64url, shown once to the administrator; the database
/// keeps only the lower-case hex SHA-256 (a stolen backup does not open the boards).
/// </summary>
public static class BoardTokens
{
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The live board opened by <paramref name="token"/>, or null (unknown, malformed or revoked).</summary>
    public static async Task<QueueBoard?> FindAsync(HospitalDbContext db, string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200) return null;
        var hash = Hash(token);
        return await db.Set<QueueBoard>().AsNoTracking().FirstOrDefaultAsync(b => b.TokenHash == hash && b.RevokedAt == null, ct);
    }

    public static IReadOnlyList<string> RoomCodes(QueueBoard board) =>
        board.RoomCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
