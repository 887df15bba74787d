using System.Diagnostics;
using Docket.Abstractions.Live;
using Docket.Domain.Access;
using Docket.Domain.Assignment;
using Docket.Domain.Courts;
using Docket.Domain.Deadlines;
using Docket.Domain.Ledger;
using Docket.Domain.Metrics;
using Docket.Domain.Staffing;
using Docket.Domain.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Storage;

namespace Docket.Grains.Live;

/// <summary>
/// A live court: the single writer of its ledger. Its state is rebuilt at activation by replaying the ledger (so
/// nothing but the ledger needs to be durable for it); every command decides synchronously on that state, appends
/// its entries, and answers only once the journal says they are durable. Reentrant, so that while one command's
/// entries are being written the next is decided and the journal can write them together; decisions never
/// interleave because none awaits anything before its entries are appended. Kept active (rebuilding it means
/// replaying the whole ledger).
/// </summary>
[Reentrant]
[KeepAlive]
public sealed partial class LiveCourtGrain(
    Organization organization,
    ICourtJournal journal,
    TimeProvider time,
    DocketMetrics metrics,
    IOptions<LiveMetricsOptions> metricsOptions,
    IOptions<DeadlineWatchOptions> watchOptions,
    ILogger<LiveCourtGrain> logger) : Grain, ILiveCourtGrain, IRemindable
{
    private const int ReplayPage = 10_000;

    /// <summary>The court's deadline watcher's reminder.</summary>
    public const string WatchReminder = "deadline-watch";

    /// <summary>Who issues deadline warnings in the ledger.</summary>
    private static readonly Actor s_watcher = new("deadline-watcher", "system", null, null, null);

    private readonly Dictionary<int, string> _secrets = [];
    private readonly Dictionary<string, (FilingRequest Request, Task<CommandResult> Task)> _inflight = new(StringComparer.Ordinal);
    private Court _court = null!;
    private CourtState _state = null!;
    private IGrainStorage _caseStorage = null!;
    private GrainType _caseGrainType;
    private bool _broken;
    private LiveCourtMetrics? _metrics;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKeyString();
        _court = organization.Court(id) ?? throw new InvalidOperationException($"no court '{id}' in the organisation");
        _caseStorage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(LiveStorage.Name);
        _caseGrainType = GrainFactory.GetGrain<ILiveCaseGrain>(_court.CaseId(1)).GetGrainId().Type;
        foreach (var secret in await journal.ReadSecretsAsync(id, cancellationToken))
        {
            _secrets[secret.Epoch] = secret.SecretHex;
        }
        _state = new CourtState(_court, epoch => _secrets.GetValueOrDefault(epoch));
        var problems = 0;
        while (true)
        {
            var page = await journal.ReadAsync(id, _state.Seq, ReplayPage, cancellationToken);
            foreach (var record in page)
            {
                var problem = _state.Replay(record);
                if (problem is not null && record.Seq == 1)
                {
                    // Another organisation, or secrets that do not match: replaying would put cases on the wrong teams.
                    throw new InvalidOperationException($"court {id}: the ledger cannot be taken up: {problem}");
                }
                if (problem is not null && problems++ < 10)
                {
                    LogReplayProblem(id, record.Seq, problem);
                }
            }
            if (page.Count < ReplayPage)
            {
                break;
            }
        }
        if (_state.Seq == 0)
        {
            var secret = await journal.AddSecretAsync(new CourtSecret(id, 1, LedgerHash.NewSecret()), cancellationToken);
            _secrets[1] = secret.SecretHex;
            var genesis = _state.Append(new LedgerEntry
            {
                Court = id,
                Seq = 1,
                Kind = LedgerKinds.Genesis,
                At = Now(),
                Scenario = organization.Scenario.Name,
                Organization = _court.OrganizationHash,
                Epoch = 1,
                Commitment = LedgerHash.Commitment(secret.SecretHex),
                Prev = _state.Head,
            });
            await journal.AppendAsync(id, [genesis], cancellationToken);
        }
        _metrics = new LiveCourtMetrics(metrics, _court);
        _metrics.Activated(_state.Cases);
        RecordKpis();
        if (metricsOptions.Value.KpiIntervalSeconds > 0)
        {
            // Grain timers belong to the activation: the court records its KPI gauges only while it is active.
            var period = TimeSpan.FromSeconds(metricsOptions.Value.KpiIntervalSeconds);
            this.RegisterGrainTimer(_ =>
            {
                RecordKpis();
                return Task.CompletedTask;
            }, new GrainTimerCreationOptions { DueTime = period, Period = period, Interleave = true });
        }
        LogActivated(id, _state.Seq, _state.LastNumber, _state.Epoch, _state.Commitment ?? "");
        await ArmDeadlineWatchAsync();
    }

    /// <summary>
    /// Re-arms the deadline watcher from the replayed ledger: issues what fell due while the court was down (nothing
    /// issued before is issued again: the ledger holds it), then registers the court's reminder. Without a reminder
    /// service in the silo the watcher runs on a grain timer instead, while the court is active (it is kept alive).
    /// </summary>
    private async Task ArmDeadlineWatchAsync()
    {
        await WatchAsync(awaitCases: false);
        var period = watchOptions.Value.Period;
        try
        {
            await this.RegisterOrUpdateReminder(WatchReminder, period, period);
        }
        catch (Exception e) when (e is InvalidOperationException or OrleansException or TimeoutException)
        {
            LogNoReminders(e, _court.Id);
            this.RegisterGrainTimer(_ => _broken ? Task.CompletedTask : WatchAsync(awaitCases: false),
                new GrainTimerCreationOptions { DueTime = period, Period = period, Interleave = true });
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == WatchReminder && !_broken ? WatchAsync(awaitCases: false) : Task.CompletedTask;

    public Task<CourtWarning[]> WatchDeadlinesAsync() => WatchAsync(awaitCases: true);

    /// <summary>
    /// One tick: every warning earned by now (the domain's <see cref="DeadlineWarnings"/>) and not yet issued is
    /// appended to the ledger, all in one write; once durable they are counted (<c>docket.deadline.warnings</c> by
    /// level, <c>docket.locks</c> for a case that became locked) and the cases' grains are given their new records.
    /// Idempotent: a repeated tick finds nothing new.
    /// </summary>
    private async Task<CourtWarning[]> WatchAsync(bool awaitCases)
    {
        EnsureHealthy();
        var at = Now();
        _state.AsOf(at);
        var escalate = _state.Queue().Select(q => q.Case).Where(c => _state.Escalates(c, at)).ToList();
        var due = new List<(CourtCase Case, List<DeadlineWarning> Warnings)>();
        foreach (var c in _state.Cases)
        {
            var unissued = CaseClock.Unissued(_court, c, at).ToList();
            if (unissued.Count > 0)
            {
                due.Add((c, unissued));
            }
        }
        var escalations = escalate.Select(c => _state.Append(Entry(LedgerKinds.Escalate, at, c, s_watcher))).ToList();
        // A team back from an absence (or otherwise free with cases waiting) takes what it can, as at a closure.
        var pulled = new List<long>();
        var pulledBy = new List<string>();
        for (var team = 0; team < _court.Layout.Teams.Count && _state.Waiting > 0; team++)
        {
            var before = pulled.Count;
            AppendPulls(team, at, s_watcher, escalations, pulled);
            for (var i = before; i < pulled.Count; i++)
            {
                pulledBy.Add(_court.Layout.Teams[team].Id);
            }
        }
        if (due.Count == 0 && escalations.Count == 0)
        {
            return [];
        }
        var records = new List<LedgerRecord>();
        var issued = new List<long>();
        foreach (var (c, warnings) in due)
        {
            foreach (var w in warnings)
            {
                records.Add(_state.Append(Entry(LedgerKinds.Warning, at, c, s_watcher) with { Node = w.Subject, Level = w.Level, Due = w.Due }));
                issued.Add(c.Number);
            }
        }
        await CommitAsync([.. escalations, .. records]);
        var result = new CourtWarning[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            var c = _state.Case(issued[i])!;
            var w = Array.Find(c.Warnings, x => x.Seq == records[i].Seq)!;
            result[i] = new CourtWarning(c.Id, c.Team, _court.DivisionOfTeam(c.Team), w);
            _metrics?.Warned(w.Level);
        }
        for (var i = 0; i < pulled.Count; i++)
        {
            _metrics?.Moved(_state.Case(pulled[i])!.Type, null, pulledBy[i]);
        }
        LogWarningsIssued(_court.Id, records.Count, due.Count, escalate.Count, pulled.Count);
        var adoptions = due.Select(d => d.Case.Number).Concat(escalate.Select(c => c.Number)).Concat(pulled).Distinct()
            .Select(n => GrainFactory.GetGrain<ILiveCaseGrain>(_state.Case(n)!.Id).AdoptAsync(_state.Case(n)!)).ToList();
        if (awaitCases)
        {
            await Task.WhenAll(adoptions);
        }
        else
        {
            adoptions.ForEach(a => a.Ignore());
        }
        return result;
    }

    public async Task<CommandResult> MarkAbsentAsync(string team, DateTimeOffset? from, DateTimeOffset to, string reason, Actor by)
    {
        EnsureHealthy();
        var t = _court.TeamIndex(team);
        if (t < 0)
        {
            return CommandResult.Fail(Outcome.NotFound, "team", $"court {_court.Id} has no team '{team}'");
        }
        if (!AccessRules.CanMarkAbsent(by, _court.Id, _court.DivisionOf(t)))
        {
            return CommandResult.Fail(Outcome.Forbidden, null, $"only a division head of team {team}'s division, the president of court {_court.Id} or an admin records its absences");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return CommandResult.Fail(Outcome.Invalid, "reason", "an absence needs a reason");
        }
        var at = Now();
        var start = from ?? at;
        if (AbsenceRule.Refuse(start, to, at) is { } refusal)
        {
            return CommandResult.Fail(Outcome.Invalid, refusal.Field, refusal.Problem);
        }
        var record = _state.Append(new LedgerEntry
        {
            Court = _court.Id,
            Seq = _state.Seq + 1,
            Kind = LedgerKinds.Absence,
            At = at,
            Team = team,
            AbsentFrom = start,
            AbsentTo = to,
            Reason = reason,
            By = new LedgerActor(by.Name, by.Role),
            Prev = _state.Head,
        });
        await CommitAsync([record]);
        return new CommandResult(Outcome.Created, null, null, null, [record], false);
    }

    public Task<TeamAbsence[]?> GetAbsencesAsync(string team)
    {
        var t = _court.TeamIndex(team);
        var now = Now();
        return Task.FromResult(t < 0 ? null : _state.AbsencesOf(t).Select(a => new TeamAbsence(team, a.From, a.To, a.Reason, a.Seq, a.From <= now && now < a.To)).ToArray());
    }

    public Task<QueuedCase[]> GetQueueAsync()
    {
        var now = Now();
        var places = new int[_court.PoolNames.Count];
        return Task.FromResult(_state.Queue().Select(q => new QueuedCase(q.Case.Id, q.Case.Type, _court.PoolNames[q.Pool], ++places[q.Pool],
            q.Case.FiledAt, (now - q.Case.FiledAt).TotalDays, q.Case.EscalatedAt,
            _court.Layout.PoolSpecs[q.Pool].EscalateAfterDays is { } after && q.Case.EscalatedAt is null ? q.Case.FiledAt.AddDays(after) : null)).ToArray());
    }

    public Task<CourtWarning[]> GetWarningsAsync(DateTimeOffset? since) =>
        Task.FromResult(_state.Warnings.Where(w => since is null || w.Warning.At >= since).Select(w =>
        {
            var c = _state.Case(w.Number)!;
            return new CourtWarning(c.Id, c.Team, _court.DivisionOfTeam(c.Team), w.Warning);
        }).ToArray());

    public async Task<CommandResult> ExtendAsync(long number, double days, string reason, Actor by)
    {
        EnsureHealthy();
        if (_state.Case(number) is not { } c)
        {
            return NotFound(number);
        }
        if (!AccessRules.CanExtend(by, _court.Id))
        {
            return CommandResult.Fail(Outcome.Forbidden, null, $"only the president of court {_court.Id} extends a case's time limit");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return CommandResult.Fail(Outcome.Invalid, "reason", "an extension needs a written reason");
        }
        var at = Now();
        if (_state.RefuseExtension(c, days, at) is { } refusal)
        {
            return refusal.Field == "days"
                ? CommandResult.Fail(Outcome.Invalid, "days", refusal.Problem)
                : CommandResult.Fail(Outcome.Conflict, null, $"case {c.Id}: {refusal.Problem}");
        }
        var record = _state.Append(Entry(LedgerKinds.Extension, at, c, by) with { Days = days, Reason = reason });
        return await CompleteAsync(number, [record], [], null);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _metrics?.Deactivated();
        _metrics = null;
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task<CommandResult> FileAsync(FilingRequest request)
    {
        EnsureHealthy();
        using var span = LiveTelemetry.Source.StartActivity("docket.file");
        span?.SetTag("docket.court", _court.Id);
        if (!AccessRules.CanFile(request.By, _court.Id))
        {
            return CommandResult.Fail(Outcome.Forbidden, null, $"only a registrar of court {_court.Id} files its cases");
        }
        var type = _court.TypeIndex(request.Type);
        if (type < 0)
        {
            return CommandResult.Fail(Outcome.Invalid, "type",
                $"unknown case type '{request.Type}' (known: {string.Join(", ", _court.CaseTypes.Select(t => t.Id))})");
        }
        if (_court.Layout.TypePool[type] < 0)
        {
            return CommandResult.Fail(Outcome.Invalid, "type", $"no team of court {_court.Id} takes case type '{request.Type}'");
        }
        if (CourtState.ParseRisk(request.Risk) is not { } risk)
        {
            return CommandResult.Fail(Outcome.Invalid, "risk", $"unknown risk level '{request.Risk}' (none, ordinary, larger or major)");
        }
        var key = request.IdempotencyKey;
        if (key is not null)
        {
            if (_inflight.TryGetValue(key, out var running))
            {
                return Same(running.Request, request) ? (await running.Task) with { Replayed = true } : KeyReused();
            }
            if (_state.NumberOfKey(key) is { } earlier)
            {
                return await ReplayFilingAsync(earlier, request);
            }
        }

        var number = _state.LastNumber + 1;
        var filedAt = Now();
        _state.AsOf(filedAt);
        span?.SetTag("docket.case_type", _court.CaseTypes[type].Id);
        Decision decision;
        using (var assign = LiveTelemetry.Source.StartActivity("docket.assign"))
        {
            var started = Stopwatch.GetTimestamp();
            decision = _state.Decide(type, request.Flagged, risk, number);
            var elapsed = Stopwatch.GetElapsedTime(started);
            _metrics?.AssignmentDecided(decision.Policy, elapsed);
            assign?.SetTag("docket.court", _court.Id);
            assign?.SetTag("docket.policy", decision.Policy);
            assign?.SetTag("docket.pool", _court.PoolNames[decision.Pool]);
            assign?.SetTag("docket.assigned", decision.Team >= 0);
        }
        var assigned = decision.Team >= 0;
        var record = _state.Append(new LedgerEntry
        {
            Court = _court.Id,
            Seq = _state.Seq + 1,
            Kind = assigned ? LedgerKinds.Assign : LedgerKinds.Queue,
            At = filedAt,
            Case = _court.CaseId(number),
            Number = number,
            Type = request.Type,
            Flagged = request.Flagged,
            Risk = RiskName(risk),
            IdempotencyKey = key,
            Pool = _court.PoolNames[decision.Pool],
            Policy = decision.Policy,
            Eligible = decision.Eligible,
            Draw = decision.Draw,
            Team = assigned ? _court.Layout.Teams[decision.Team].Id : null,
            Judge = assigned ? _state.JudgeFor(decision.Team) : null,
            By = new LedgerActor(request.By.Name, request.By.Role),
            Prev = _state.Head,
        });
        var task = CompleteFilingAsync(number, record);
        if (key is not null)
        {
            _inflight[key] = (request, task);
        }
        try
        {
            return await task;
        }
        finally
        {
            if (key is not null)
            {
                _inflight.Remove(key);
            }
        }
    }

    public async Task<CommandResult> ReachAsync(long number, string node, Actor by)
    {
        EnsureHealthy();
        if (_state.Case(number) is not { } c)
        {
            return NotFound(number);
        }
        if (!AccessRules.CanReport(by, _court.Id, c.Team))
        {
            return CommandResult.Fail(Outcome.Forbidden, null, $"only the judge or a clerk of the case's team reports on case {c.Id}");
        }
        var (step, outcome, error) = CaseProgress.Resolve(_court, c, node);
        if (step is null)
        {
            return CommandResult.Fail(outcome, "node", error!);
        }
        var at = Now();
        _state.AsOf(at);
        if (CaseClock.Evaluate(_court, c, at).LockedSince is { } since)
        {
            return CommandResult.Fail(Outcome.Conflict, null,
                $"case {c.Id} is locked since {since:O} (an important node is overdue); a division head or the president must unlock it");
        }
        var records = new List<LedgerRecord>
        {
            _state.Append(Entry(LedgerKinds.Node, at, c, by) with { Node = node, Stages = step.Stages, Nodes = step.Nodes }),
        };
        var pulled = new List<long>();
        Action? durable = null;
        if (step.Closes)
        {
            records.Add(_state.Append(Entry(LedgerKinds.Close, at, c, by)));
            AppendPulls(_court.TeamIndex(c.Team!), at, by, records, pulled);
            durable = () =>
            {
                _metrics?.Closed(c.Type, c.Team);
                ReportPulls(pulled, c.Team!);
            };
        }
        return await CompleteAsync(number, records, pulled, durable);
    }

    public async Task<CommandResult> UnlockAsync(long number, string? reason, Actor by)
    {
        EnsureHealthy();
        if (_state.Case(number) is not { } c)
        {
            return NotFound(number);
        }
        if (!AccessRules.CanUnlock(by, _court.Id, _court.DivisionOfTeam(c.Team)))
        {
            return CommandResult.Fail(Outcome.Forbidden, null,
                $"only a division head of the case's division or the president of court {_court.Id} unlocks case {c.Id}");
        }
        var at = Now();
        if (!CaseClock.IsLocked(_court, c, at))
        {
            return CommandResult.Fail(Outcome.Conflict, null, $"case {c.Id} is not locked");
        }
        var record = _state.Append(Entry(LedgerKinds.Unlock, at, c, by) with { Reason = string.IsNullOrWhiteSpace(reason) ? null : reason });
        return await CompleteAsync(number, [record], [], () => _metrics?.Unlocked());
    }

    public async Task<CommandResult> DesignateAsync(long number, string? team, string reason, Actor by)
    {
        EnsureHealthy();
        if (_state.Case(number) is not { } c)
        {
            return NotFound(number);
        }
        if (!AccessRules.IsSupervisor(by.Role) || by.Court != _court.Id)
        {
            return CommandResult.Fail(Outcome.Forbidden, null, $"only a division head or the president of court {_court.Id} designates");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return CommandResult.Fail(Outcome.Invalid, "reason", "a designation needs a written reason");
        }
        if (c.Status == CourtCase.Closed)
        {
            return CommandResult.Fail(Outcome.Conflict, null, $"case {c.Id} is closed");
        }
        var type = _court.TypeIndex(c.Type);
        var at = Now();
        _state.AsOf(at);
        int target;
        if (team is null)
        {
            target = _state.LeaderTeam(type).Team;
            if (target < 0)
            {
                return CommandResult.Fail(Outcome.Conflict, "team", $"no leader's team of court {_court.Id} can take case {c.Id} now; name a team");
            }
        }
        else
        {
            target = _court.TeamIndex(team);
            if (target < 0)
            {
                return CommandResult.Fail(Outcome.Invalid, "team", $"court {_court.Id} has no team '{team}'");
            }
        }
        var targetId = _court.Layout.Teams[target].Id;
        if (!AccessRules.CanDesignate(by, _court.Id, _court.DivisionOfTeam(c.Team), _court.DivisionOf(target)))
        {
            return CommandResult.Fail(Outcome.Forbidden, null, $"a division head designates only within their division ({by.Division})");
        }
        if (targetId == c.Team)
        {
            return CommandResult.Fail(Outcome.Conflict, "team", $"case {c.Id} is already with team {targetId}");
        }
        if (!_court.Layout.Teams[target].Accepts.Contains(type))
        {
            return CommandResult.Fail(Outcome.Invalid, "team", $"team {targetId} does not take case type '{c.Type}'");
        }
        if (!_state.CanTake(target, type))
        {
            return CommandResult.Fail(Outcome.Conflict, "team", $"team {targetId} cannot take the case now (it is at its cap)");
        }
        var records = new List<LedgerRecord>
        {
            _state.Append(Entry(LedgerKinds.Designate, at, c, by) with
            {
                Policy = "designated",
                FromTeam = c.Team,
                Team = targetId,
                Judge = _state.JudgeFor(target),
                Reason = reason,
            }),
        };
        var pulled = new List<long>();
        if (c.Team is { } from)
        {
            AppendPulls(_court.TeamIndex(from), at, by, records, pulled);
        }
        return await CompleteAsync(number, records, pulled, () =>
        {
            _metrics?.Moved(c.Type, c.Team, targetId);
            if (c.Team is { } from)
            {
                ReportPulls(pulled, from);
            }
        });
    }

    public Task<CourtCase?> GetCaseAsync(long number) => Task.FromResult(_state.Case(number));

    public Task<TeamCaseload?> GetCaseloadAsync(string team)
    {
        var t = _court.TeamIndex(team);
        return Task.FromResult(t < 0 ? null : CourtIndicators.Caseload(_state, t, time.GetUtcNow()));
    }

    public Task<CourtKpis> GetKpisAsync(DateTimeOffset? since)
    {
        var now = time.GetUtcNow();
        var kpis = CourtIndicators.Compute(_state, since, now);
        if (!_broken)
        {
            _metrics?.Kpis(kpis, wholeLedger: since is null);
            _metrics?.QuotaAttainment(_state, now);
        }
        return Task.FromResult(kpis);
    }

    /// <summary>The court's KPI gauges over its whole ledger (on the grain timer, and at activation).</summary>
    private void RecordKpis()
    {
        if (_broken || _metrics is null)
        {
            return;
        }
        var now = time.GetUtcNow();
        _metrics.Kpis(CourtIndicators.Compute(_state, null, now), wholeLedger: true);
        _metrics.QuotaAttainment(_state, now);
    }

    public Task<SeedCommitment[]> GetCommitmentsAsync() => Task.FromResult(Commitments());

    public async Task<SeedCommitment[]> RotateSeedAsync(Actor by)
    {
        EnsureHealthy();
        if (!AccessRules.IsAdminOf(by, _court.Id))
        {
            throw new UnauthorizedAccessException($"only an admin rotates court {_court.Id}'s seed");
        }
        var epoch = _state.Epoch + 1;
        var secret = await journal.AddSecretAsync(new CourtSecret(_court.Id, epoch, LedgerHash.NewSecret()));
        if (_state.Epoch + 1 != epoch)
        {
            throw new InvalidOperationException($"court {_court.Id}'s seed was rotated meanwhile");
        }
        var revealed = _secrets[_state.Epoch];
        _secrets[epoch] = secret.SecretHex;
        var record = _state.Append(new LedgerEntry
        {
            Court = _court.Id,
            Seq = _state.Seq + 1,
            Kind = LedgerKinds.Seed,
            At = Now(),
            Epoch = epoch,
            Commitment = LedgerHash.Commitment(secret.SecretHex),
            RevealedSecret = revealed,
            By = new LedgerActor(by.Name, by.Role),
            Prev = _state.Head,
        });
        await CommitAsync([record]);
        return Commitments();
    }

    private SeedCommitment[] Commitments() =>
        [.. _state.Commitments.OrderBy(c => c.Key).Select(c => new SeedCommitment(_court.Id, c.Key, c.Value,
            c.Key < _state.Epoch ? _secrets.GetValueOrDefault(c.Key) : null))];

    /// <summary>
    /// The filing is durable, and acknowledged, once its ledger entry is. The new case grain's state is then stored
    /// (through the same grain storage the case grain reads, without activating it) without holding up the answer:
    /// it is a copy for SQL reports and for the case's first read, and the case grain catches up from the court on
    /// first use whether or not the copy has landed (as after a crash between the two writes). Waiting for it would
    /// put a second commit on every filing's latency.
    /// </summary>
    private async Task<CommandResult> CompleteFilingAsync(long number, LedgerRecord record)
    {
        await CommitAsync([record]);
        var c = _state.Case(number)!;
        _metrics?.Filed(c.Type, c.Team);
        StoreCaseCopyAsync(c).Ignore();
        return new CommandResult(Outcome.Created, null, null, CaseClock.Details(_court, c, time.GetUtcNow()), [record], false);
    }

    private async Task StoreCaseCopyAsync(CourtCase c)
    {
        try
        {
            await _caseStorage.WriteStateAsync(LiveCaseGrain.StateName, GrainId.Create(_caseGrainType, c.Id),
                new GrainState<LiveCaseState>(new LiveCaseState { Case = c }));
        }
        catch (InconsistentStateException)
        {
            // The case grain stored a record first (it was used before this copy landed): it holds the court's
            // record already.
        }
        catch (Exception e)
        {
            LogCaseCopyFailed(e, _court.Id, c.Id);
        }
    }

    private async Task<CommandResult> ReplayFilingAsync(long number, FilingRequest request)
    {
        var c = _state.Case(number)!;
        if (c.Type != request.Type || c.Flagged != request.Flagged || c.Risk != RiskName(CourtState.ParseRisk(request.Risk) ?? RiskLevel.None))
        {
            return KeyReused();
        }
        var filing = await journal.ReadAsync(_court.Id, c.FilingSeq - 1, 1);
        return new CommandResult(Outcome.Created, null, null, CaseClock.Details(_court, c, time.GetUtcNow()), [.. filing], true);
    }

    /// <summary>
    /// Waits for the entries to be durable, then answers with the case as it is now. The case grain that asked
    /// stores the record itself; cases pulled on the way are told without waiting (they also catch up from the
    /// court whenever they activate).
    /// </summary>
    private async Task<CommandResult> CompleteAsync(long number, List<LedgerRecord> records, List<long> pulled, Action? durable)
    {
        await CommitAsync(records);
        durable?.Invoke();
        foreach (var other in pulled)
        {
            var p = _state.Case(other)!;
            GrainFactory.GetGrain<ILiveCaseGrain>(p.Id).AdoptAsync(p).Ignore();
        }
        return new CommandResult(Outcome.Ok, null, null, CaseClock.Details(_court, _state.Case(number)!, time.GetUtcNow()), [.. records], false);
    }

    private async Task CommitAsync(IReadOnlyList<LedgerRecord> records)
    {
        try
        {
            await journal.AppendAsync(_court.Id, records);
        }
        catch (Exception e)
        {
            // The in-memory state has moved past what is durable: stop answering, and rebuild from the ledger.
            _broken = true;
            LogCommitFailed(e, _court.Id, records[0].Seq);
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>Waiting cases pulled by a team once their entries are durable.</summary>
    private void ReportPulls(List<long> pulled, string team)
    {
        foreach (var p in pulled)
        {
            _metrics?.Moved(_state.Case(p)!.Type, null, team);
        }
    }

    private void AppendPulls(int team, DateTimeOffset at, Actor by, List<LedgerRecord> records, List<long> pulled)
    {
        while (_state.NextPull(team) is { } next)
        {
            var w = _state.Case(next)!;
            records.Add(_state.Append(Entry(LedgerKinds.Pull, at, w, by) with
            {
                Policy = AssignmentPolicyNames.NameOf(AssignmentPolicyKind.Pull),
                Team = _court.Layout.Teams[team].Id,
                Judge = _state.JudgeFor(team),
            }));
            pulled.Add(next);
        }
    }

    private LedgerEntry Entry(string kind, DateTimeOffset at, CourtCase c, Actor by) => new()
    {
        Court = _court.Id,
        Seq = _state.Seq + 1,
        Kind = kind,
        At = at,
        Case = c.Id,
        Number = c.Number,
        By = new LedgerActor(by.Name, by.Role),
        Prev = _state.Head,
    };

    private static bool Same(FilingRequest a, FilingRequest b) =>
        a.Type == b.Type && a.Flagged == b.Flagged && (CourtState.ParseRisk(a.Risk) == CourtState.ParseRisk(b.Risk));

    private static CommandResult KeyReused() =>
        CommandResult.Fail(Outcome.Invalid, "Idempotency-Key", "this Idempotency-Key was used for a different filing");

    private CommandResult NotFound(long number) => CommandResult.Fail(Outcome.NotFound, null, $"court {_court.Id} has no case {_court.CaseId(number)}");

    private static string RiskName(RiskLevel risk) => risk switch
    {
        RiskLevel.Ordinary => "ordinary",
        RiskLevel.Larger => "larger",
        RiskLevel.Major => "major",
        _ => "none",
    };

    /// <summary>Ledger times never go backwards, whatever the clock does.</summary>
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return now > _state.LastAt ? now : _state.LastAt;
    }

    private void EnsureHealthy()
    {
        if (_broken)
        {
            throw new InvalidOperationException($"court {_court.Id} lost a write and is restarting from its ledger; retry");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Court {Court} active: ledger at {Seq}, {Cases} cases, seed epoch {Epoch} committed as {Commitment}")]
    private partial void LogActivated(string court, long seq, long cases, int epoch, string commitment);

    [LoggerMessage(Level = LogLevel.Information, Message = "Court {Court}: {Warnings} deadline warnings issued to {Cases} cases; {Escalated} waiting cases escalated, {Pulled} pulled")]
    private partial void LogWarningsIssued(string court, int warnings, int cases, int escalated, int pulled);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Court {Court}: no reminder service; the deadline watcher runs on a timer while the court is active")]
    private partial void LogNoReminders(Exception e, string court);

    [LoggerMessage(Level = LogLevel.Error, Message = "Court {Court}: ledger entry {Seq} does not re-make: {Problem}")]
    private partial void LogReplayProblem(string court, long seq, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Court {Court}: writing ledger entries from {Seq} failed; deactivating")]
    private partial void LogCommitFailed(Exception e, string court, long seq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Court {Court}: storing the copy of case {Case} failed; the case catches up from the court on first use")]
    private partial void LogCaseCopyFailed(Exception e, string court, string @case);
}
