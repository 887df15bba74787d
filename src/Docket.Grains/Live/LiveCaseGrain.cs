using Docket.Abstractions.Live;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;

namespace Docket.Grains.Live;

/// <summary>
/// A filed case: persists its record (through the <c>docket</c> grain storage) and serialises the commands on it.
/// Its court decides every command and writes the ledger; the case stores the result before it answers. On
/// first use it catches up with the court, whose ledger is the source of truth, so a write lost between the two
/// is repaired the next time the case is used.
/// </summary>
[CollectionAgeLimit(Minutes = 5)]
public sealed class LiveCaseGrain(
    [PersistentState(LiveCaseGrain.StateName, LiveStorage.Name)] IPersistentState<LiveCaseState> state,
    Organization organization,
    TimeProvider time) : Grain, ILiveCaseGrain
{
    /// <summary>The name of the case's state in the grain storage (the court writes it at filing).</summary>
    public const string StateName = "case";

    private Court? _court;
    private long _number;
    private bool _synced;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (organization.ParseCaseId(this.GetPrimaryKeyString()) is { } parsed)
        {
            (_court, _number) = parsed;
        }
        return Task.CompletedTask;
    }

    public async Task<CaseDetails?> GetAsync()
    {
        // A closed court's cases are not served either: their records come from a ledger that does not verify.
        if (_court is not null && await Court().GetClosedAsync() is { } closed)
        {
            throw new CourtClosedException(closed.Court, closed.FirstInvalidSeq, closed.Problem ?? "");
        }
        await SyncAsync();
        return _court is not null && state.State.Case is { } c ? CaseClock.Details(_court, c, time.GetUtcNow()) : null;
    }

    public async Task AdoptAsync(CourtCase record)
    {
        // The court sends its current record: nothing older can be in the ledger.
        _synced = true;
        await StoreAsync(record);
    }

    public Task<CommandResult> ReachAsync(string node, Actor by) => RunAsync(court => court.ReachAsync(_number, node, by));

    public Task<CommandResult> UnlockAsync(string? reason, Actor by) => RunAsync(court => court.UnlockAsync(_number, reason, by));

    public Task<CommandResult> ExtendAsync(double days, string reason, Actor by) => RunAsync(court => court.ExtendAsync(_number, days, reason, by));

    public Task<CommandResult> DesignateAsync(string? team, string reason, Actor by) =>
        RunAsync(court => court.DesignateAsync(_number, team, reason, by));

    private async Task<CommandResult> RunAsync(Func<ILiveCourtGrain, Task<CommandResult>> command)
    {
        await SyncAsync();
        if (_court is null || state.State.Case is null)
        {
            return CommandResult.Fail(Outcome.NotFound, null, $"no case {this.GetPrimaryKeyString()}");
        }
        var result = await command(Court());
        if (result.Case is { } details)
        {
            await StoreAsync(details.Case);
        }
        return result;
    }

    /// <summary>Stores a newer record of the court's (an older one can arrive late from a pull notice).</summary>
    private async Task StoreAsync(CourtCase? record)
    {
        if (record is null || record.Version <= (state.State.Case?.Version ?? 0))
        {
            return;
        }
        await PersistAsync(record);
    }

    /// <summary>
    /// Writes the record; when the stored state changed under us (the court stored the filing after this grain
    /// read its empty state), re-reads it first.
    /// </summary>
    private async Task PersistAsync(CourtCase record)
    {
        try
        {
            state.State.Case = record;
            await state.WriteStateAsync();
        }
        catch (Orleans.Storage.InconsistentStateException)
        {
            await state.ReadStateAsync();
            state.State.Case = record;
            await state.WriteStateAsync();
        }
    }

    /// <summary>
    /// Before first use: the court's ledger is the truth, so a record written there but not here (a crash between
    /// the two writes, or a filing stored after this grain activated) is taken. Until the court knows the case,
    /// every use asks again.
    /// </summary>
    private async Task SyncAsync()
    {
        if (_synced || _court is null)
        {
            return;
        }
        var fresh = await Court().GetCaseAsync(_number);
        if (fresh is null)
        {
            state.State.Case = null;
            return;
        }
        _synced = true;
        if (fresh.Version != state.State.Case?.Version)
        {
            await PersistAsync(fresh);
        }
    }

    private ILiveCourtGrain Court() => GrainFactory.GetGrain<ILiveCourtGrain>(_court!.Id);
}
