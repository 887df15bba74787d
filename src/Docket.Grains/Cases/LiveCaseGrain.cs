using Docket.Abstractions;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Quality;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Docket.Grains;

/// <summary>
/// A filed case: serialises the commands on it, decides them, and holds its record, which is derived from the
/// court's ledger and never written anywhere else. On first use it folds the record itself from the case's entries in
/// storage (<see cref="ICourtJournal.ReadCaseAsync"/>, <see cref="CaseEntries.FoldStored"/>), taken through the
/// court's mark of the case (<see cref="ILiveCourtGrain.GetCaseMarkAsync"/>: its last entry, durable, and the digest of
/// its entries the court chained as it verified them), so it shows only what the court verified and acknowledged;
/// entries storage does not hold as the court verified them close the court (its whole ledger is then verified, which
/// names the entry). The commands on its own life — a node reached, an unlock, an extension, a conversion asked for
/// and decided, a party's new code — it decides here on its record by the domain's <see cref="CaseCommands"/>, in
/// parallel with every other case; the court only sequences the entries decided (<see cref="ILiveCourtGrain.LedgerAsync"/>)
/// — taking them only on the record's version they were decided on — and this grain applies the entries the court
/// appended to its record; or the court answers stale (its own entry changed the case meanwhile: a pull, an
/// escalation, a review draw), and this grain folds the record again and decides again. A designation, a review's
/// finding and a meeting's step the court decides; the record is folded again after them. When an entry of the
/// court's own changes the case, the court tells this grain (<see cref="ChangedAsync"/>), which folds again if active.
/// Nothing is persisted: a new activation folds again.
/// Its deadline warnings are its own to decide too (<see cref="WatchAsync"/>, <see cref="CaseCommands.Warn"/>): its
/// team's watch asks it when its check has come (the court's, for a case no team holds open), and while active it
/// keeps a grain timer for its record's next check (<see cref="CaseClock.NextCheck"/>), so a read just after a
/// deadline shows its warning.
/// </summary>
[CollectionAgeLimit(Minutes = 5)]
public sealed partial class LiveCaseGrain(
    Organization organization,
    ICourtJournal journal,
    TimeProvider time,
    ILogger<LiveCaseGrain> logger,
    IOptions<DeadlineWatchOptions> watchOptions,
    IEnumerable<ICaseDecisionListener> listeners) : Grain, ILiveCaseGrain
{
    /// <summary>The longest a check timer waits before looking again (a timer's due time has a ceiling; the grain rarely lives this long).</summary>
    private static readonly TimeSpan s_longestWait = TimeSpan.FromDays(1);

    private Court? _court;
    private long _number;
    private CourtCase? _record;
    private IGrainTimer? _check;

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
        // A closed court's cases are not served either: their records come from a ledger that does not verify. A
        // record still to fold asks the court for its mark, which a closed court refuses, so only a held one asks here.
        if (_court is not null && _record is not null && await Court().GetClosedAsync() is { } closed)
        {
            throw new CourtClosedException(closed.Court, closed.FirstInvalidSeq, closed.Problem ?? "");
        }
        await SyncAsync();
        return _court is not null && _record is { } c ? CaseClock.Details(_court, c, time.GetUtcNow()) : null;
    }

    public async Task<CaseDetails?> GetForPartyAsync(string codeHmac)
    {
        // Asked of the record, which holds the hash of the latest durable code (the filing's, or a party_code entry's).
        var details = await GetAsync();
        return details is not null && PartyCodes.SameHmac(codeHmac, _record?.PartyCodeHmac) ? details : null;
    }

    public async Task ChangedAsync(long version)
    {
        // An inactive grain (no record yet) folds at its first use anyway.
        if (_record is { } c && c.Version < version)
        {
            try
            {
                await FoldAgainAsync();
            }
            catch (Exception e) when (e is CourtClosedException or InvalidOperationException)
            {
                // A notice answers nobody: the record stays unfolded, and the next use folds and reports.
                LogFoldFailed(e, this.GetPrimaryKeyString());
            }
        }
    }

    public async Task<CourtWarning[]> WatchAsync()
    {
        await SyncAsync();
        for (var attempt = 1; attempt <= Attempts && _court is not null && _record is not null; attempt++)
        {
            if (CaseCommands.Warn(_court, _record, time.GetUtcNow()) is not { } decision)
            {
                return [];
            }
            foreach (var listener in listeners)
            {
                await listener.DecidedAsync(this.GetPrimaryKeyString(), decision);
            }
            var answer = await Court().LedgerAsync(decision);
            if (!answer.Stale)
            {
                Advance(answer);
                return answer.Warnings;
            }
            await FoldAgainAsync();
        }
        // A record that keeps changing under the watch is looked at again at its next check.
        return [];
    }

    public Task<CommandResult> ReachAsync(string node, Actor by) =>
        DecideAsync((court, c, at) => CaseCommands.Reach(court, c, node, by, at));

    public Task<CommandResult> UnlockAsync(string? reason, Actor by) =>
        DecideAsync((court, c, at) => CaseCommands.Unlock(court, c, reason, by, at));

    public Task<CommandResult> ExtendAsync(double days, string reason, Actor by) =>
        DecideAsync((court, c, at) => CaseCommands.Extend(court, c, days, reason, by, at));

    public Task<CommandResult> RequestConversionAsync(string reason, Actor by) =>
        DecideAsync((court, c, at) => CaseCommands.RequestConversion(court, c, reason, by, at));

    public Task<CommandResult> DecideConversionAsync(bool approve, string? reason, Actor by) =>
        DecideAsync((court, c, at) => CaseCommands.DecideConversion(court, c, approve, reason, by, at));

    public Task<CommandResult> IssuePartyCodeAsync(string hmac, Actor by) =>
        DecideAsync((court, c, at) => CaseCommands.IssuePartyCode(court, c, hmac, by, at));

    /// <summary>A meeting's step is the court's to decide, as a review's finding is (<see cref="CourtDecidesAsync"/>).</summary>
    public Task<CommandResult> MeetingAsync(MeetingStep step, Actor by) => CourtDecidesAsync(court => court.MeetingAsync(_number, step, by));

    /// <summary>
    /// A review's finding is the court's to decide: the card it earns depends on the judge's other findings (a second
    /// general problem within the window is red), which only the court sees.
    /// </summary>
    public Task<CommandResult> RecordFindingAsync(QualityFinding finding, string? note, Actor by) =>
        CourtDecidesAsync(court => court.RecordFindingAsync(_number, finding, note, by));

    /// <summary>
    /// A command the court decides on its own state (a review's finding, a meeting's step), then the record folded
    /// again with what the command changed.
    /// </summary>
    private async Task<CommandResult> CourtDecidesAsync(Func<ILiveCourtGrain, Task<CommandResult>> command)
    {
        await SyncAsync();
        if (_court is null || _record is null)
        {
            return NoSuchCase();
        }
        var result = await command(Court());
        if (result.Outcome != Outcome.Ok)
        {
            return result;
        }
        try
        {
            await FoldAgainAsync();
        }
        catch (Exception e) when (e is CourtClosedException or InvalidOperationException)
        {
            // The command is durable: it is answered with the court's view of the case, the fold's failure logged
            // (and, storage refused, the court closed: its next command answers 503).
            LogFoldFailed(e, this.GetPrimaryKeyString());
            return result;
        }
        return _record is { } after ? result with { Case = CaseClock.Details(_court, after, time.GetUtcNow()) } : result;
    }

    /// <summary>A designation is an assignment: the court decides it on its board of team loads.</summary>
    public Task<CommandResult> DesignateAsync(string? team, string reason, Actor by) =>
        CourtDecidesAsync(court => court.DesignateAsync(_number, team, reason, by));

    /// <summary>
    /// Decides a command on the case's record here, in this grain's turn (<see cref="CaseCommands"/>), and has the
    /// court sequence it. Refused, nothing reaches the court. Stale — the court's record moved on meanwhile (a
    /// warning, a pull, an escalation the court wrote itself) or the moment it would be recorded at falls past where
    /// the decision holds — the record is folded again and the command decided again, at most <see cref="Attempts"/> times.
    /// </summary>
    private async Task<CommandResult> DecideAsync(Func<Court, CourtCase, DateTimeOffset, CaseDecision> decide)
    {
        await SyncAsync();
        if (_court is null || _record is null)
        {
            return NoSuchCase();
        }
        for (var attempt = 1; ; attempt++)
        {
            var decision = decide(_court, _record, time.GetUtcNow());
            foreach (var listener in listeners)
            {
                await listener.DecidedAsync(this.GetPrimaryKeyString(), decision);
            }
            if (decision.Refused is { } refused)
            {
                return refused;
            }
            var answer = await Court().LedgerAsync(decision);
            if (!answer.Stale)
            {
                // The decision's own entries (a closure's pulls follow it): what the queue owed before it, written in the
                // same write, is the watcher's and not in the answer.
                Advance(answer);
                return new CommandResult(Outcome.Ok, null, null, CaseClock.Details(_court, _record!, time.GetUtcNow()), answer.Entries, false);
            }
            await FoldAgainAsync();
            if (attempt == Attempts || _record is null)
            {
                return CommandResult.Fail(Outcome.Conflict, null, $"case {_court.CaseId(_number)} changed while the command was being decided; try again");
            }
        }
    }

    /// <summary>How many times a command is decided before a case that keeps changing under it is given up on (409).</summary>
    public const int Attempts = 4;

    private CommandResult NoSuchCase() => CommandResult.Fail(Outcome.NotFound, null, $"no case {this.GetPrimaryKeyString()}");

    /// <summary>
    /// Applies the entries the court appended for a decision taken on this record's version (<see cref="CaseLedgered.Decided"/>:
    /// the decision's own, typed as appended; none about another case).
    /// </summary>
    private void Advance(CaseLedgered answer) => Take(CaseEntries.Advance(_record!, answer.Decided));

    /// <summary>Keeps a newer record (never an older one), and times its next check.</summary>
    private bool Take(CourtCase? record)
    {
        if (record is null || record.Version <= (_record?.Version ?? 0))
        {
            return false;
        }
        _record = record;
        ArmCheck(afterAsking: false);
        return true;
    }

    /// <summary>
    /// Sets the check timer for the record's next check, or none when nothing can come due until the case changes.
    /// A check still due right after this grain asked (the watch did not take it: the case moved, or the court is
    /// busy or closed) is left to the team's and the court's watches for one watch period, so the timer never spins.
    /// </summary>
    private void ArmCheck(bool afterAsking)
    {
        _check?.Dispose();
        _check = null;
        var now = time.GetUtcNow();
        if (_court is null || _record is null || CaseClock.NextCheck(_court, _record, now) is not { } next)
        {
            return;
        }
        var wait = next - now;
        if (wait <= TimeSpan.Zero && afterAsking)
        {
            wait = watchOptions.Value.Period;
        }
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > s_longestWait ? s_longestWait : wait;
        _check = this.RegisterGrainTimer(_ => CheckAsync(), new GrainTimerCreationOptions { DueTime = wait, Period = Timeout.InfiniteTimeSpan });
    }

    /// <summary>The check timer's tick: decides the case's warnings when its check has come (<see cref="WatchAsync"/>).</summary>
    private async Task CheckAsync()
    {
        var before = _record?.Version;
        try
        {
            if (_record is { } c && CaseClock.NextCheck(_court!, c, time.GetUtcNow()) <= time.GetUtcNow())
            {
                await WatchAsync();
            }
        }
        finally
        {
            if (_record?.Version == before)
            {
                ArmCheck(afterAsking: true);
            }
        }
    }

    /// <summary>
    /// Folds the record from storage when it has none: the court's mark of the case first (null until the court knows
    /// it: a guessed id, or a filing not yet durable, so every use asks again), then the case's entries through it.
    /// </summary>
    private async Task SyncAsync()
    {
        if (_record is not null || _court is null || await Court().GetCaseMarkAsync(_number) is not { } mark)
        {
            return;
        }
        var id = _court.CaseId(_number);
        var stored = await journal.ReadCaseAsync(_court.Id, id);
        var (record, problem) = CaseEntries.FoldStored(_court, id, stored, mark.Version, mark.Digest);
        if (problem is not null)
        {
            await RefuseStorageAsync(problem);
        }
        Take(record);
    }

    /// <summary>Drops the record (and its check timer) and folds it again from storage.</summary>
    private async Task FoldAgainAsync()
    {
        _check?.Dispose();
        _check = null;
        _record = null;
        await SyncAsync();
    }

    /// <summary>
    /// Storage does not hold the case's entries as the court verified them: the court is closed (it serves nothing
    /// from a ledger that does not verify) and its whole ledger verified, which names the first entry at fault.
    /// </summary>
    private async Task RefuseStorageAsync(string problem)
    {
        var court = _court!.Id;
        LogStorageRefused(court, problem);
        await Court().CloseAsync(new LedgerVerification(court, false, 0, 0, null, null, problem));
        throw new CourtClosedException(court, null, problem);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Court {Court} closed by a case's grain: {Problem}; its whole ledger is being verified")]
    private partial void LogStorageRefused(string court, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {Case}: its record could not be folded again after a change the court recorded")]
    private partial void LogFoldFailed(Exception e, string @case);

    private ILiveCourtGrain Court() => GrainFactory.LiveCourt(_court!.Id);
}
