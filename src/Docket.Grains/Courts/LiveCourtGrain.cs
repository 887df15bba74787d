using System.Diagnostics;
using Docket.Abstractions;
using Docket.Domain.Access;
using Docket.Domain.Assignment;
using Docket.Domain.Courts;
using Docket.Domain.Deadlines;
using Docket.Domain.Ledger;
using Docket.Domain.Metrics;
using Docket.Domain.Quality;
using Docket.Domain.Reports;
using Docket.Domain.Staffing;
using Docket.Domain.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Storage;

namespace Docket.Grains;

/// <summary>
/// A live court: the single writer of its ledger. Its state is rebuilt at activation from its latest saved state and
/// the ledger's tail after it, verified as it is replayed (the whole ledger when there is no saved state it can take
/// up), so nothing but the ledger needs to be durable for it. It decides the assignments (filings, designations, absences,
/// pulls, waiting cases' escalations) synchronously on that state; the commands on one case's life, its deadline
/// warnings included, are decided by the case's grain, and the court only sequences them (<see cref="LedgerAsync"/>:
/// the case's record unchanged since the decision, else stale). Every command appends its entries and answers only once the journal says they are durable. Reentrant, so that while one command's
/// entries are being written the next is decided and the journal can write them together; decisions never
/// interleave because none awaits anything before its entries are appended. Kept active (an activation replays
/// the tail after the saved state and verifies the whole chain in the background).
/// </summary>
[Reentrant]
[KeepAlive]
public sealed partial class LiveCourtGrain(
    Organization organization,
    ICourtJournal journal,
    TimeProvider time,
    DocketMetrics metrics,
    LiveCourtSettings settings,
    DueCases dueCases,
    ILedgerWitness witness,
    EarlyTakeUps earlyTakeUps,
    ILogger<LiveCourtGrain> logger) : Grain, ILiveCourtGrain, IRemindable
{
    private const int ReplayPage = 10_000;

    /// <summary>Cases in progress the indicators count, or a report reads, in one slice on the thread pool (a few milliseconds).</summary>
    private const int SweepSlice = 4_096;

    /// <summary>The share of a core the KPI gauges' pass over the cases in progress takes (it runs every few seconds).</summary>
    private const double GaugeShare = 0.25;

    /// <summary>Finished cases read from storage in one page by the indicators and the reports.</summary>
    private const int FinishedPage = 4_096;

    /// <summary>The court's deadline watcher's reminder.</summary>
    public const string WatchReminder = "deadline-watch";

    private Dictionary<int, string> _secrets = [];
    private readonly KeyedFilings _keyed = new();
    private RecentTeamNews _recentNews = null!;
    private TeamChecks _teamChecks = null!;
    private Court _court = null!;
    private CourtState _state = null!;
    private bool _broken;
    private LedgerVerification? _closed;
    private LiveCourtMetrics? _metrics;
    private long _durableSeq;
    private long _savedSeq;
    // The save under way, or the last one done: one at a time.
    private Task _save = Task.CompletedTask;

    /// <summary>Every save of the court's state is written here (one save at a time).</summary>
    private readonly StateBuffer _stateBuffer = new();

    private bool _recordingKpis;
    private Task _lastAppend = Task.CompletedTask;

    /// <summary>When the last entries were handed to the journal (<see cref="Stopwatch"/> ticks: idleness is the process's time, not the court's clock).</summary>
    private long _lastAppendAt = Stopwatch.GetTimestamp();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKeyString();
        _court = organization.Court(id) ?? throw new InvalidOperationException($"no court '{id}' in the organisation");
        _recentNews = new RecentTeamNews(_court.Layout.Teams.Count);
        _teamChecks = new TeamChecks(_court.Layout.Teams.Count);
        // The take-up the service started for this court while it started, if any, and what was appended since; else its own.
        CourtTakeUp takeUp;
        if (earlyTakeUps.Take(id) is { } early)
        {
            takeUp = await early;
            await takeUp.CatchUpAsync(cancellationToken);
        }
        else
        {
            takeUp = new CourtTakeUp(_court, journal, witness, settings.Memory.FinishedCasesAtHand, logger);
            await takeUp.RunAsync(cancellationToken);
        }
        _secrets = takeUp.Secrets;
        _state = takeUp.State;
        _closed = takeUp.Closed;
        _savedSeq = takeUp.FromSaved;
        if (_closed is null && _state.Seq == 0)
        {
            var secret = await journal.AddSecretAsync(new CourtSecret(id, 1, LedgerHash.NewSecret()), cancellationToken);
            _secrets[1] = secret.SecretHex;
            var genesis = CourtCommands.Open(_state, organization.Scenario.Name, LedgerHash.Commitment(secret.SecretHex), Now());
            await journal.AppendAsync(id, [genesis], cancellationToken: cancellationToken);
        }
        if (_closed is null && _state.Seq > 0)
        {
            // Entries a crash left written but never acknowledged (the database ahead of the witness) are covered now.
            await witness.CheckpointAsync(id, _state.Seq, _state.Head, cancellationToken);
        }
        _durableSeq = _state.Seq;
        // From here on, the teams each entry concerns are collected, to tell the teams' grains once it is durable.
        _state.TracksTouches = true;
        _metrics = new LiveCourtMetrics(metrics, _court);
        _metrics.Activated(_state.HeldCases);
        RecordKpisAsync().Ignore();
        if (settings.Metrics.KpiIntervalSeconds > 0)
        {
            // Grain timers belong to the activation: the court records its KPI gauges only while it is active.
            var period = TimeSpan.FromSeconds(settings.Metrics.KpiIntervalSeconds);
            this.RegisterGrainTimer(_ => RecordKpisAsync(), new GrainTimerCreationOptions { DueTime = period, Period = period, Interleave = true });
        }
        // Keys past the retention window are deleted from storage in the background (a look-up ignores them anyway).
        var sweep = TimeSpan.FromSeconds(Math.Max(1, settings.Memory.IdempotencyKeySweepSeconds));
        this.RegisterGrainTimer(_ => ForgetOldKeysAsync(), new GrainTimerCreationOptions { DueTime = TimeSpan.FromSeconds(Math.Min(60, sweep.TotalSeconds)), Period = sweep, Interleave = true });
        if (settings.Memory.SaveWhenIdleSeconds > 0)
        {
            var look = TimeSpan.FromSeconds(Math.Max(1, settings.Memory.SaveWhenIdleSeconds / 4.0));
            this.RegisterGrainTimer(_ => SaveStateWhenIdle(), new GrainTimerCreationOptions { DueTime = look, Period = look, Interleave = true });
        }
        if (_closed is { } closed)
        {
            LogClosed(id, closed.FirstInvalidSeq ?? 0, closed.Problem ?? "");
            return;
        }
        LogActivated(id, _state.Seq, _state.LastNumber, _state.Epoch, _state.Commitment ?? "");
        // A long replay is saved at once, so the next activation does not repeat it.
        SaveStateWhenDue();
        await ArmDeadlineWatchAsync();
        // The whole chain, from genesis, verified in the background.
        if (settings.Check.VerifyAtActivation)
        {
            GrainFactory.GetGrain<ILedgerCheckGrain>(id).StartAsync(full: true).Ignore();
        }
    }

    public Task<LedgerVerification?> GetClosedAsync() => Task.FromResult(_closed);

    public Task CloseAsync(LedgerVerification failure)
    {
        // A failure that names no entry (a case's entries found changed in storage) gives way to the verification's,
        // which it starts: the whole chain verified from genesis names the entry when the chain is at fault.
        if (!failure.Valid && (_closed is null || _closed.FirstInvalidSeq is null && failure.FirstInvalidSeq is not null))
        {
            _closed = failure;
            LogClosed(_court.Id, failure.FirstInvalidSeq ?? 0, failure.Problem ?? "");
            if (failure.FirstInvalidSeq is null)
            {
                GrainFactory.GetGrain<ILedgerCheckGrain>(_court.Id).StartAsync(full: true).Ignore();
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Saves the court's state once <see cref="CourtSaves.Due"/>: taken now (what changes is taken in the court's turn,
    /// its records written on the thread pool), stored once every entry it covers is durable, never while a save is on
    /// its way.
    /// </summary>
    private void SaveStateWhenDue() => SaveStateIf(CourtSaves.Due(settings.Memory.SaveStateEvery, _state.Seq - _savedSeq, _state.InProgress));

    /// <summary>A court with entries since its last save and none for <see cref="CourtMemoryOptions.SaveWhenIdleSeconds"/> saves its state.</summary>
    private Task SaveStateWhenIdle()
    {
        SaveStateIf(_closed is null
            && CourtSaves.DueWhenIdle(settings.Memory.SaveWhenIdleSeconds, _state.Seq - _savedSeq, Stopwatch.GetElapsedTime(_lastAppendAt)));
        return Task.CompletedTask;
    }

    private void SaveStateIf(bool due)
    {
        if (!due || !_save.IsCompleted || _broken)
        {
            return;
        }
        _save = SaveStateAsync(_state.CaptureSnapshot());
    }

    private async Task SaveStateAsync(CourtSnapshot snapshot)
    {
        var seq = snapshot.Seq;
        try
        {
            // Written off the court's turn: the records it holds do not change.
            var share = settings.Memory.SaveShare;
            var state = await Task.Run(async () =>
            {
                // The seal goes in front of the state, in place.
                _stateBuffer.Restart(witness.SealBytes);
                await snapshot.WriteToAsync(_stateBuffer, share);
                var sealedState = _stateBuffer.Written;
                await witness.SealAsync(_court.Id, seq, sealedState.Slice(witness.SealBytes), _stateBuffer.Start(witness.SealBytes), share);
                return sealedState;
            });
            await DurableThroughAsync(seq);
            await journal.SaveStateAsync(_court.Id, seq, state);
            _savedSeq = seq;
            LogStateSaved(_court.Id, seq, state.Length);
        }
        catch (Exception e)
        {
            LogStateNotSaved(e, _court.Id, seq);
        }
    }

    /// <summary>
    /// Re-arms the deadline watch from the replayed ledger: the court's share of what fell due while it was down
    /// (escalations, pulls) in one write, and every case whose check came meanwhile asked to decide its warnings
    /// (nothing issued before is issued again: the ledger holds it); then registers the court's reminder. Without a
    /// reminder service in the silo the court's share runs on a grain timer instead, while the court is active (it is
    /// kept alive).
    /// </summary>
    private async Task ArmDeadlineWatchAsync()
    {
        await WatchAsync(TimeSpan.Zero, awaitCases: false);
        var period = settings.Watch.Period;
        try
        {
            await this.RegisterOrUpdateReminder(WatchReminder, period, period);
        }
        catch (Exception e) when (e is InvalidOperationException or OrleansException or TimeoutException)
        {
            LogNoReminders(e, _court.Id);
            this.RegisterGrainTimer(_ => _broken ? Task.CompletedTask : WatchAsync(settings.Watch.Period, awaitCases: false),
                new GrainTimerCreationOptions { DueTime = period, Period = period, Interleave = true });
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == WatchReminder && !_broken && _closed is null ? WatchAsync(settings.Watch.Period, awaitCases: false) : Task.CompletedTask;

    public Task<CourtWarning[]> WatchDeadlinesAsync() => WatchAsync(TimeSpan.Zero, awaitCases: true);

    public Task TeamNextCheckAsync(string team, long through, DateTimeOffset? next)
    {
        if (_court.TeamIndex(team) is var t and >= 0)
        {
            _teamChecks.Tell(t, through, next);
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// The court's deadline watch: its own share, the assignments (<see cref="CourtCommands.WatchQueue"/>: waiting
    /// cases' escalations and pulls), then the warnings, which are each case's to decide (<see cref="ILiveCaseGrain.WatchAsync"/>):
    /// the grain of each due case no team holds open (waiting, or closed with stages still to come; the court's deadline
    /// index holds those alone, so a watch costs the due cases, not the court's) is asked, and the watch of each team
    /// holding open cases is woken when the earliest check it last told the court of has waited <paramref name="grace"/>
    /// or longer, or it has told none since the court's activation (<see cref="TeamChecks"/>: a team grain not active,
    /// or whose timer failed); with a grace of zero, every team holding open cases. With <paramref name="awaitCases"/>
    /// the warnings are returned once all are durable; the reminder's tick does not wait for them.
    /// </summary>
    private async Task<CourtWarning[]> WatchAsync(TimeSpan grace, bool awaitCases)
    {
        EnsureHealthy();
        var now = Now();
        await IssueAsync(CourtCommands.WatchQueue(_state, now), awaitCases);
        var unheld = _state.DueBy(now).Select(c => c.Id).ToList();
        var asked = Enumerable.Range(0, _court.Layout.Teams.Count)
            .Where(team => _state.OpenCases(team).Count > 0 && (grace == TimeSpan.Zero || _teamChecks.Wakes(team, now, grace)))
            .Select(team => GrainFactory.LiveTeam(_court.Layout.Teams[team].Id).WatchDeadlinesAsync())
            .Append(dueCases.WatchAsync(GrainFactory, unheld))
            .ToList();
        if (!awaitCases)
        {
            asked.ForEach(a => a.Ignore());
            return [];
        }
        return [.. (await Task.WhenAll(asked)).SelectMany(w => w).OrderBy(w => w.Warning.Seq)];
    }

    /// <summary>
    /// The court's share of a watch (escalations, pulls) appended to the ledger, all in one write — or the queue's
    /// entries a refused or stale command carries; once durable the pulls are reported and the cases' grains told
    /// (<see cref="ILiveCaseGrain.ChangedAsync"/>).
    /// </summary>
    private async Task IssueAsync(CommandEffect effect, bool awaitCases)
    {
        if (effect.Records.Count == 0)
        {
            return;
        }
        var moved = MovedCases(effect);
        await CommitAsync(effect.Records);
        ReportPulls(effect);
        if (effect.Owed == 0)
        {
            LogQueueWatched(_court.Id, effect.Escalated.Count, effect.Pulled.Count);
        }
        else
        {
            LogCaughtUp(effect);
        }
        if (awaitCases)
        {
            await Task.WhenAll(Tell(moved));
        }
        else
        {
            TellMoved(moved);
        }
    }

    public async Task<CommandResult> MarkAbsentAsync(string team, DateTimeOffset? from, DateTimeOffset to, string reason, Actor by)
    {
        EnsureHealthy();
        var maxDays = settings.Absence.MaxDays;
        var effect = CourtCommands.MarkAbsent(_state, team, from, to, reason, by, Now(), maxDays);
        if (effect.Refused is not null)
        {
            return await RefusedAsync(effect);
        }
        await CommitAndTellMovedAsync(effect);
        return new CommandResult(Outcome.Created, null, null, null, [.. effect.OwnRecords], false);
    }

    public async Task<CommandResult> WithdrawAbsenceAsync(string team, long absence, string? reason, Actor by)
    {
        EnsureHealthy();
        var effect = CourtCommands.WithdrawAbsence(_state, team, absence, reason, by, Now());
        if (effect.Refused is { } refused)
        {
            return refused;
        }
        await CommitAndTellMovedAsync(effect);
        return new CommandResult(Outcome.Ok, null, null, null, [.. effect.Records], false);
    }

    public Task<TeamAbsence[]?> GetAbsencesAsync(string team)
    {
        EnsureHealthy();
        var t = _court.TeamIndex(team);
        return OnceDurableAsync(t < 0 ? null : _state.TeamAbsences(t, Now()));
    }

    public Task<QueuedCase[]> GetQueueAsync()
    {
        EnsureHealthy();
        return OnceDurableAsync(_state.QueuedCases(Now()));
    }

    /// <summary>
    /// Every warning issued since <paramref name="since"/>, in ledger order, read back from the ledger's warning entries,
    /// each under its case's team now (a finished case's last team, from its row).
    /// </summary>
    public async Task<CourtWarning[]> GetWarningsAsync(DateTimeOffset? since)
    {
        EnsureHealthy();
        var seq = _state.Seq;
        await DurableThroughAsync(seq);
        // Every warning is read from the durable ledger, through the entry that was last when asked: the records the
        // court holds are not asked for them.
        var warnings = new List<(long Number, CaseWarning Warning)>();
        for (long after = 0; ;)
        {
            var page = await journal.ReadKindAsync(_court.Id, LedgerKinds.Warning, after, ReplayPage);
            foreach (var record in page.TakeWhile(r => r.Seq <= seq))
            {
                var e = LedgerEntry.Parse(record.Json);
                if (e.Number is { } n && (since is null || e.At >= since))
                {
                    warnings.Add((n, CaseEntries.WarningOf(e)));
                }
            }
            if (page.Count < ReplayPage || page[^1].Seq >= seq)
            {
                break;
            }
            after = page[^1].Seq;
        }
        // Each case's team as it stands now, in one turn: a case in progress's from the court's record of it, a
        // finished case's last team from its row.
        var teams = new Dictionary<long, string?>();
        foreach (var n in warnings.Select(w => w.Number).Distinct())
        {
            if (!_state.IsFinished(n))
            {
                teams[n] = _state.Case(n)?.Team;
            }
        }
        var finishedBy = _state.Seq;
        await DurableThroughAsync(finishedBy);
        foreach (var row in await journal.FindFinishedAsync(_court.Id, [.. warnings.Select(w => w.Number).Where(n => !teams.ContainsKey(n)).Distinct()]))
        {
            teams[row.Number] = row.Team;
        }
        return [.. warnings.OrderBy(w => w.Warning.Seq).Select(w =>
        {
            var team = teams.GetValueOrDefault(w.Number);
            return new CourtWarning(_court.CaseId(w.Number), team, _court.DivisionOfTeam(team), w.Warning);
        })];
    }

    public async Task<CommandResult> DrawForReviewAsync(Actor by)
    {
        EnsureHealthy();
        var effect = CourtCommands.DrawForReview(_state, by, NowOrBroken());
        if (effect.Refused is not null)
        {
            return await RefusedAsync(effect);
        }
        await CommitAndTellMovedAsync(effect);
        // Every file the draw covered changed (drawn or not): their grains are told, to fold their records again.
        foreach (var id in LedgerEntry.Parse(effect.OwnRecords[0].Json).Eligible ?? [])
        {
            if (_state.Case(_court.NumberOf(id)) is { } c)
            {
                GrainFactory.GetGrain<ILiveCaseGrain>(c.Id).ChangedAsync(c.Version).Ignore();
            }
        }
        return new CommandResult(Outcome.Created, null, null, null, [.. effect.OwnRecords], false);
    }

    public async Task<CommandResult> HoldSittingAsync(MeetingSitting sitting, Actor by)
    {
        EnsureHealthy();
        var effect = CourtCommands.HoldSitting(_state, sitting, by, NowOrBroken());
        if (effect.Refused is not null)
        {
            return await RefusedAsync(effect);
        }
        await CommitAndTellMovedAsync(effect);
        // Each case the sitting held changed: their grains are told, to fold their records again.
        foreach (var record in effect.OwnRecords.Skip(1))
        {
            if (record.CaseId is { } id && _state.Case(_court.NumberOf(id)) is { } c)
            {
                GrainFactory.GetGrain<ILiveCaseGrain>(c.Id).ChangedAsync(c.Version).Ignore();
            }
        }
        return new CommandResult(Outcome.Created, null, null, null, [.. effect.OwnRecords], false);
    }

    public Task<MeetingAttendance> GetAttendanceAsync()
    {
        EnsureHealthy();
        return OnceDurableAsync(_state.Attendance());
    }

    public async Task<CommandResult> RecordFindingAsync(long number, QualityFinding finding, string? note, Actor by)
    {
        EnsureHealthy();
        while (_state.HasLeft(number))
        {
            await RecallAsync(number);
        }
        return await CompleteAsync(CourtCommands.RecordFinding(_state, number, finding, note, by, NowOrBroken()), null);
    }

    public async Task<CommandResult> MeetingAsync(long number, MeetingStep step, Actor by)
    {
        EnsureHealthy();
        while (_state.HasLeft(number))
        {
            await RecallAsync(number);
        }
        return await CompleteAsync(CourtCommands.Meeting(_state, number, step, by, NowOrBroken()), null);
    }

    /// <summary>
    /// Takes a finished case's record back from the ledger when it has left memory, so a command or read on it is
    /// decided on its record like any other (a finished case cannot change meanwhile): folded as a case's grain folds a
    /// finished case (<see cref="CaseEntries.FoldStored"/>, each entry's hash and case checked), and entries that fail
    /// close the court, whose whole ledger is then verified. Callers loop on <see cref="CourtState.HasLeft"/> and act
    /// in the same turn as their last check, so the record is at hand.
    /// </summary>
    private async Task RecallAsync(long number)
    {
        var id = _court.CaseId(number);
        var (record, problem) = CaseEntries.FoldStored(_court, id, await journal.ReadCaseAsync(_court.Id, id), 0, null);
        if (problem is not null)
        {
            await CloseAsync(new LedgerVerification(_court.Id, false, 0, 0, null, null, problem));
            EnsureHealthy();
        }
        if (_state.HasLeft(number))
        {
            _state.Recall(record!);
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _metrics?.Deactivated();
        _metrics = null;
        // A save under way finishes before the court goes (it logs its own failure), so a stopped server's saved state
        // is the latest it took.
        try
        {
            await _save.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task<CommandResult> FileAsync(FilingRequest request)
    {
        EnsureHealthy();
        using var span = LiveTelemetry.Source.StartActivity("docket.file");
        span?.SetTag("docket.court", _court.Id);
        var key = request.IdempotencyKey;
        if (key is not null && AccessRules.Allows(request.By, Permission.File, new(_court.Id)))
        {
            var lookup = _keyed.BeginLookup();
            KeyedFiling? stored;
            (FilingRequest Request, Task<CommandResult> Task) running;
            try
            {
                stored = await journal.FindKeyAsync(_court.Id, key, time.GetUtcNow() - KeyRetention);
                // Asked in this turn, after the look-up: a filing under the key still being written, or written while
                // the look-up read, is found here and not (yet) in storage.
                _keyed.TryGet(key, out running);
            }
            finally
            {
                _keyed.EndLookup(lookup);
            }
            if (running.Task is not null)
            {
                return CourtCommands.SameFiling(running.Request, request) ? (await running.Task) with { Replayed = true } : KeyReused();
            }
            if (stored is not null)
            {
                return await ReplayFilingAsync(stored, key, request);
            }
        }

        CommandEffect effect;
        using (var assign = LiveTelemetry.Source.StartActivity("docket.assign"))
        {
            var started = Stopwatch.GetTimestamp();
            // Checked again: the key's look-up awaited, and the court may have broken meanwhile.
            effect = CourtCommands.File(_state, request, NowOrBroken());
            if (effect.Refused is { } refused)
            {
                return refused;
            }
            var decision = effect.Decision!;
            _metrics?.AssignmentDecided(decision.Policy, Stopwatch.GetElapsedTime(started));
            assign?.SetTag("docket.court", _court.Id);
            assign?.SetTag("docket.policy", decision.Policy);
            assign?.SetTag("docket.pool", _court.PoolNames[decision.Pool]);
            assign?.SetTag("docket.assigned", decision.Team >= 0);
        }
        span?.SetTag("docket.case_type", request.Type);
        var task = CompleteFilingAsync(effect);
        if (key is not null)
        {
            _keyed.Writing(key, request, task);
        }
        try
        {
            return await task;
        }
        finally
        {
            if (key is not null)
            {
                _keyed.Written(key);
            }
        }
    }

    public async Task<CaseLedgered> LedgerAsync(CaseDecision decision)
    {
        EnsureHealthy();
        var number = decision.Number;
        while (_state.HasLeft(number))
        {
            await RecallAsync(number);
        }
        var before = _state.Case(number);
        if (CourtCommands.Ledger(_state, decision, NowOrBroken()) is not { } effect)
        {
            return new CaseLedgered(true, [], [], []);
        }
        if (effect.Stale)
        {
            // The queue's catch-up moved the case decided on: written, then the case's grain folds and decides again.
            await IssueAsync(effect, awaitCases: false);
            return new CaseLedgered(true, [], [], []);
        }
        var unlocked = Array.Exists(decision.Entries, e => e.Kind == LedgerKinds.Unlock);
        await CommitCaseAsync(effect, effect.Closed ? () => _metrics?.Closed(before!.Type, before.Team) : unlocked ? () => _metrics?.Unlocked() : null);
        foreach (var w in effect.Warnings)
        {
            _metrics?.Warned(w.Warning.Level);
        }
        if (effect.Warnings.Count > 0)
        {
            LogCaseWarned(_court.Id, _court.CaseId(number), effect.Warnings.Count);
        }
        return new CaseLedgered(false, [.. effect.OwnRecords], [.. effect.Warnings], [.. effect.Decided]);
    }

    public async Task<CommandResult> DesignateAsync(long number, string? team, string reason, Actor by)
    {
        EnsureHealthy();
        while (_state.HasLeft(number))
        {
            await RecallAsync(number);
        }
        var effect = CourtCommands.Designate(_state, number, team, reason, by, NowOrBroken());
        var type = _state.Case(number)?.Type;
        return await CompleteAsync(effect, () => _metrics?.Moved(type!, effect.MovedFrom, effect.MovedTo!));
    }

    /// <summary>
    /// Where the case stands (<see cref="CaseMark"/>), taken in this turn, answered once every entry through it is
    /// durable: a case in progress by its version and the digest the court chained as it verified and appended its
    /// entries; a finished case, whose entries no longer change, once the entry that finished it is durable.
    /// </summary>
    public async Task<CaseMark?> GetCaseMarkAsync(long number)
    {
        EnsureHealthy();
        if (number < 1 || number > _state.LastNumber)
        {
            return null;
        }
        if (_state.DigestOf(number) is { } digest && _state.Case(number) is { } c)
        {
            var mark = new CaseMark(c.Version, digest);
            await DurableThroughAsync(c.Version);
            return mark;
        }
        await DurableThroughAsync(_state.Seq);
        return new CaseMark(0, null);
    }

    public async Task<DocketSnapshot?> GetDocketAsync(string team, string? judge)
    {
        var t = _court.TeamIndex(team);
        if (t < 0 || judge is not null && _state.JudgeNumber(t, judge) < 0)
        {
            return null;
        }
        EnsureHealthy();
        var docket = _state.Docket(t, judge);
        await DurableThroughAsync(docket.Through);
        return docket;
    }

    public async Task<DocketCatchUp?> CatchUpAsync(string team, long through)
    {
        var t = _court.TeamIndex(team);
        if (t < 0)
        {
            return null;
        }
        EnsureHealthy();
        // The news kept are added as their entries are applied, so all those through the last touch are there now.
        var touch = _state.LastTouch(t);
        var news = _recentNews.Since(t, through, touch);
        await DurableThroughAsync(touch);
        return new DocketCatchUp(touch, news);
    }

    /// <summary>
    /// Answers with <paramref name="answer"/>, taken from the court's state now, once every entry that state reflects
    /// is durable: no reader sees what a lost write could take back (a write that fails answers with an error instead).
    /// </summary>
    private async Task<T> OnceDurableAsync<T>(T answer)
    {
        // Nothing on its way (as in a court closed by a failed verification, which writes nothing): answered at once.
        if (_durableSeq < _state.Seq)
        {
            await DurableThroughAsync(_state.Seq);
        }
        return answer;
    }

    /// <summary>
    /// Answers for state taken at ledger position <paramref name="seq"/> only once every entry up to it is durable,
    /// so a reader never sees what a lost write could take back. Appends complete in order, so this waits for at most
    /// the writes in flight when it was called, however many commands come meanwhile.
    /// </summary>
    private async Task DurableThroughAsync(long seq)
    {
        while (_durableSeq < seq)
        {
            EnsureHealthy();
            if (_lastAppend.IsCompleted && _durableSeq < seq)
            {
                throw new InvalidOperationException($"court {_court.Id} holds entries past {_durableSeq} that are not being written");
            }
            await _lastAppend;
        }
        EnsureHealthy();
    }

    public Task<Domain.Quality.QualityYear> GetQualityYearAsync(int year)
    {
        EnsureHealthy();
        return OnceDurableAsync(_state.QualityYearOf(year));
    }

    public async Task<CourtKpis> GetKpisAsync(DateTimeOffset? since)
    {
        EnsureHealthy();
        var pass = await IndicatorsAsync(since, time.GetUtcNow(), share: 1.0);
        var kpis = pass.Finish();
        if (!_broken)
        {
            _metrics?.Kpis(kpis, wholeLedger: since is null);
            _metrics?.QuotaAttainment(_state.StartedAt, pass.PendingWork, pass.QuotaUnits, kpis.AsOf);
        }
        return kpis;
    }

    public async Task<CourtReport> GetReportAsync(ReportKind kind, string period)
    {
        EnsureHealthy();
        var parsed = ReportPeriod.Parse(kind, period).Period ?? throw new ArgumentException($"'{period}' is not a period of the {ReportKinds.NameOf(kind)} report", nameof(period));
        var entries = new List<LedgerEntry>();
        if (kind == ReportKind.Assignments)
        {
            var seq = _state.Seq;
            await DurableThroughAsync(seq);
            foreach (var entryKind in LiveReports.AssignmentKinds)
            {
                for (long after = 0; ;)
                {
                    var page = await journal.ReadKindAsync(_court.Id, entryKind, after, ReplayPage);
                    entries.AddRange(page.TakeWhile(r => r.Seq <= seq).Select(r => LedgerEntry.Parse(r.Json)));
                    if (page.Count < ReplayPage || page[^1].Seq >= seq)
                    {
                        break;
                    }
                    after = page[^1].Seq;
                }
            }
            entries.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        }
        var pass = new LiveReportPass(_state, kind, parsed, time.GetUtcNow());
        await CountCasesAsync(pass, share: 1.0);
        return pass.Finish(entries);
    }

    /// <summary>The court's KPI gauges over its whole ledger (on the grain timer, and at activation); one pass at a time.</summary>
    private async Task RecordKpisAsync()
    {
        if (_broken || _metrics is null || _recordingKpis)
        {
            return;
        }
        _recordingKpis = true;
        try
        {
            var pass = await IndicatorsAsync(null, time.GetUtcNow(), GaugeShare);
            var kpis = pass.Finish();
            if (!_broken)
            {
                _metrics?.Kpis(kpis, wholeLedger: true);
                _metrics?.QuotaAttainment(_state.StartedAt, pass.PendingWork, pass.QuotaUnits, kpis.AsOf);
            }
        }
        finally
        {
            _recordingKpis = false;
        }
    }

    /// <summary>
    /// The domain's indicators, counted by <see cref="CountCasesAsync"/>: the pass, done, whose figures — the KPIs and
    /// the gauges recorded with them — are all as of the entry it began at, durable.
    /// </summary>
    private async Task<CourtIndicatorPass> IndicatorsAsync(DateTimeOffset? since, DateTimeOffset now, double share)
    {
        var pass = new CourtIndicatorPass(_state, since, now);
        await CountCasesAsync(pass, share);
        return pass;
    }

    /// <summary>
    /// Runs a pass over the court's cases with the court's other commands let in between (the grain is reentrant), so
    /// the count of a large court never holds up filings for long. It begins once every entry the pass began at is
    /// durable (what it counts is the court as of that entry: no count shows what a lost write could take back); then
    /// the finished cases' rows it reads from storage a page at a time, then the cases in progress, as they stood when
    /// the pass began, on the thread pool and never in the court's turn (the records are frozen for the pass), in
    /// slices of <see cref="SweepSlice"/> cases: a pass over hundreds of thousands of cases never keeps a pool thread for
    /// long, and at <paramref name="share"/> of a core (<see cref="WorkPace"/>; 1: no pauses).
    /// </summary>
    private async Task CountCasesAsync(ICourtCasesPass pass, double share)
    {
        await DurableThroughAsync(pass.Through);
        if (pass.ReadsFinished)
        {
            for (var after = FinishedKey.Since(pass.FinishedSince); ;)
            {
                var page = await journal.ReadFinishedAsync(_court.Id, pass.Through, after, FinishedPage);
                EnsureHealthy();
                pass.CountFinished(page);
                if (page.Count < FinishedPage)
                {
                    break;
                }
                after = FinishedKey.Of(page[^1]);
            }
        }
        await Task.Run(async () =>
        {
            var pace = new WorkPace(share);
            while (!pass.Step(SweepSlice))
            {
                await pace.SliceDoneAsync();
                await Task.Yield();
            }
        });
        EnsureHealthy();
    }

    public Task<SeedCommitment[]> GetCommitmentsAsync() => OnceDurableAsync(Commitments());

    public async Task<SeedCommitment[]> RotateSeedAsync(Actor by)
    {
        EnsureHealthy();
        if (!CourtCommands.MayRotateSeed(_state, by))
        {
            throw new UnauthorizedAccessException($"only {AccessRules.Who(Permission.Administer, _court.Id)} rotates court {_court.Id}'s seed");
        }
        var epoch = _state.Epoch + 1;
        var secret = await journal.AddSecretAsync(new CourtSecret(_court.Id, epoch, LedgerHash.NewSecret()));
        if (_state.Epoch + 1 != epoch)
        {
            throw new InvalidOperationException($"court {_court.Id}'s seed was rotated meanwhile");
        }
        var revealed = _secrets[_state.Epoch];
        _secrets[epoch] = secret.SecretHex;
        var rotation = CourtCommands.RotateSeed(_state, revealed, LedgerHash.Commitment(secret.SecretHex), by, Now());
        // The commitments as this rotation leaves them, taken in its turn: once it is durable the court may hold a
        // later rotation still being written, whose answer is not this one's (were that one lost, its epoch's
        // secret, revealed here, would be the one in force).
        var answer = Commitments();
        await CommitAsync([rotation]);
        return answer;
    }

    private SeedCommitment[] Commitments() =>
        [.. _state.Commitments.OrderBy(c => c.Key).Select(c => new SeedCommitment(_court.Id, c.Key, c.Value,
            c.Key < _state.Epoch ? _secrets.GetValueOrDefault(c.Key) : null))];

    /// <summary>
    /// The filing is durable, and acknowledged, once its ledger entry is — with what the queue owed before it, if
    /// anything (<see cref="CourtCommands.File"/>), in the same write: one write a filing makes (the case's grain, its
    /// team's and its judge's take their records from the court, derived from the entries). Answers with the case as filed.
    /// </summary>
    private async Task<CommandResult> CompleteFilingAsync(CommandEffect effect)
    {
        var c = _state.Case(effect.Case!.Value)!;
        var record = effect.Records[^1];
        await CommitAndTellMovedAsync(effect);
        _metrics?.Filed(c.Type, c.Team);
        return new CommandResult(Outcome.Created, null, null, CaseClock.Details(_court, c, time.GetUtcNow()), [record], false);
    }

    /// <summary>
    /// A refused command's answer, once what the waiting queue owed when it came, appended before the command was
    /// refused (<see cref="CommandEffect"/>), is durable: the escalations and pulls stand whatever became of the command.
    /// </summary>
    private async Task<CommandResult> RefusedAsync(CommandEffect effect)
    {
        await IssueAsync(effect, awaitCases: false);
        return effect.Refused!;
    }

    /// <summary>The waiting cases a command escalated or a team pulled on the way, as their records now stand (taken before the write).</summary>
    private IReadOnlyList<(string Id, long Version)> MovedCases(CommandEffect effect) =>
        effect.Escalated.Count == 0 && effect.Pulled.Count == 0
            ? []
            : [.. effect.Escalated.Concat(effect.Pulled.Select(p => p.Number)).Distinct().Select(_state.Case).OfType<CourtCase>().Select(c => (c.Id, c.Version))];

    /// <summary>
    /// Writes a command's entries; once durable, reports the pulls on the way and tells the grains of the waiting
    /// cases it moved, without waiting (taken before the write: a case that finished may be out of memory after it).
    /// </summary>
    private async Task CommitAndTellMovedAsync(CommandEffect effect)
    {
        var moved = MovedCases(effect);
        await CommitAsync(effect.Records);
        ReportPulls(effect);
        LogCaughtUp(effect);
        TellMoved(moved);
    }

    /// <summary>Logs the escalations and pulls the waiting queue owed by a command's moment, written before it (or alone, when it was refused or stale).</summary>
    private void LogCaughtUp(CommandEffect effect)
    {
        if (effect.Owed > 0)
        {
            LogQueueCaughtUp(_court.Id, effect.OwedEscalations, effect.OwedPulls, effect.Refused is not null ? "refused" : effect.Stale ? "stale" : "carried out");
        }
    }

    /// <summary>Tells the grains of the cases moved, once their entries are durable, without waiting (a grain not active folds its record at its first use anyway).</summary>
    private void TellMoved(IReadOnlyList<(string Id, long Version)> moved)
    {
        foreach (var told in Tell(moved))
        {
            told.Ignore();
        }
    }

    private IEnumerable<Task> Tell(IReadOnlyList<(string Id, long Version)> moved) =>
        moved.Select(m => GrainFactory.GetGrain<ILiveCaseGrain>(m.Id).ChangedAsync(m.Version));

    /// <summary>
    /// Answers a filing whose key storage knows with the case first filed under it, read from the ledger (the
    /// filing entry, which names the key), or refuses it when it asks for another filing under the same key.
    /// </summary>
    private async Task<CommandResult> ReplayFilingAsync(KeyedFiling stored, string key, FilingRequest request)
    {
        var filing = await journal.ReadAsync(_court.Id, stored.Seq - 1, 1);
        var read = ReadRecord.Of(filing[0]);
        var entry = read.Entry;
        // Storage changed under the court since it verified the entry: the court closes on it, as on a case read back.
        var problem = !read.HashHolds ? $"entry {stored.Seq}'s text does not match its stored hash"
            : entry is null ? $"entry {stored.Seq} is not a ledger entry: {read.ParseProblem}"
            : entry.IdempotencyKey != key || entry.Number is null ? $"the key's filing at entry {stored.Seq} is not a filing under that key"
            : RiskLevels.Parse(entry.Risk) is null ? $"entry {stored.Seq} names an unknown risk level '{entry.Risk}'"
            : null;
        if (problem is not null)
        {
            await CloseAsync(new LedgerVerification(_court.Id, false, 0, 0, null, stored.Seq, problem));
            EnsureHealthy();
        }
        var number = entry!.Number!.Value;
        if (!CourtCommands.SameFiling(CaseEntries.Filed(_court, entry), request))
        {
            return KeyReused();
        }
        while (_state.HasLeft(number))
        {
            await RecallAsync(number);
        }
        // The case as it is now, answered once every entry it reflects is durable (a report on it may be on its way).
        var c = await OnceDurableAsync(_state.Case(number)!);
        return new CommandResult(Outcome.Created, null, null, CaseClock.Details(_court, c, time.GetUtcNow()), [.. filing], true);
    }

    /// <summary>
    /// Waits for a designation's entries to be durable, then answers with the case as it is now (<see cref="CommitCaseAsync"/>).
    /// </summary>
    private async Task<CommandResult> CompleteAsync(CommandEffect effect, Action? durable)
    {
        if (effect.Refused is not null)
        {
            return await RefusedAsync(effect);
        }
        var after = await CommitCaseAsync(effect, durable);
        return new CommandResult(Outcome.Ok, null, null, CaseClock.Details(_court, after, time.GetUtcNow()), [.. effect.OwnRecords], false);
    }

    /// <summary>
    /// Waits for a case command's entries to be durable and returns the case's record after them. The case grain
    /// that asked applies the entries or folds its record again itself; the grains of cases pulled on the way are told
    /// without waiting (a grain not active folds its record at its first use anyway).
    /// </summary>
    private async Task<CourtCase> CommitCaseAsync(CommandEffect effect, Action? durable)
    {
        // Taken before the write: a case that finished with this command may be out of memory once it is durable.
        var after = _state.Case(effect.Case!.Value)!;
        await CommitAndTellMovedAsync(effect);
        durable?.Invoke();
        return after;
    }

    private async Task CommitAsync(IReadOnlyList<LedgerRecord> records)
    {
        // Gathered before the first await: the touches are exactly these records' (each command appends and commits
        // without awaiting in between).
        var news = TeamNews(records);
        var finished = _state.DrainFinished();
        var append = AppendAsync(records, finished);
        _lastAppend = append;
        _lastAppendAt = Stopwatch.GetTimestamp();
        try
        {
            await append;
        }
        catch (Exception e)
        {
            // The in-memory state has moved past what is durable: stop answering, and rebuild from the ledger.
            _broken = true;
            LogCommitFailed(e, _court.Id, records[0].Seq);
            DeactivateOnIdle();
            throw;
        }
        foreach (var n in news)
        {
            GrainFactory.LiveTeam(n.Team).TellAsync(n).Ignore();
        }
        SaveStateWhenDue();
    }

    /// <summary>
    /// Writes the records, then the signed checkpoint of the new head to the witness; the task completes once both are
    /// durable (and counted so), so nothing is acknowledged that the witness does not cover.
    /// </summary>
    private async Task AppendAsync(IReadOnlyList<LedgerRecord> records, IReadOnlyList<FinishedCase> finished)
    {
        await journal.AppendAsync(_court.Id, records, finished);
        await witness.CheckpointAsync(_court.Id, records[^1].Seq, records[^1].Hash);
        _durableSeq = Math.Max(_durableSeq, records[^1].Seq);
    }

    /// <summary>Each team's share of the records' entries, with the cases that arrived at it by a pull or designation.</summary>
    private List<DocketNews> TeamNews(IReadOnlyList<LedgerRecord> records)
    {
        var touches = _state.DrainTouches();
        var news = new List<DocketNews>();
        if (touches.Count == 0)
        {
            return news;
        }
        var first = records[0].Seq;
        var last = records[^1].Seq;
        foreach (var team in touches.Where(t => t.Seq >= first && t.Seq <= last).GroupBy(t => t.Team))
        {
            var teamId = _court.Layout.Teams[team.Key].Id;
            var entries = team.Select(t => t.Entry).ToArray();
            // An arriving case's record goes too: the team's and judge's dockets share the court's own (immutable)
            // record rather than a copy each.
            var told = new DocketNews(teamId, team.First().Previous, entries, _state.ArrivalsAt(team.Key, entries));
            _recentNews.Add(team.Key, told);
            news.Add(told);
        }
        return news;
    }

    /// <summary>Waiting cases pulled by a team, counted once their entries are durable.</summary>
    private void ReportPulls(CommandEffect effect)
    {
        foreach (var (number, team) in effect.Pulled)
        {
            if (_state.Case(number) is { } c)
            {
                _metrics?.Moved(c.Type, null, team);
            }
        }
    }

    /// <summary>How long an Idempotency-Key is honoured after its filing (<see cref="CourtMemoryOptions.IdempotencyKeyDays"/>).</summary>
    private TimeSpan KeyRetention => TimeSpan.FromDays(Math.Max(1, settings.Memory.IdempotencyKeyDays));

    /// <summary>Deletes the stored keys of filings older than the retention window, a batch at a time.</summary>
    private async Task ForgetOldKeysAsync()
    {
        const int batch = 1_000;
        var before = time.GetUtcNow() - KeyRetention;
        while (await journal.ForgetKeysAsync(_court.Id, before, batch) == batch)
        {
        }
    }

    private static CommandResult KeyReused() =>
        CommandResult.Fail(Outcome.Invalid, "Idempotency-Key", "this Idempotency-Key was used for a different filing");

    /// <summary>Ledger times never go backwards, whatever the clock does.</summary>
    private DateTimeOffset Now() => _state.TimeOfNext(time.GetUtcNow());

    /// <summary>The time of the next entry, once the court is known to be sound.</summary>
    private DateTimeOffset NowOrBroken()
    {
        EnsureHealthy();
        return Now();
    }

    private void EnsureHealthy()
    {
        if (_closed is { } closed)
        {
            throw new CourtClosedException(_court.Id, closed.FirstInvalidSeq, closed.Problem ?? "");
        }
        if (_broken)
        {
            throw new InvalidOperationException($"court {_court.Id} lost a write and is restarting from its ledger; retry");
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Court {Court} is closed: its ledger does not verify at entry {Seq}: {Problem}. It serves no work until the ledger is restored (docs/api.md, \"The ledger\")")]
    private partial void LogClosed(string court, long seq, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Court {Court} active: ledger at {Seq}, {Cases} cases, seed epoch {Epoch} committed as {Commitment}")]
    private partial void LogActivated(string court, long seq, long cases, int epoch, string commitment);

    [LoggerMessage(Level = LogLevel.Information, Message = "Court {Court}: deadline watch: {Escalated} waiting cases escalated, {Pulled} pulled")]
    private partial void LogQueueWatched(string court, int escalated, int pulled);

    [LoggerMessage(Level = LogLevel.Information, Message = "Court {Court}: the waiting queue's catch-up before a command ({Outcome}): {Escalated} waiting cases escalated, {Pulled} pulled")]
    private partial void LogQueueCaughtUp(string court, int escalated, int pulled, string outcome);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Court {Court}: {Warnings} deadline warnings issued to case {Case}")]
    private partial void LogCaseWarned(string court, string @case, int warnings);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Court {Court}: no reminder service; the deadline watcher runs on a timer while the court is active")]
    private partial void LogNoReminders(Exception e, string court);

    [LoggerMessage(Level = LogLevel.Information, Message = "Court {Court}: state saved at ledger entry {Seq} ({Bytes} bytes)")]
    private partial void LogStateSaved(string court, long seq, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Court {Court}: saving the state at entry {Seq} failed; the next save tries again")]
    private partial void LogStateNotSaved(Exception e, string court, long seq);

    [LoggerMessage(Level = LogLevel.Error, Message = "Court {Court}: writing ledger entries from {Seq} failed; deactivating")]
    private partial void LogCommitFailed(Exception e, string court, long seq);

}
