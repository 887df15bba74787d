using System.Collections.Concurrent;
using System.Diagnostics;
using Docket.Domain.Courts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Docket.Grains;

/// <summary>
/// The courts' take-ups (<see cref="CourtTakeUp"/>) started while the service itself starts — before its silo and
/// listener, which take a core for a second or two — so that a restarted court reads and replays its ledger meanwhile
/// and its grain, at activation, takes the state made and replays only what was appended since. For one silo that
/// activates every court (the service's own, with SQLite): elsewhere a court's grain may activate on another silo, so
/// nothing is started. A take-up no grain has taken when the courts are active is dropped (<see cref="Drop"/>).
/// </summary>
public sealed partial class EarlyTakeUps(Organization organization, ICourtJournal journal, ILedgerWitness witness,
    IOptions<CourtMemoryOptions> memoryOptions, ILogger<LiveCourtGrain> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, Task<CourtTakeUp>> _started = new();
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Starts every court's take-up on the thread pool (once; again only after <see cref="Drop"/>, for none).</summary>
    public void Start()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }
        foreach (var id in organization.CourtIds)
        {
            var court = organization.Court(id)!;
            _started.GetOrAdd(id, _ => Task.Run(() => TakeUpAsync(court), CancellationToken.None));
        }
    }

    /// <summary>The court's take-up started early, for its grain to take (once); null when none was started or it was taken.</summary>
    public Task<CourtTakeUp>? Take(string court) => _started.TryRemove(court, out var takeUp) ? takeUp : null;

    /// <summary>Drops the take-ups no grain took (a court whose grain did not activate here), stopping any still running.</summary>
    public void Drop()
    {
        if (!_stop.IsCancellationRequested)
        {
            _stop.Cancel();
        }
        foreach (var court in _started.Keys)
        {
            if (_started.TryRemove(court, out var takeUp))
            {
                // Observed, so a take-up that fails once dropped is not an unobserved exception.
                takeUp.Ignore();
            }
        }
    }

    private async Task<CourtTakeUp> TakeUpAsync(Court court)
    {
        var started = Stopwatch.GetTimestamp();
        var takeUp = new CourtTakeUp(court, journal, witness, memoryOptions.Value.FinishedCasesAtHand, logger);
        await takeUp.RunAsync(_stop.Token);
        LogTakenUp(court.Id, takeUp.State.Seq, Stopwatch.GetElapsedTime(started).TotalSeconds);
        return takeUp;
    }

    public void Dispose()
    {
        Drop();
        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Court {Court}: taken up to ledger entry {Seq} while the service started ({Seconds:F2} s)")]
    private partial void LogTakenUp(string court, long seq, double seconds);
}
