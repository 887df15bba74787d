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
/// ledger. A failure closes the court (<see cref="ILiveCourtGrain.CloseAsync"/>), and is kept: later runs report it.
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
            var checkpoints = await witness.ReadAfterAsync(id, from);
            _target = checkpoints.Count > 0 ? checkpoints.Max(c => c.Checkpoint.Seq) : _target;
            var failure = witness.PublicKey is { } key ? _verifier.Witness(checkpoints, key) : null;
            var page = Math.Max(1, options.Value.VerifyPage);
            // Working time at most the share of the time the run takes; a page's read counts as work too (it is a good
            // part of it: a few megabytes of entries a page).
            var pace = new WorkPace(options.Value.VerifyShare);
            while (failure is null)
            {
                var records = await journal.ReadAsync(id, _verifier.Seq, page);
                failure = _verifier.Feed(records);
                if (records.Count < page)
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Court {Court}: ledger verified from entry {From} to {To}: valid {Valid}, {Checkpoints} signed checkpoints matched")]
    private partial void LogVerified(string court, long from, long to, bool valid, long checkpoints);

    [LoggerMessage(Level = LogLevel.Information, Message = "Court {Court}: the ledger's verification stopped at entry {Seq}, its grain deactivated ({Reason}); the next verification starts again")]
    private partial void LogStopped(string court, long seq, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Court {Court}: the ledger's verification could not run to its end; the next verify tries again")]
    private partial void LogVerifyFailed(Exception e, string court);
}
