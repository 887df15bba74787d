using Docket.Abstractions;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Docket.Grains;

/// <summary>
/// Verifies a court's ledger in the background with the domain's <see cref="ChainVerifier"/>: page by page, streamed
/// from the journal, against the witness's signed checkpoints, pausing between pages to keep to its share of a core
/// (<see cref="LedgerCheckOptions"/>). Keeps the verifier between runs, so a later run goes on from where the last
/// stopped (incremental); memory is the court's state at that position (bounded by its cases in progress), not the
/// ledger. A run from genesis also compares the court's latest saved state with the state the ledger makes at its
/// position (<see cref="ChainVerifier.CompareSavedAsync"/>). A failure closes the court
/// (<see cref="ILiveCourtGrain.CloseAsync"/>), and is kept: later runs report it.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
public sealed partial class LedgerCheckGrain(
    Organization organization,
    ICourtJournal journal,
    ILedgerWitness witness,
    IOptions<LedgerCheckOptions> options,
    ILogger<LedgerCheckGrain> logger) : Grain, ILedgerCheckGrain
{
    private readonly Dictionary<int, string> _secrets = [];
    private readonly CancellationTokenSource _deactivating = new();
    private string _deactivatedFor = "";
    private ChainVerifier? _verifier;
    private Task _run = Task.CompletedTask;
    private long _target;
    private LedgerVerification? _result;

    public Task<LedgerCheckProgress> StartAsync(bool full)
    {
        if (_run.IsCompleted && (full || _result is not { Valid: false }))
        {
            if (full)
            {
                _verifier = null;
                _result = null;
                _target = 0;
            }
            _run = RunAsync();
        }
        return Task.FromResult(Progress());
    }

    public async Task<LedgerCheckProgress> GetProgressAsync(TimeSpan wait)
    {
        if (!_run.IsCompleted && wait > TimeSpan.Zero)
        {
            await Task.WhenAny(_run, Task.Delay(wait));
        }
        return Progress();
    }

    /// <summary>
    /// A run still going when the grain deactivates (the silo shutting down) stops at its next page rather than touch
    /// an activation that is gone; a later verification (the court's next activation, an auditor's) starts again.
    /// </summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _deactivatedFor = reason.Description;
        _deactivating.Cancel();
        return Task.CompletedTask;
    }

    private LedgerCheckProgress Progress() =>
        new(this.GetPrimaryKeyString(), !_run.IsCompleted, _verifier?.Seq ?? 0, Math.Max(_target, _verifier?.Seq ?? 0), _run.IsCompleted ? _result : null);

    private async Task RunAsync()
    {
        var id = this.GetPrimaryKeyString();
        var court = organization.Court(id) ?? throw new ArgumentException($"no court '{id}'");
        try
        {
            foreach (var secret in await journal.ReadSecretsAsync(id))
            {
                _secrets[secret.Epoch] = secret.SecretHex;
            }
            _verifier ??= new ChainVerifier(court, epoch => _secrets.GetValueOrDefault(epoch));
            var from = _verifier.Seq;
            var share = options.Value.VerifyShare;
            // Only the saved state's position now: it is read back and digested when the replay gets there, minutes
            // into a paced run, not while a restarted court takes its first filings.
            var savedAt = from == 0 ? await SavedPositionAsync(id) : null;
            SavedStateDigest? saved = null;
            LedgerVerification? failure;
            try
            {
                var checkpoints = await witness.ReadAfterAsync(id, from);
                _target = checkpoints.Count > 0 ? checkpoints.Max(c => c.Checkpoint.Seq) : _target;
                failure = witness.PublicKey is { } key ? _verifier.Witness(checkpoints, key) : null;
            }
            catch (SpoiledWitnessException spoiled)
            {
                failure = _verifier.SpoiledWitness(spoiled);
            }
            var page = Math.Max(1, options.Value.VerifyPage);
            // Working time at most the share of the time the run takes; a page's read counts as work too (it is a good
            // part of it: a few megabytes of entries a page).
            var pace = new WorkPace(share);
            while (failure is null)
            {
                // The page ends at the saved state's position, so the state is compared there before it moves on.
                var limit = savedAt is { } at && at > _verifier.Seq ? (int)Math.Min(page, at - _verifier.Seq) : page;
                var records = await journal.ReadAsync(id, _verifier.Seq, limit);
                failure = _verifier.Feed(records);
                if (failure is null && savedAt == _verifier.Seq)
                {
                    savedAt = null;
                    saved ??= await SavedStateAsync(id, court, share);
                    if (saved is not null && saved.Seq > _verifier.Seq)
                    {
                        // The court saved again since the run began: that state is compared at its own position.
                        savedAt = saved.Seq;
                    }
                    else if (saved is not null && saved.Seq == _verifier.Seq)
                    {
                        failure = await _verifier.CompareSavedAsync(saved, share, _deactivating.Token);
                        if (_verifier.SavedStateMatched == saved.Seq)
                        {
                            LogSavedStateMatched(id, saved.Seq);
                        }
                        else if (failure is null)
                        {
                            LogSavedStateNotCompared(id, saved.Seq, "it ends at another head than the ledger's entry there (the court sets it aside)");
                        }
                        saved = null;
                    }
                    // The read and the comparison paced themselves: the next slice's clock starts after them.
                    pace = new WorkPace(share);
                }
                if (records.Count < limit)
                {
                    break;
                }
                await pace.SliceDoneAsync(_deactivating.Token);
                if (_deactivating.IsCancellationRequested)
                {
                    LogStopped(id, _verifier.Seq, _deactivatedFor);
                    return;
                }
                DelayDeactivation(TimeSpan.FromMinutes(5));
            }
            if (savedAt is { } beyond && failure is null)
            {
                LogSavedStateNotCompared(id, beyond, $"the ledger ends at entry {_verifier.Seq}, before it");
            }
            _result = failure ?? _verifier.Finish();
            LogVerified(id, from, _verifier.Seq, _result.Valid, _result.CheckpointsMatched);
            if (!_result.Valid)
            {
                await GrainFactory.LiveCourt(id).CloseAsync(_result);
            }
        }
        catch (OperationCanceledException) when (_deactivating.IsCancellationRequested)
        {
            LogStopped(id, _verifier?.Seq ?? 0, _deactivatedFor);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogVerifyFailed(e, id);
            throw;
        }
    }

    /// <summary>The position of the court's latest saved state, or null (logged) when it has none.</summary>
    private async Task<long?> SavedPositionAsync(string id)
    {
        if (await journal.ReadStateSeqAsync(id, _deactivating.Token) is { } seq)
        {
            return seq;
        }
        LogNoSavedState(id);
        return null;
    }

    /// <summary>
    /// The court's latest saved state, unsealed and digested as the court would take it up, to compare with the state
    /// the ledger makes at its position; null — nothing to compare, which is no failure — when there is none or it is
    /// not signed with the ledger key or cannot be read (the court sets such a state aside and replays its ledger).
    /// </summary>
    private async Task<SavedStateDigest?> SavedStateAsync(string id, Court court, double share)
    {
        if (await journal.ReadStateAsync(id, _deactivating.Token) is not { } saved)
        {
            LogNoSavedState(id);
            return null;
        }
        if (witness.Unseal(id, saved.Seq, saved.State) is not { } state)
        {
            LogSavedStateNotCompared(id, saved.Seq, "it is not signed with the ledger key");
            return null;
        }
        try
        {
            // Read back and digested off the grain's turn; the state read is let go once digested.
            return await Task.Run(() => SavedStateDigest.ReadAsync(court, epoch => _secrets.GetValueOrDefault(epoch), state, share, _deactivating.Token));
        }
        catch (InvalidDataException e)
        {
            LogSavedStateNotCompared(id, saved.Seq, e.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Court {Court}: no saved state to compare with its ledger")]
    private partial void LogNoSavedState(string court);

    [LoggerMessage(Level = LogLevel.Information, Message = "Court {Court}: its saved state at entry {Seq} is not compared with its ledger: {Reason}")]
    private partial void LogSavedStateNotCompared(string court, long seq, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Court {Court}: its saved state at entry {Seq} is the state its ledger makes there")]
    private partial void LogSavedStateMatched(string court, long seq);

    [LoggerMessage(Level = LogLevel.Information, Message = "Court {Court}: ledger verified from entry {From} to {To}: valid {Valid}, {Checkpoints} signed checkpoints matched")]
    private partial void LogVerified(string court, long from, long to, bool valid, long checkpoints);

    [LoggerMessage(Level = LogLevel.Information, Message = "Court {Court}: the ledger's verification stopped at entry {Seq}, its grain deactivated ({Reason}); the next verification starts again")]
    private partial void LogStopped(string court, long seq, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Court {Court}: the ledger's verification could not run to its end; the next verify tries again")]
    private partial void LogVerifyFailed(Exception e, string court);
}
