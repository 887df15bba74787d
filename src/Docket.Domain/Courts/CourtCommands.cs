using Docket.Domain.Access;
using Docket.Domain.Assignment;
using Docket.Domain.Deadlines;
using Docket.Domain.Ledger;
using Docket.Domain.Staffing;
using Docket.Domain.Supervision;

namespace Docket.Domain.Courts;

/// <summary>
/// The court's commands: each checks who asks (<see cref="AccessRules"/>) and what the rules allow, then appends its
/// ledger entries to the <see cref="CourtState"/> — the same entries the replay check re-makes. Nothing here waits
/// or stores: the driver (the live court grain, a test, a replay) makes the entries durable before it answers.
/// </summary>
public static partial class CourtCommands
{
    /// <summary>
    /// Files a case at <paramref name="at"/>: assigned by <see cref="CourtState.Decide"/> (or queued when no team
    /// can take it now) under the court's next case number. The caller has checked the idempotency key.
    /// </summary>
    public static CommandEffect File(CourtState state, FilingRequest request, DateTimeOffset at)
    {
        var court = state.Court;
        if (!AccessRules.Allows(request.By, Permission.File, new(court.Id)))
        {
            return CommandEffect.Refuse(Outcome.Forbidden, null, $"only {AccessRules.Who(Permission.File, court.Id)} files its cases");
        }
        var type = court.TypeIndex(request.Type);
        if (type < 0)
        {
            return CommandEffect.Refuse(Outcome.Invalid, "type",
                $"unknown case type {Quoted.Value(request.Type)} (known: {string.Join(", ", court.CaseTypes.Select(t => t.Id))})");
        }
        if (court.Layout.TypePool[type] < 0)
        {
            return CommandEffect.Refuse(Outcome.Invalid, "type", $"no team of court {court.Id} takes case type {Quoted.Value(request.Type)}");
        }
        var risk = request.Risk;
        var number = state.LastNumber + 1;
        // Whatever could stop the decision is asked before the queue's catch-up appends anything.
        state.EnsureCanDecide(type);
        return AfterCatchUp(state, at, () => FileNow(state, request, type, risk, number, at));
    }

    private static CommandEffect FileNow(CourtState state, FilingRequest request, int type, RiskLevel risk, long number, DateTimeOffset at)
    {
        var court = state.Court;
        var effect = new CommandEffect { Case = number };
        var decision = state.Decide(type, request.Flagged, risk, number);
        var assigned = decision.Team >= 0;
        var record = state.Append(new LedgerEntry
        {
            Court = court.Id,
            Seq = state.Seq + 1,
            Kind = assigned ? LedgerKinds.Assign : LedgerKinds.Queue,
            At = at,
            Case = court.CaseId(number),
            Number = number,
            // The scenario's own string (the same text): the case's record keeps it for as long as the case is open.
            Type = court.CaseTypes[type].Id,
            Flagged = request.Flagged,
            Risk = RiskLevels.NameOf(risk),
            Trigger = MeetingReferral.FilingTrigger(request.Flagged, state.RulesVersion),
            IdempotencyKey = request.IdempotencyKey,
            PartyCodeHmac = request.PartyCodeHmac,
            Pool = court.PoolNames[decision.Pool],
            Policy = decision.Policy,
            Eligible = decision.Eligible,
            Draw = decision.Draw,
            Team = assigned ? court.Layout.Teams[decision.Team].Id : null,
            Judge = assigned ? state.JudgeFor(decision.Team) : null,
            By = new LedgerActor(request.By.Name, request.By.Role),
            Prev = state.Head,
        });
        effect.Records.Add(record);
        effect.Decision = decision;
        return effect;
    }

    /// <summary>Whether a repeated filing under one idempotency key asks for the same case as the first.</summary>
    public static bool SameFiling(FilingRequest a, FilingRequest b) =>
        a.Type == b.Type && a.Flagged == b.Flagged && a.Risk == b.Risk;

    /// <summary>Whether the filed case is what the request asks for (a key used again for another filing is refused).</summary>
    public static bool SameFiling(CourtCase c, FilingRequest request) =>
        c.Type == request.Type && c.Flagged == request.Flagged && c.Risk == request.Risk;

    /// <summary>
    /// Sequences a command a case decided on its record (<see cref="CaseCommands"/>): its entries appended at
    /// <paramref name="now"/> (the decision's own moment if that is later: ledger times never go backwards), each
    /// given its place in the chain; when they close the case, its team pulls what it can now take (an assignment:
    /// the court's). Null — nothing appended, decide again on the record the court holds — when the case's record
    /// is no longer the one decided on, or the decision does not hold at that moment (<see cref="CaseDecision.HoldsAt"/>).
    /// What the waiting queue owes by that moment is appended first (<see cref="CatchUp"/>); when it moves the very case
    /// decided on (a waiting case escalated, or pulled by a team back from leave), the effect is
    /// <see cref="CommandEffect.Stale"/>: the queue's entries alone, to be written, and the decision made again after them.
    /// </summary>
    public static CommandEffect? Ledger(CourtState state, CaseDecision decision, DateTimeOffset now)
    {
        if (decision.Refused is not null || decision.Entries.Length == 0)
        {
            throw new ArgumentException("a refused decision has nothing to ledger", nameof(decision));
        }
        var at = decision.At > now ? decision.At : now;
        if (state.Case(decision.Number) is not { } c || c.Version != decision.Version || !decision.HoldsAt(at))
        {
            return null;
        }
        if (Array.Find(decision.Entries, d => d.Case != c.Id || d.Court != state.Court.Id) is { } stray)
        {
            throw new ArgumentException($"a decision on case {c.Id} holds an entry about {stray.Case}", nameof(decision));
        }
        // What the queue owes by now touches only waiting cases: a case a team holds, or closed, is never moved by it.
        return AfterCatchUp(state, at, () =>
        {
            if (state.Case(c.Number) is not { } after || after.Version != c.Version)
            {
                return CommandEffect.StaleOn(c.Number);
            }
            var effect = new CommandEffect { Case = c.Number };
            Append(state, c, decision, at, effect);
            return effect;
        });
    }

    /// <summary>A decision's entries appended at <paramref name="at"/> to <paramref name="effect"/> (the case's record checked to be the one decided on).</summary>
    private static void Append(CourtState state, CourtCase c, CaseDecision decision, DateTimeOffset at, CommandEffect effect)
    {
        var court = state.Court;
        foreach (var draft in decision.Entries)
        {
            if (draft.Case != c.Id || draft.Court != court.Id)
            {
                throw new ArgumentException($"a decision on case {c.Id} holds an entry about {draft.Case}", nameof(decision));
            }
            // A closure is the court's to hold for quality review: the hold depends on the judge's other files of the year.
            var entry = draft.Kind == LedgerKinds.Close ? draft with { Review = state.ReviewHoldOf(state.Case(c.Number)!, at) } : draft;
            var appended = entry with { Seq = state.Seq + 1, At = at, Prev = state.Head };
            var record = state.Append(appended);
            effect.Records.Add(record);
            effect.Decided.Add(appended);
            if (draft.Kind == LedgerKinds.Warning)
            {
                var issued = Array.Find(state.Case(c.Number)!.Warnings, x => x.Seq == record.Seq)!;
                effect.Warnings.Add(new CourtWarning(c.Id, c.Team, court.DivisionOfTeam(c.Team), issued));
            }
        }
        if (decision.Closes)
        {
            effect.Closed = true;
            AppendPulls(state, court.TeamIndex(c.Team!), at, decision.By, effect);
        }
    }

    /// <summary>
    /// Records that the case reached a node or finished a stage (<see cref="CaseCommands.Reach"/>), decided and
    /// sequenced in one step; when that finishes its closing stage the case closes and its team pulls what it can now take.
    /// </summary>
    public static CommandEffect Reach(CourtState state, long number, string node, Actor by, DateTimeOffset at) =>
        DecideAndLedger(state, number, at, c => CaseCommands.Reach(state.Court, c, node, by, at));

    /// <summary>Unlocks a case locked by an overdue important node (<see cref="CaseCommands.Unlock"/>).</summary>
    public static CommandEffect Unlock(CourtState state, long number, string? reason, Actor by, DateTimeOffset at) =>
        DecideAndLedger(state, number, at, c => CaseCommands.Unlock(state.Court, c, reason, by, at));

    /// <summary>
    /// A supervisor's designation with a written reason: to the named team, or with none to the least-loaded leader's
    /// team that can take the case now ("random first, designated second", case 161); the team it leaves pulls.
    /// </summary>
    public static CommandEffect Designate(CourtState state, long number, string? team, string reason, Actor by, DateTimeOffset at) =>
        AfterCatchUp(state, at, () => DesignateNow(state, number, team, reason, by, at));

    private static CommandEffect DesignateNow(CourtState state, long number, string? team, string reason, Actor by, DateTimeOffset at)
    {
        var court = state.Court;
        if (state.Case(number) is not { } c)
        {
            return NotFound(court, number);
        }
        if (!AccessRules.Allows(by, Permission.Designate, new(court.Id, court.DivisionOfTeam(c.Team))))
        {
            return CommandEffect.Refuse(Outcome.Forbidden, null, $"only {AccessRules.Who(Permission.Designate, court.Id, $"case {c.Id}")} designates it");
        }
        if (!WrittenReason.Is(reason))
        {
            return CommandEffect.Refuse(Outcome.Invalid, "reason", "a designation needs a written reason");
        }
        if (c.Status == CourtCaseStatus.Closed)
        {
            return CommandEffect.Refuse(Outcome.Conflict, null, $"case {c.Id} is closed");
        }
        var type = court.TypeIndex(c.Type);
        state.AsOf(at);
        int target;
        if (team is null)
        {
            target = state.LeaderTeam(type).Team;
            if (target < 0)
            {
                return CommandEffect.Refuse(Outcome.Conflict, "team", $"no leader's team of court {court.Id} can take case {c.Id} now; name a team");
            }
        }
        else
        {
            target = court.TeamIndex(team);
            if (target < 0)
            {
                return CommandEffect.Refuse(Outcome.Invalid, "team", $"court {court.Id} has no team {Quoted.Value(team)}");
            }
        }
        var targetId = court.Layout.Teams[target].Id;
        if (!AccessRules.Allows(by, Permission.Designate, new(court.Id, court.DivisionOfTeam(c.Team), ToDivision: court.DivisionOf(target))))
        {
            return CommandEffect.Refuse(Outcome.Forbidden, null, $"a division head designates only within their division ({by.Division})");
        }
        if (targetId == c.Team)
        {
            return CommandEffect.Refuse(Outcome.Conflict, "team", $"case {c.Id} is already with team {targetId}");
        }
        if (!court.Layout.Teams[target].Accepts.Contains(type))
        {
            return CommandEffect.Refuse(Outcome.Invalid, "team", $"team {targetId} does not take case type '{c.Type}'");
        }
        if (!state.CanTake(target, type))
        {
            return CommandEffect.Refuse(Outcome.Conflict, "team", state.IsAbsent(target)
                ? $"team {targetId} cannot take the case now (it is away: an absence is under way)"
                : $"team {targetId} cannot take the case now (it is at its cap)");
        }
        var effect = new CommandEffect { Case = number, MovedFrom = c.Team, MovedTo = targetId };
        effect.Records.Add(state.Append(Entry(state, LedgerKinds.Designate, at, c, by) with
        {
            Policy = AssignmentPolicyNames.Designated,
            FromTeam = c.Team,
            Team = targetId,
            Judge = state.JudgeFor(target),
            Reason = reason,
        }));
        if (c.Team is { } from)
        {
            AppendPulls(state, court.TeamIndex(from), at, by, effect);
        }
        return effect;
    }

    /// <summary>Extends the case's statutory limit by <paramref name="days"/> (<see cref="CaseCommands.Extend"/>).</summary>
    public static CommandEffect Extend(CourtState state, long number, double days, string reason, Actor by, DateTimeOffset at) =>
        DecideAndLedger(state, number, at, c => CaseCommands.Extend(state.Court, c, days, reason, by, at));

    /// <summary>A judge of the case's team asks to convert it to ordinary procedure (<see cref="CaseCommands.RequestConversion"/>).</summary>
    public static CommandEffect RequestConversion(CourtState state, long number, string reason, Actor by, DateTimeOffset at) =>
        DecideAndLedger(state, number, at, c => CaseCommands.RequestConversion(state.Court, c, reason, by, at));

    /// <summary>The scenario's approver approves or refuses the conversion requested (<see cref="CaseCommands.DecideConversion"/>).</summary>
    public static CommandEffect DecideConversion(CourtState state, long number, bool approve, string? reason, Actor by, DateTimeOffset at) =>
        DecideAndLedger(state, number, at, c => CaseCommands.DecideConversion(state.Court, c, approve, reason, by, at));

    /// <summary>Gives the case's party a new code (<see cref="CaseCommands.IssuePartyCode"/>).</summary>
    public static CommandEffect IssuePartyCode(CourtState state, long number, string hmac, Actor by, DateTimeOffset at) =>
        DecideAndLedger(state, number, at, c => CaseCommands.IssuePartyCode(state.Court, c, hmac, by, at));

    /// <summary>
    /// A case command decided on the record the court holds and sequenced at once (a driver that is the case's only
    /// writer: a test, a replay); the live service decides in the case's grain and sequences with <see cref="Ledger"/>.
    /// </summary>
    private static CommandEffect DecideAndLedger(CourtState state, long number, DateTimeOffset at, Func<CourtCase, CaseDecision> decide) =>
        AfterCatchUp(state, at, () => DecideAndLedgerNow(state, number, at, decide));

    /// <summary>Decides on the case's record as the queue's catch-up left it, so the sequencing finds it unchanged.</summary>
    private static CommandEffect DecideAndLedgerNow(CourtState state, long number, DateTimeOffset at, Func<CourtCase, CaseDecision> decide)
    {
        if (state.Case(number) is not { } c)
        {
            return NotFound(state.Court, number);
        }
        var decision = decide(c);
        if (decision.Refused is { } refused)
        {
            return CommandEffect.Refuse(refused.Outcome, refused.Field, refused.Error ?? "");
        }
        return Ledger(state, decision, at) is { Stale: false } effect
            ? effect
            : throw new InvalidOperationException($"case {c.Id} was decided on the record the court holds");
    }

    /// <summary>
    /// A reviewer of the court (or a division head) draws the quality-review sample among the closed files not yet
    /// archived that no earlier draw covered (<see cref="CourtState.MakeReviewDraw"/>, cases 162, 166): one entry
    /// recording the eligible files, the sample and the draw, re-made on replay. The files drawn wait for their review
    /// before they are archived.
    /// </summary>
    public static CommandEffect DrawForReview(CourtState state, Actor by, DateTimeOffset at) =>
        AfterCatchUp(state, at, () => DrawForReviewNow(state, by, at));

    private static CommandEffect DrawForReviewNow(CourtState state, Actor by, DateTimeOffset at)
    {
        var court = state.Court;
        if (!AccessRules.Allows(by, Permission.ReviewQuality, new(court.Id)))
        {
            return CommandEffect.Refuse(Outcome.Forbidden, null, $"only {AccessRules.Who(Permission.ReviewQuality, court.Id)} draws its quality-review sample");
        }
        var seq = state.Seq + 1;
        if (state.MakeReviewDraw(seq, out var refusal) is not var (eligible, sample, draw))
        {
            return CommandEffect.Refuse(Outcome.Conflict, null, $"court {court.Id}: {refusal}");
        }
        var record = state.Append(new LedgerEntry
        {
            Court = court.Id,
            Seq = seq,
            Kind = LedgerKinds.ReviewDraw,
            At = at,
            Eligible = [.. eligible.Select(c => c.Id)],
            Sample = [.. sample.Select(c => c.Id)],
            Draw = draw,
            By = new LedgerActor(by.Name, by.Role),
            Prev = state.Head,
        });
        return new CommandEffect { Records = [record] };
    }

    /// <summary>
    /// Records what the review of a drawn file found (case 159): no problem passes it (it may be archived); a general
    /// problem earns its judge a yellow card — red when the judge's previous general problem was found within the
    /// window — and a serious one a red card, each with a deadline to fix the file, after which a new review is
    /// recorded (<see cref="CourtState.CardFor"/>). The finding comes parsed (<see cref="Quality.QualityFindings.Parse"/>);
    /// a value outside the enum (a message from a silo that does not know it) is refused rather than recorded as none.
    /// </summary>
    public static CommandEffect RecordFinding(CourtState state, long number, Quality.QualityFinding finding, string? note, Actor by, DateTimeOffset at) =>
        AfterCatchUp(state, at, () => RecordFindingNow(state, number, finding, note, by, at));

    private static CommandEffect RecordFindingNow(CourtState state, long number, Quality.QualityFinding finding, string? note, Actor by, DateTimeOffset at)
    {
        var court = state.Court;
        if (state.Case(number) is not { } c)
        {
            return NotFound(court, number);
        }
        if (!AccessRules.Allows(by, Permission.ReviewQuality, new(court.Id, court.DivisionOfTeam(c.Team), c.Team)))
        {
            return CommandEffect.Refuse(Outcome.Forbidden, null, $"only {AccessRules.Who(Permission.ReviewQuality, court.Id, $"case {c.Id}")} records its review");
        }
        if (!Enum.IsDefined(finding))
        {
            return CommandEffect.Refuse(Outcome.Invalid, "finding", $"the finding is one of: {string.Join(", ", Quality.QualityFindings.All)} (got {(byte)finding})");
        }
        if (CourtState.RefuseFinding(c) is { } refusal)
        {
            return CommandEffect.Refuse(Outcome.Conflict, null, refusal);
        }
        var card = state.CardFor(c, finding, at);
        var record = state.Append(Entry(state, LedgerKinds.ReviewFinding, at, c, by) with
        {
            Finding = Quality.QualityFindings.NameOf(finding),
            Level = CourtState.LevelOf(card),
            Judge = c.Judge,
            Due = state.FixDue(card, at),
            Reason = WrittenReason.OrNone(note),
        });
        return new CommandEffect { Case = number, Records = [record] };
    }

    /// <summary>
    /// Records a team away from <paramref name="from"/> (null: now) to <paramref name="to"/>, for at most
    /// <paramref name="maxDays"/> (<see cref="AbsenceRule"/>).
    /// </summary>
    public static CommandEffect MarkAbsent(CourtState state, string team, DateTimeOffset? from, DateTimeOffset to, string reason, Actor by, DateTimeOffset at,
        double maxDays = AbsenceRule.DefaultMaxDays) =>
        AfterCatchUp(state, at, () => MarkAbsentNow(state, team, from, to, reason, by, at, maxDays));

    private static CommandEffect MarkAbsentNow(CourtState state, string team, DateTimeOffset? from, DateTimeOffset to, string reason, Actor by, DateTimeOffset at,
        double maxDays)
    {
        var court = state.Court;
        if (RefuseAbsenceKeeper(court, team, by, "records") is { } refused)
        {
            return refused;
        }
        if (!WrittenReason.Is(reason))
        {
            return CommandEffect.Refuse(Outcome.Invalid, "reason", "an absence needs a reason");
        }
        var start = from ?? at;
        if (AbsenceRule.Refuse(start, to, at, maxDays) is { } refusal)
        {
            return CommandEffect.Refuse(Outcome.Invalid, refusal.Field, refusal.Problem);
        }
        var record = state.Append(new LedgerEntry
        {
            Court = court.Id,
            Seq = state.Seq + 1,
            Kind = LedgerKinds.Absence,
            At = at,
            Team = team,
            AbsentFrom = start,
            AbsentTo = to,
            Reason = reason,
            By = new LedgerActor(by.Name, by.Role),
            Prev = state.Head,
        });
        return new CommandEffect { Records = [record] };
    }

    /// <summary>An unknown team (404), or a user who may not record its absences (<see cref="Permission.MarkAbsent"/>, 403).</summary>
    private static CommandEffect? RefuseAbsenceKeeper(Court court, string team, Actor by, string verb)
    {
        var t = court.TeamIndex(team);
        if (t < 0)
        {
            return CommandEffect.Refuse(Outcome.NotFound, "team", $"court {court.Id} has no team {Quoted.Value(team)}");
        }
        return AccessRules.Allows(by, Permission.MarkAbsent, new(court.Id, court.DivisionOf(t), team))
            ? null
            : CommandEffect.Refuse(Outcome.Forbidden, null,
                $"only {AccessRules.Who(Permission.MarkAbsent, court.Id, $"team {team}")} {verb} its absences");
    }

    /// <summary>
    /// Withdraws the team's absence recorded by ledger entry <paramref name="absence"/>, by a role that may record it
    /// (<see cref="Permission.MarkAbsent"/>): the team is back now, or never leaves when the absence had not begun
    /// (<see cref="AbsenceRule.RefuseWithdrawal"/>). A team back pulls the waiting cases it can take at once, after the
    /// withdrawal's entry (<see cref="CatchUp"/>).
    /// </summary>
    public static CommandEffect WithdrawAbsence(CourtState state, string team, long absence, string? reason, Actor by, DateTimeOffset at)
    {
        var court = state.Court;
        if (RefuseAbsenceKeeper(court, team, by, "withdraws") is { } refused)
        {
            return refused;
        }
        if (state.AbsenceOf(court.TeamIndex(team), absence) is not { } recorded)
        {
            return CommandEffect.Refuse(Outcome.NotFound, "absence", $"team {team} has no absence recorded by ledger entry {absence}");
        }
        state.AsOf(at);
        if (AbsenceRule.RefuseWithdrawal(recorded, at) is { } refusal)
        {
            return CommandEffect.Refuse(Outcome.Conflict, "absence", refusal);
        }
        var record = state.Append(new LedgerEntry
        {
            Court = court.Id,
            Seq = state.Seq + 1,
            Kind = LedgerKinds.AbsenceWithdrawn,
            At = at,
            Team = team,
            Reason = WrittenReason.OrNone(reason),
            By = new LedgerActor(by.Name, by.Role),
            Withdraws = absence,
            Prev = state.Head,
        });
        var effect = new CommandEffect { Records = [record] };
        // A team back at once pulls at once, as one whose absence ends does at its next command.
        CatchUp(state, at, effect, everyTeam: false);
        return effect;
    }

    /// <summary>
    /// The deadline watcher's tick at <paramref name="at"/> over the whole court, in one step (the live service splits
    /// it: <see cref="WatchQueue"/> is the court's, each case's warnings its own grain's by <see cref="CaseCommands.Warn"/>):
    /// waiting cases due to escalate move to the top of their queue, teams free to take waiting cases pull them (a team
    /// back from an absence), and every warning the cases have earned by now and not been issued is issued
    /// (<see cref="CaseCommands.Warn"/>, sequenced as <see cref="Ledger"/> does): first the cases no team holds whose
    /// next check has come (<see cref="CourtState.DueBy"/>), then every case a team holds, by number — the court keeps
    /// no check of those (each team's docket does: <see cref="OpenDocket.DueBy"/>), so this tick looks at all of them,
    /// which suits the drivers that run a court in one place (tests, the benchmarks' ledgers), not a large live one.
    /// Idempotent: a second tick at the same moment finds nothing new.
    /// </summary>
    public static CommandEffect Watch(CourtState state, DateTimeOffset at)
    {
        var effect = WatchQueue(state, at);
        // Both lists taken before the loop appends (each case's warnings change only its own record).
        var held = state.HeldCases.Where(c => c.Status == CourtCaseStatus.Pending).OrderBy(c => c.Number).ToList();
        foreach (var c in state.DueBy(at).Concat(held))
        {
            if (CaseCommands.Warn(state.Court, c, at) is { } warn)
            {
                Append(state, c, warn, at, effect);
            }
        }
        return effect;
    }

    /// <summary>
    /// The court's own share of the deadline watch at <paramref name="at"/>, the assignments in it: waiting cases due
    /// to escalate move to the top of their queue and teams free to take waiting cases pull them. The warnings are each
    /// case's (<see cref="CaseCommands.Warn"/>).
    /// </summary>
    public static CommandEffect WatchQueue(CourtState state, DateTimeOffset at)
    {
        var effect = new CommandEffect();
        CatchUp(state, at, effect, everyTeam: true);
        return effect;
    }

    /// <summary>
    /// What the waiting queue owes by <paramref name="at"/>, appended before a command decides (a filing, a case's
    /// command as <see cref="Ledger"/> sequences it, a designation, an absence, a review draw or finding, a meeting's
    /// step or sitting: <see cref="AfterCatchUp"/>; after a withdrawn absence's own entry) and at each watch: waiting cases due to escalate move to the top of their queue,
    /// and when a team has come back from an absence since the last look (or at a watch, <paramref name="everyTeam"/>)
    /// every team pulls what it can now take — so a team back from leave takes the waiting cases before a new filing,
    /// at the moment of its return as the simulator has it, not at the watch's next tick. Appends only entries the
    /// replay check re-makes (escalations due, pulls in pull order), by the deadline watcher.
    /// </summary>
    private static void CatchUp(CourtState state, DateTimeOffset at, CommandEffect effect, bool everyTeam)
    {
        state.AsOf(at);
        var returned = state.TakeReturned();
        if (!state.AnyWaiting)
        {
            return;
        }
        var watcher = SystemActors.DeadlineWatcher;
        foreach (var c in state.EscalatingBy(at))
        {
            effect.Records.Add(state.Append(Entry(state, LedgerKinds.Escalate, at, c, watcher)));
            effect.Escalated.Add(c.Number);
        }
        for (var team = 0; (everyTeam || returned) && team < state.Court.Layout.Teams.Count && state.AnyWaiting; team++)
        {
            AppendPulls(state, team, at, watcher, effect);
        }
    }

    /// <summary>
    /// A command the court decides on the queue's state (a filing, a case's decision, a designation, an absence, a
    /// review draw or finding, a meeting's step or sitting), run after what the queue owes by <paramref name="at"/>
    /// (<see cref="CatchUp"/>), as the simulator runs every event due before a moment ahead of what happens at it. The
    /// owed entries are the watcher's, owed whatever the command's outcome: a refused or stale command's effect carries
    /// them too, to be written (<see cref="CommandEffect.Owed"/> counts them).
    /// </summary>
    private static CommandEffect AfterCatchUp(CourtState state, DateTimeOffset at, Func<CommandEffect> command)
    {
        var owed = new CommandEffect();
        CatchUp(state, at, owed, everyTeam: false);
        var effect = command();
        return owed.Records.Count == 0 ? effect : effect.After(owed);
    }

    /// <summary>
    /// The ledger's first entry: the organisation the court runs, its first seed commitment and the rules it runs under
    /// (<paramref name="rules"/>: this build's <see cref="CourtRules.Version"/>; an earlier one re-makes a ledger as an
    /// earlier build wrote it).
    /// </summary>
    public static LedgerRecord Open(CourtState state, string scenario, string commitment, DateTimeOffset at, int rules = CourtRules.Version) => state.Append(new LedgerEntry
    {
        Court = state.Court.Id,
        Seq = 1,
        Kind = LedgerKinds.Genesis,
        At = at,
        Scenario = scenario,
        Organization = state.Court.OrganizationHash,
        Rules = CourtRules.Unknown(rules) is { } unknown ? throw new ArgumentException(unknown, nameof(rules)) : rules,
        Epoch = 1,
        Commitment = commitment,
        Prev = state.Head,
    });

    /// <summary>Whether the actor may rotate the court's seed (an admin of the court).</summary>
    public static bool MayRotateSeed(CourtState state, Actor by) => AccessRules.Allows(by, Permission.Administer, new(state.Court.Id));

    /// <summary>A new seed epoch: the current secret revealed, the next one committed.</summary>
    public static LedgerRecord RotateSeed(CourtState state, string revealedSecret, string nextCommitment, Actor by, DateTimeOffset at) => state.Append(new LedgerEntry
    {
        Court = state.Court.Id,
        Seq = state.Seq + 1,
        Kind = LedgerKinds.Seed,
        At = at,
        Epoch = state.Epoch + 1,
        Commitment = nextCommitment,
        RevealedSecret = revealedSecret,
        By = new LedgerActor(by.Name, by.Role),
        Prev = state.Head,
    });

    /// <summary>Close-one-get-one: while the team can take a waiting case, it takes the next one in pull order.</summary>
    private static void AppendPulls(CourtState state, int team, DateTimeOffset at, Actor by, CommandEffect effect)
    {
        var teamId = state.Court.Layout.Teams[team].Id;
        while (state.NextPull(team) is { } next)
        {
            var w = state.Case(next)!;
            effect.Records.Add(state.Append(Entry(state, LedgerKinds.Pull, at, w, by) with
            {
                Policy = AssignmentPolicyNames.NameOf(AssignmentPolicyKind.Pull),
                Team = teamId,
                Judge = state.JudgeFor(team),
            }));
            effect.Pulled.Add((next, teamId));
        }
    }

    private static LedgerEntry Entry(CourtState state, string kind, DateTimeOffset at, CourtCase c, Actor by) => new()
    {
        Court = state.Court.Id,
        Seq = state.Seq + 1,
        Kind = kind,
        At = at,
        Case = c.Id,
        Number = c.Number,
        By = new LedgerActor(by.Name, by.Role),
        Prev = state.Head,
    };

    private static CommandEffect NotFound(Court court, long number) =>
        CommandEffect.Refuse(Outcome.NotFound, null, $"court {court.Id} has no case {court.CaseId(number)}");
}
