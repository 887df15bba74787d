using Docket.Abstractions;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Microsoft.Extensions.Options;

namespace Docket.Grains;

/// <summary>
/// A filed case: serialises the commands on it and holds its record, which is derived from the court's ledger and
/// never written anywhere else. On first use it takes the record the court holds (in memory while the case is in
/// progress, folded back from the ledger once it has finished), only once that record is durable; after that it
/// keeps the records its commands return and those the court sends when an entry it wrote itself (a deadline
/// warning, an escalation, a pull) changes the case. Nothing is persisted: a new activation starts again from the court.
/// While active it keeps a grain timer for its record's next deadline check (<see cref="CaseClock.NextCheck"/>): when
/// it comes, the grain asks its team's watch for this case (the court, for a case no team holds open), so a read just
/// after a deadline shows its warning.
/// </summary>
[CollectionAgeLimit(Minutes = 5)]
public sealed class LiveCaseGrain(Organization organization, TimeProvider time, IOptions<DeadlineWatchOptions> watchOptions) : Grain, ILiveCaseGrain
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
        // A closed court's cases are not served either: their records come from a ledger that does not verify.
        if (_court is not null && await Court().GetClosedAsync() is { } closed)
        {
            throw new CourtClosedException(closed.Court, closed.FirstInvalidSeq, closed.Problem ?? "");
        }
        await SyncAsync();
        return _court is not null && _record is { } c ? CaseClock.Details(_court, c, time.GetUtcNow()) : null;
    }

    public Task AdoptAsync(CourtCase record)
    {
        Take(record);
        return Task.CompletedTask;
    }

    public Task<CommandResult> ReachAsync(string node, Actor by) => RunAsync(court => court.ReachAsync(_number, node, by));

    public Task<CommandResult> UnlockAsync(string? reason, Actor by) => RunAsync(court => court.UnlockAsync(_number, reason, by));

    public Task<CommandResult> ExtendAsync(double days, string reason, Actor by) => RunAsync(court => court.ExtendAsync(_number, days, reason, by));

    public Task<CommandResult> RequestConversionAsync(string reason, Actor by) => RunAsync(court => court.RequestConversionAsync(_number, reason, by));

    public Task<CommandResult> DecideConversionAsync(bool approve, string? reason, Actor by) =>
        RunAsync(court => court.DecideConversionAsync(_number, approve, reason, by));

    public Task<CommandResult> MeetingAsync(MeetingStep step, Actor by) => RunAsync(court => court.MeetingAsync(_number, step, by));

    public Task<CommandResult> IssuePartyCodeAsync(string hmac, Actor by) => RunAsync(court => court.IssuePartyCodeAsync(_number, hmac, by));

    public Task<CommandResult> DesignateAsync(string? team, string reason, Actor by) =>
        RunAsync(court => court.DesignateAsync(_number, team, reason, by));

    private async Task<CommandResult> RunAsync(Func<ILiveCourtGrain, Task<CommandResult>> command)
    {
        await SyncAsync();
        if (_court is null || _record is null)
        {
            return CommandResult.Fail(Outcome.NotFound, null, $"no case {this.GetPrimaryKeyString()}");
        }
        var result = await command(Court());
        if (result.Case is { } details)
        {
            Take(details.Case);
        }
        return result;
    }

    /// <summary>Keeps a newer record of the court's (an older one can arrive late from a court's notice), and times its next check.</summary>
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

    /// <summary>The check timer's tick: asks for this case's warnings when its check has come, then takes the record the court holds.</summary>
    private async Task CheckAsync()
    {
        var taken = false;
        try
        {
            var now = time.GetUtcNow();
            if (_record is { } c && CaseClock.NextCheck(_court!, c, now) <= now)
            {
                if (c.Status == CourtCaseStatus.Pending && c.Team is { } team)
                {
                    await GrainFactory.LiveTeam(team).WatchCaseAsync(_number);
                }
                else
                {
                    await Court().WarnAsync(null, [_number]);
                }
                taken = Take(await Court().GetCaseAsync(_number));
            }
        }
        finally
        {
            if (!taken)
            {
                ArmCheck(afterAsking: true);
            }
        }
    }

    /// <summary>Until the court knows the case (a guessed id, or a filing not yet durable), every use asks again.</summary>
    private async Task SyncAsync()
    {
        if (_record is not null || _court is null)
        {
            return;
        }
        Take(await Court().GetCaseAsync(_number));
    }

    private ILiveCourtGrain Court() => GrainFactory.LiveCourt(_court!.Id);
}
