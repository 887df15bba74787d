using System.Threading.RateLimiting;
using Docket.Abstractions;
using Docket.Domain.Courts;
using Docket.Grains;

namespace Docket.Server.Api;

/// <summary>
/// What the parties' view needs besides the court: the key their codes are hashed with (<see cref="PartyCodes"/>), and
/// a fixed one-minute window per client address counting wrong or missing codes (<c>Docket:Public:FailuresPerMinute</c>;
/// System.Threading.RateLimiting's partitioned limiter), so codes cannot be tried in bulk.
/// </summary>
internal sealed class PartyAccess(byte[] key, PublicOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.FailuresPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public PublicOptions Options => options;

    /// <summary>A new code for a party and its keyed hash, as the filing entry records it.</summary>
    public (string Code, string Hmac) NewCode()
    {
        var code = PartyCodes.New();
        return (code, PartyCodes.Hmac(key, code)!);
    }

    /// <summary>
    /// Case <paramref name="id"/> as of now when <paramref name="code"/> is its party's current code; null otherwise (a
    /// missing or malformed code too). The case's grain, which holds the hash of the code, checks it.
    /// </summary>
    public async Task<CaseDetails?> ReadAsync(IGrainFactory grains, string id, string? code) =>
        PartyCodes.Hmac(key, code) is { } hmac ? await grains.GetGrain<ILiveCaseGrain>(id).GetForPartyAsync(hmac) : null;

    /// <summary>Whether the address has used up its failures of this minute.</summary>
    public bool Blocked(string address)
    {
        using var lease = _failures.AttemptAcquire(address, 0);
        return !lease.IsAcquired;
    }

    /// <summary>Counts a wrong or missing code from the address.</summary>
    public void Failed(string address)
    {
        using var lease = _failures.AttemptAcquire(address, 1);
    }

    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public void Dispose() => _failures.Dispose();
}
