using System.Collections.Concurrent;
using Docket.Abstractions;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Grains;

namespace Docket.Server.Hosting;

/// <summary>
/// Once the silo runs and the listener is open, activates every court at once: each takes up its saved state and
/// replays its ledger after it (or writes its genesis entry), and its seed commitment is published in the log. The
/// start ends, and the banner is printed, when every court is active. The listener opens first so that a restart
/// readies the HTTP pipeline on one core while a court replays on the other: a request that reaches a court still
/// activating waits for it (at most <c>Docket:Limits:GrainWaitSeconds</c>, then 503), as it would for any grain.
/// </summary>
internal sealed partial class CourtWarmup(IGrainFactory grains, Organization organization, EarlyTakeUps earlyTakeUps, ILogger<CourtWarmup> logger) : IHostedLifecycleService
{
    private readonly ConcurrentDictionary<string, bool> _activating = new(organization.CourtIds.Select(c => KeyValuePair.Create(c, true)));

    /// <summary>The courts not yet active (every court until the start has asked them; none once each has answered).</summary>
    public IReadOnlyList<string> Activating => [.. organization.CourtIds.Where(_activating.ContainsKey)];

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ActivateCourtsAsync();
        }
        finally
        {
            // A court whose grain activated elsewhere, or not at all, leaves its early take-up: dropped.
            earlyTakeUps.Drop();
        }
    }

    private async Task ActivateCourtsAsync()
    {
        var activations = organization.CourtIds.Select(court => (court, activation: ActivateAsync(court))).ToList();
        foreach (var (court, activation) in activations)
        {
            SeedCommitment[] commitments;
            try
            {
                commitments = await activation;
            }
            catch (InvalidOperationException e) when (e.Message.Contains("cannot be taken up", StringComparison.Ordinal))
            {
                throw new StartupException($"{e.Message} (start with a new --data directory for a new organisation)");
            }
            if (commitments.Length == 0)
            {
                // A court closed before its first entry (its ledger does not verify): it logged why; the others start.
                continue;
            }
            var current = commitments[^1];
            LogCommitment(court, current.Epoch, current.Commitment);
        }
    }

    private async Task<SeedCommitment[]> ActivateAsync(string court)
    {
        try
        {
            return await grains.LiveCourt(court).GetCommitmentsAsync();
        }
        finally
        {
            _activating.TryRemove(court, out _);
        }
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Court {Court}: seed epoch {Epoch}, commitment SHA-256 {Commitment}")]
    private partial void LogCommitment(string court, int epoch, string commitment);
}
