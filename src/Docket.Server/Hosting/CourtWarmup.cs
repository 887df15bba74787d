using Docket.Abstractions;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Grains;

namespace Docket.Server.Hosting;

/// <summary>
/// Once the silo runs, activates every court: each replays its ledger (or writes its genesis entry) and the seed
/// commitments are published in the log before the first request is served.
/// </summary>
internal sealed partial class CourtWarmup(IGrainFactory grains, Organization organization, ILogger<CourtWarmup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var court in organization.CourtIds)
        {
            SeedCommitment[] commitments;
            try
            {
                commitments = await grains.LiveCourt(court).GetCommitmentsAsync();
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

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Court {Court}: seed epoch {Epoch}, commitment SHA-256 {Commitment}")]
    private partial void LogCommitment(string court, int epoch, string commitment);
}
