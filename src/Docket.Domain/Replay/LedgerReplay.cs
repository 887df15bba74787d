using System.Globalization;
using Docket.Domain.Assignment;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Staffing;
using Docket.Domain.Supervision;

namespace Docket.Domain.Replay;

/// <summary>One assignment decision of the ledger the replayed court decides otherwise.</summary>
/// <param name="Seq">The ledger entry of the decision.</param>
/// <param name="Kind">Its kind: assign, queue, pull or designate.</param>
/// <param name="Case">The case id.</param>
/// <param name="LedgerTeam">The team the ledger records (null: the case waits).</param>
/// <param name="LedgerJudge">The judge the ledger records.</param>
/// <param name="ReplayedTeam">The team the replayed court chooses (null: the case waits, or is not pulled).</param>
/// <param name="ReplayedJudge">The judge the replayed court puts in charge.</param>
/// <param name="Problem">What differs, in words.</param>
public sealed record ReplayMismatch(long Seq, string Kind, string Case, string? LedgerTeam, string? LedgerJudge, string? ReplayedTeam, string? ReplayedJudge, string Problem);

/// <summary>
/// The outcome of replaying a ledger on the same layout: how many cases were filed, how many got the ledger's team
/// (every team decision about the case re-made equal) and judge, how many were drawn in an epoch whose secret the
/// ledger does not reveal (checked, not re-made), and each decision made otherwise.
/// </summary>
public sealed record ReplayResult(string Court, int Cases, int SameTeam, int SameJudge, int Unrevealed, IReadOnlyList<ReplayMismatch> Mismatches)
{
    public bool Reproduced => Mismatches.Count == 0;

    /// <summary>
    /// The court's caseload as the simulator's court counts it once the ledger is replayed, from the first filing to
    /// the last entry's time (<see cref="DrivenCourt.Caseload"/>): the live KPIs' caseload figures for that window.
    /// </summary>
    public Caseload? Caseload { get; init; }

    /// <summary>The spread of the teams' open work after the last entry (<see cref="DrivenCourt.CaseloadGini"/>), the live KPIs' <c>caseload_gini</c>.</summary>
    public double CaseloadGini { get; init; }

    /// <summary>
    /// The balance indicators over the same window as the simulator counts them for summary.json
    /// (<see cref="DrivenCourt.Balance"/>): the live KPIs' <c>balance</c>.
    /// </summary>
    public BalanceKpi? Balance { get; init; }
}

/// <summary>
/// Replays a verified ledger (<see cref="LedgerFile.Read"/>) on a <see cref="DrivenCourt"/> of the scenario's court
/// with the same layout, decision by decision. Filings, closures, designations' target teams, escalations and absences
/// are the ledger's; the court decides each filing's team (or its wait) and judge, each pull (which waiting case a
/// team that freed a place or came back takes) and each designated case's judge, seeded per epoch from the secrets
/// the ledger reveals (<see cref="LedgerHash.Seed"/>). Each decision is compared with the ledger's, and the court then
/// records the ledger's decision, so that one difference is listed once and every later decision is made on the
/// court the ledger describes. A draw of an epoch not revealed cannot be re-made: the ledger's team must be among the
/// eligible teams the court computes, able to take the case, with the weights the court computes; such a case counts
/// as unrevealed (a deck pool's deck, which advances with draws, is then not advanced). After a pull, a closure or a
/// designation, a pull the court owed (<see cref="OwedPull"/>) that the next entry is not is listed too. Every entry
/// also goes through the court's own verifier (<see cref="ChainVerifier"/>, the service's, with
/// <see cref="CourtState.LeavesAssignmentsToReplay"/>): an actor without the right, a time going backwards, an unknown
/// kind, an escalation not due, a report the case could not make... stop the replay with a
/// <see cref="LedgerInputException"/> naming the entry.
/// </summary>
public static class LedgerReplay
{
    /// <summary>
    /// The court of the ledger in the organisation, checked to know every case type the ledger's filings name and to
    /// route each type to a team (a <see cref="LedgerInputException"/> naming the first unknown id
    /// and its entry). Teams are checked by <see cref="CheckTeams"/>: a what-if on another layout has other teams.
    /// </summary>
    public static Court CourtOf(Organization organization, IReadOnlyList<LedgerLine> lines, string source)
    {
        var first = lines[0];
        var court = organization.Court(first.Entry.Court)
            ?? throw new LedgerInputException($"{source}:{first.Line}: the scenario has no court '{first.Entry.Court}' (courts: {string.Join(", ", organization.CourtIds)})");
        foreach (var line in lines)
        {
            var e = line.Entry;
            if (e.Type is { } type && court.TypeIndex(type) < 0)
            {
                throw new LedgerInputException($"{source}:{line.Line}: entry {e.Seq}: the scenario has no case type '{type}' (known: {string.Join(", ", court.CaseTypes.Select(t => t.Id))})");
            }
            if (e.Type is { } routed && court.Layout.TypePool[court.TypeIndex(routed)] < 0 && e.Kind is LedgerKinds.Assign or LedgerKinds.Queue)
            {
                throw new LedgerInputException($"{source}:{line.Line}: entry {e.Seq}: no team of the scenario's court '{court.Id}' takes case type '{routed}'");
            }
        }
        return court;
    }

    /// <summary>Checks that the court knows every team the ledger names (its entries' team, from_team and eligible teams).</summary>
    public static void CheckTeams(Court court, IReadOnlyList<LedgerLine> lines, string source)
    {
        foreach (var line in lines)
        {
            var e = line.Entry;
            foreach (var team in new[] { e.Team, e.FromTeam }.Concat(e.Eligible ?? []))
            {
                if (team is not null && court.TeamIndex(team) < 0)
                {
                    throw new LedgerInputException($"{source}:{line.Line}: entry {e.Seq}: the scenario's court '{court.Id}' has no team '{team}'");
                }
            }
        }
    }

    /// <summary>Whether the scenario's court has the layout the ledger began with (its genesis entry's <c>organization</c>).</summary>
    public static bool SameLayout(Court court, IReadOnlyList<LedgerLine> lines) => lines[0].Entry.Organization == court.OrganizationHash;

    /// <summary>Replays the ledger on the court (same layout: <see cref="SameLayout"/>).</summary>
    public static ReplayResult Run(Court court, IReadOnlyList<LedgerLine> lines, IReadOnlyDictionary<int, string> secrets, string source) =>
        Run(new DrivenCourt(court), lines, secrets, source);

    /// <summary>Replays the ledger on a fresh <paramref name="driven"/> court, left as the ledger's last entry leaves it (its cases, queue, judges).</summary>
    public static ReplayResult Run(DrivenCourt driven, IReadOnlyList<LedgerLine> lines, IReadOnlyDictionary<int, string> secrets, string source)
    {
        var court = driven.Court;
        var mismatches = new List<ReplayMismatch>();
        var teamOk = new Dictionary<long, bool>();
        var judgeOk = new Dictionary<long, bool>();
        var unrevealed = new HashSet<long>();
        var epoch = 0;
        string? commitment = null;
        OwedPull? owed = null;
        var state = new CourtState(court, e => secrets.GetValueOrDefault(e), 0) { LeavesAssignmentsToReplay = true };
        var verifier = new ChainVerifier(court, state);

        void Differs(LedgerEntry e, long number, bool team, bool judge, string? replayedTeam, string? replayedJudge, string problem)
        {
            if (team)
            {
                teamOk[number] = false;
            }
            if (judge)
            {
                judgeOk[number] = false;
            }
            mismatches.Add(new ReplayMismatch(e.Seq, e.Kind, e.Case ?? court.CaseId(number), e.Team, e.Judge, replayedTeam, replayedJudge, problem));
        }

        // The judge-in-charge rule the ledger was written under (its genesis entry's rules version, CourtRules).
        var rules = lines[0].Entry.Rules ?? 1;
        int NextJudge(int team) => driven.Judges.NextUnder(rules, team, driven.AssignedTo(team));

        string TeamId(int team) => court.Layout.Teams[team].Id;
        string JudgeName(int team, int judge) => JudgeInCharge.Name(TeamId(team), judge);

        // The ledger's judge of a team: its number, or the court's own choice when the name is not one of the team's judges.
        int LedgerJudge(LedgerEntry e, long number, int team, int replayed)
        {
            var judge = driven.Judges.NumberOf(team, TeamId(team), e.Judge);
            if (judge < 0)
            {
                Differs(e, number, false, true, TeamId(team), JudgeName(team, replayed), $"the ledger's judge '{e.Judge}' is not a judge of team {TeamId(team)}");
                return replayed;
            }
            if (judge != replayed)
            {
                Differs(e, number, false, true, TeamId(team), JudgeName(team, replayed), $"the judge in charge re-made is {JudgeName(team, replayed)}, the ledger says {e.Judge}");
            }
            return judge;
        }

        // A pull the court owed and the ledger lacks: listed (seq null) once the next entry is not it, or at the end
        // when the place was freed by the ledger's last entry.
        void LacksPull(OwedPull o, LedgerEntry? next)
        {
            var c = driven.Case(o.Case)!;
            teamOk[o.Case] = false;
            var who = o.Returned ? $"a team is back from an absence, the court pulls before its next command, and team {TeamId(o.Team)}"
                : o.Freed ? $"team {TeamId(o.Team)} freed a place and" : $"the pulls at {o.At:O} would go on: team {TeamId(o.Team)}";
            mismatches.Add(new ReplayMismatch(0, LedgerKinds.Pull, court.CaseId(o.Case), null, null, TeamId(o.Team), JudgeName(o.Team, NextJudge(o.Team)),
                $"{who} would pull waiting case {court.CaseId(o.Case)} (type {court.CaseTypes[c.Type].Id}); the ledger does not pull it"
                + (next is null ? "" : $" (entry {next.Seq}, {next.Kind}, comes where the pull was owed)")));
        }

        foreach (var line in lines)
        {
            var e = line.Entry;
            // The court's own verifier first: every rule but the assignment decisions, which are re-made below.
            if (verifier.Feed([new LedgerRecord(e.Court, e.Seq, e.Kind, e.Case, line.Text, line.Hash)]) is { } failure)
            {
                throw new LedgerInputException($"{source}:{line.Line}:1: the ledger fails verification at entry {failure.FirstInvalidSeq} ({e.Kind}): {failure.Problem}");
            }
            if (owed is { } o && !o.IsMetBy(e, TeamId(o.Team)))
            {
                LacksPull(o, e);
            }
            var pullOwed = owed is not null;
            owed = null;
            driven.AsOf(e.At);
            if (rules >= CourtRules.CatchUpVersion && !pullOwed)
            {
                // What a command's catch-up pulls after a return before the command's own entries (OwedPull.OnReturn).
                if (OwedPull.ComesAfterCatchUp(e.Kind) && driven.TakeReturned() && OwedPull.OnReturn(e.At, court.Layout.Teams.Count, driven.NextPull) is { } first)
                {
                    LacksPull(first, e);
                }
            }
            try
            {
                switch (e.Kind)
                {
                    case LedgerKinds.Genesis:
                    case LedgerKinds.Seed:
                        epoch = e.Epoch ?? 0;
                        commitment = e.Commitment;
                        break;
                    case LedgerKinds.Assign:
                    case LedgerKinds.Queue:
                        File(e);
                        break;
                    case LedgerKinds.Pull:
                        owed = OwedPull.After(e, Pull(e), court.Layout.Teams.Count, driven.NextPull);
                        break;
                    case LedgerKinds.Designate:
                        owed = Designate(e) is var from and >= 0 ? OwedPull.After(e, from, court.Layout.Teams.Count, driven.NextPull) : null;
                        break;
                    case LedgerKinds.Close:
                        {
                            // The record as the verifier's court holds it after the closure: the days its limit stood still.
                            var number = NumberOf(e);
                            var closed = state.Case(number)!;
                            var suspended = CaseClock.Suspension(court.CaseTypes[court.TypeIndex(closed.Type)], closed).Days;
                            owed = OwedPull.After(e, driven.Close(number, e.At, suspended), court.Layout.Teams.Count, driven.NextPull);
                            break;
                        }
                    case LedgerKinds.Extension:
                        driven.Extend(NumberOf(e));
                        break;
                    case LedgerKinds.Escalate:
                        driven.Escalate(NumberOf(e));
                        break;
                    case LedgerKinds.Absence:
                        driven.AddAbsence(court.TeamIndex(e.Team!), new RecordedAbsence(e.AbsentFrom ?? e.At, e.AbsentTo ?? e.At, e.Reason ?? "", e.Seq), e.At);
                        // A team back from an absence pulls at the court's next command or watch; its pulls are compared as they come.
                        break;
                    case LedgerKinds.AbsenceWithdrawn:
                        driven.WithdrawAbsence(court.TeamIndex(e.Team!), e.Withdraws ?? 0, e.Seq, e.At);
                        break;
                    default:
                        // node, unlock, warning...: no assignment decision (their rules are the verifier's, above).
                        break;
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or ArgumentException)
            {
                throw new LedgerInputException($"{source}:{line.Line}: entry {e.Seq} ({e.Kind}) cannot be applied to the court: {ex.Message}");
            }
        }
        if (owed is { Freed: true } unpulled)
        {
            LacksPull(unpulled, null);
        }

        var cases = teamOk.Count;
        return new ReplayResult(court.Id, cases,
            teamOk.Count(kv => kv.Value && !unrevealed.Contains(kv.Key)),
            judgeOk.Count(kv => kv.Value),
            unrevealed.Count(n => teamOk[n]),
            mismatches)
        {
            Caseload = lines.Count > 0 ? driven.Caseload(null, lines[^1].Entry.At) : null,
            CaseloadGini = driven.CaseloadGini(),
            Balance = lines.Count > 0 ? driven.Balance(null, lines[^1].Entry.At) : null,
        };

        long NumberOf(LedgerEntry e)
        {
            var number = e.Number ?? throw new InvalidOperationException("no case number");
            if (e.Case != court.CaseId(number) || driven.Case(number) is null)
            {
                throw new InvalidOperationException($"case {e.Case} (number {number}) was not filed before");
            }
            return number;
        }

        void File(LedgerEntry e)
        {
            var number = e.Number ?? throw new InvalidOperationException("a filing without a case number");
            if (number != teamOk.Count + 1 || e.Case != court.CaseId(number))
            {
                throw new InvalidOperationException($"case {e.Case} is not the court's next case ({court.CaseId(teamOk.Count + 1)})");
            }
            teamOk[number] = true;
            judgeOk[number] = true;
            var type = court.TypeIndex(e.Type!);
            var flagged = e.Flagged ?? false;
            var risk = e.FiledRisk;
            var ledgerTeam = e.Team is null ? -1 : court.TeamIndex(e.Team);
            if (driven.NeedsSeed(type, flagged, risk) && !secrets.ContainsKey(epoch))
            {
                // Not revealed: check what can be checked without the draw.
                unrevealed.Add(number);
                var pool = court.Layout.TypePool[type];
                var eligible = driven.Router.Eligible(pool, type);
                var weights = driven.Router.Weights(pool, type);
                if (!eligible.SequenceEqual(e.Eligible ?? []))
                {
                    Differs(e, number, true, false, null, null, $"the eligible teams re-made are [{string.Join(", ", eligible)}], the ledger says [{string.Join(", ", e.Eligible ?? [])}]");
                }
                else if (!(weights ?? []).SequenceEqual(e.Draw?.Weights ?? []))
                {
                    Differs(e, number, true, false, null, null, "the draw's weights differ from the eligible teams' weights re-made");
                }
                else if (ledgerTeam >= 0 && (!eligible.Contains(e.Team) || !driven.Router.CanTake(ledgerTeam, type)))
                {
                    Differs(e, number, true, false, null, null, $"team {e.Team} could not take the case (not eligible, away or at its cap)");
                }
                else if (ledgerTeam < 0 && eligible.Length > 0)
                {
                    Differs(e, number, true, false, null, null, "the case was queued while teams could take it");
                }
                Record(e, number, type, ledgerTeam, ledgerTeam < 0 ? -1 : LedgerJudge(e, number, ledgerTeam, NextJudge(ledgerTeam)));
                return;
            }
            var seed = secrets.TryGetValue(epoch, out var secret) ? LedgerHash.Seed(secret) : (ulong?)null;
            var decision = driven.Decide(type, flagged, risk, number, seed);
            var route = decision.Route;
            var replayedTeam = route.Assigned ? TeamId(route.Team) : null;
            var judgeOfRoute = route.Assigned ? NextJudge(route.Team) : -1;
            var replayedJudge = route.Assigned ? JudgeName(route.Team, judgeOfRoute) : null;
            if (replayedTeam != e.Team)
            {
                Differs(e, number, true, false, replayedTeam, replayedJudge, $"the decision re-made gives {replayedTeam ?? "no team (the case waits)"}, the ledger says {e.Team ?? "no team"}"
                    + (decision.Eligible.SequenceEqual(e.Eligible ?? []) ? "" : $" (eligible re-made: {string.Join(", ", decision.Eligible)}; recorded: {string.Join(", ", e.Eligible ?? [])})"));
            }
            else if (route.PolicyName != e.Policy || !decision.Eligible.SequenceEqual(e.Eligible ?? []) || !SameDraw(Draw(route, decision, number), e.Draw))
            {
                Differs(e, number, true, false, replayedTeam, replayedJudge, route.PolicyName != e.Policy ? $"the policy re-made is {route.PolicyName}, the ledger says {e.Policy}"
                    : !decision.Eligible.SequenceEqual(e.Eligible ?? []) ? $"the eligible teams re-made are {string.Join(", ", decision.Eligible)}, the ledger recorded {string.Join(", ", e.Eligible ?? [])}"
                    : "the draw recorded differs from the one re-made");
            }
            var judge = ledgerTeam < 0 ? -1
                : ledgerTeam == route.Team ? LedgerJudge(e, number, ledgerTeam, judgeOfRoute)
                : LedgerJudge(e, number, ledgerTeam, NextJudge(ledgerTeam));
            Record(e, number, type, ledgerTeam, judge);

            LedgerDraw? Draw(CaseRoute r, DrivenDecision d, long n)
            {
                if (!r.Drawn || DrawMethods.Of(r.Policy) is not { } method)
                {
                    return null;
                }
                return new LedgerDraw(commitment ?? "", epoch, court.PoolStreamKeys[r.Pool].ToString(CultureInfo.InvariantCulture), n, method, d.Weights);
            }
        }

        void Record(LedgerEntry e, long number, int type, int team, int judge)
        {
            if (team < 0)
            {
                driven.Wait(number, type, e.At);
            }
            else
            {
                driven.File(number, type, e.At, team, judge);
            }
        }

        int Pull(LedgerEntry e)
        {
            var number = NumberOf(e);
            var team = court.TeamIndex(e.Team!);
            var next = driven.NextPull(team);
            var replayedJudge = NextJudge(team);
            if (next != number)
            {
                Differs(e, number, true, false, null, null, next is { } other
                    ? $"team {e.Team} would pull case {court.CaseId(other)} now, not {e.Case}"
                    : $"team {e.Team} would pull no waiting case now");
            }
            var judge = LedgerJudge(e, number, team, replayedJudge);
            driven.Assign(number, team, judge);
            return team;
        }

        // The team the case leaves (it may pull), or -1.
        int Designate(LedgerEntry e)
        {
            var number = NumberOf(e);
            var c = driven.Case(number)!;
            var team = court.TeamIndex(e.Team!);
            if (c.Status == CourtCaseStatus.Closed)
            {
                throw new InvalidOperationException($"case {e.Case} is closed");
            }
            var from = c.Status == CourtCaseStatus.Pending ? c.Team : -1;
            // The supervisor chose the team; the court names the judge in charge as the live court does, before the
            // case leaves its old team.
            var replayedJudge = NextJudge(team);
            if (from >= 0)
            {
                driven.Unassign(number);
            }
            var judge = LedgerJudge(e, number, team, replayedJudge);
            driven.Assign(number, team, judge);
            return from != team ? from : -1;
        }
    }

    private static bool SameDraw(LedgerDraw? a, LedgerDraw? b) =>
        a is null ? b is null
        : b is not null && a.Commitment == b.Commitment && a.Epoch == b.Epoch && a.Entity == b.Entity && a.Purpose == b.Purpose
            && a.Method == b.Method && (a.Weights ?? []).SequenceEqual(b.Weights ?? []);
}
