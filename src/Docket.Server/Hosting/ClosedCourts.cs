using Docket.Abstractions;
using Docket.Domain.Ledger;

namespace Docket.Server.Hosting;

/// <summary>The courts that are closed because their ledger does not verify (for /health).</summary>
internal static class ClosedCourts
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(2);

    /// <summary>Each court's closure, asked of all at once; a court that does not answer in time (starting, moving) is not listed.</summary>
    public static async Task<List<LedgerVerification>> ListAsync(IGrainFactory grains, IEnumerable<string> courts)
    {
        var asked = courts.Select(async c =>
        {
            try
            {
                return await grains.LiveCourt(c).GetClosedAsync().WaitAsync(s_patience);
            }
            catch (Exception e) when (e is TimeoutException or OrleansException or InvalidOperationException)
            {
                return null;
            }
        }).ToList();
        return [.. (await Task.WhenAll(asked)).OfType<LedgerVerification>()];
    }
}
