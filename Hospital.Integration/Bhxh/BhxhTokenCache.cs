using System.Collections.Concurrent;

namespace Hospital.Integration.Bhxh;

/// <summary>An access token of the gateway (APIKey of /api/token/take).</summary>
public sealed record BhxhToken(string AccessToken, string IdToken, DateTime ExpiresAtUtc);

/// <summary>
/// Tokens per portal account, shared by every client instance (the HTTP clients are short-lived).
/// A token is used until 60 s before it expires, as vendors do (bhyt-claims.md §6), so a call
/// never starts with a token that dies in flight.
/// </summary>
public sealed class BhxhTokenCache(TimeProvider clock)
{
    public static readonly TimeSpan RenewBefore = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, BhxhToken> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<BhxhToken> GetAsync(string account, Func<CancellationToken, Task<BhxhToken>> take, CancellationToken ct)
    {
        if (Fresh(account) is { } token) return token;
        var gate = _locks.GetOrAdd(account, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            // Another caller may have taken one while we waited: one login for a burst of checks.
            if (Fresh(account) is { } again) return again;
            var taken = await take(ct);
            _tokens[account] = taken;
            return taken;
        }
        finally { gate.Release(); }
    }

    /// <summary>Forget the token after the portal refused it (401), so the next call logs in again.</summary>
    public void Invalidate(string account, BhxhToken refused)
    {
        if (_tokens.TryGetValue(account, out var current) && current == refused)
            _tokens.TryRemove(account, out _);
    }

    private BhxhToken? Fresh(string account) =>
        _tokens.TryGetValue(account, out var t) && t.ExpiresAtUtc - RenewBefore > clock.GetUtcNow().UtcDateTime ? t : null;
}
