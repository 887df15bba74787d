using CsCheck;
using Docket.Domain.Access;
using Docket.Domain.Assignment;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Replay;
using Docket.Domain.Supervision;
using Docket.Domain.Tests.Courts;

namespace Docket.Domain.Tests.Replay;

/// <summary>
/// Issue 12, item 2: one random sequence of filings (flagged, major risk), closures, absences, escalations (the
/// deadline watcher), extensions and designations, given to the live court (<see cref="CourtCommands"/> on a
/// <see cref="CourtState"/>) and — as its ledger — to the simulator's driven court (<see cref="DrivenCourt"/>), which
/// decides every assignment itself: the same teams and judges decision by decision, and at the end the same case
/// on the same team with the same judge and the same waiting cases in the same pull order, and the same caseload
/// figures (pending, filed, closed, waiting, their ages, closure rate, clearance, the open work's spread) and balance
/// indicators (the simulator's count of them for summary.json, with limits extended and stood still); and each
/// case's record folded from its entries is the live court's.
/// </summary>
public sealed class CourtAgreementPropertyTests
{
    internal static readonly string[] s_assignments =
    [
        "{ policy: random }",
        "{ policy: weighted_random, weight_by: coefficient }",
        "{ policy: round_robin }",
        "{ policy: least_loaded }",
        "{ policy: deck, cards_per_judge: 2 }",
        "{ policy: pull, cap: 2, escalate_after_days: 0.3 }",
    ];

    private static readonly Dictionary<(int, int), Court> s_courts = [];

    [Fact]
    public void The_live_court_and_the_simulators_court_agree_on_every_team_judge_and_waiting_order()
    {
        Gen.Select(Gen.Int[0, s_assignments.Length - 1], Gen.Int[1, 2], Gen.Int[0, 99].Array[10, 90])
            .Sample((assignment, judges, ops) =>
            {
                var court = CourtOf(assignment, judges);
                var (live, lines) = Run(court, ops);
                var read = LedgerFile.Read(lines, "agreement.jsonl");
                var driven = new DrivenCourt(court);
                var result = LedgerReplay.Run(driven, read, LedgerFile.RevealedSecrets(read, "agreement.jsonl"), "agreement.jsonl");
                Assert.True(result.Reproduced, string.Join("\n", result.Mismatches));
                Assert.Equal(result.Cases, result.SameTeam);
                Assert.Equal(result.Cases, result.SameJudge);
                for (var n = 1; n <= live.LastNumber; n++)
                {
                    if (live.IsFinished(n))
                    {
                        Assert.Equal(CourtCaseStatus.Closed, driven.Case(n)!.Status);
                        continue;
                    }
                    var c = live.Case(n)!;
                    var d = driven.Case(c.Number)!;
                    Assert.Equal(c.Status, d.Status);
                    if (d.Status == CourtCaseStatus.Pending)
                    {
                        Assert.Equal(c.Team, court.Layout.Teams[d.Team].Id);
                        Assert.Equal(c.Judge, JudgeInCharge.Name(c.Team!, d.Judge));
                    }
                }
                Assert.Equal(live.Queue().Select(q => (q.Pool, q.Case.Number)), driven.Queue());

                // Each case in progress read back from the ledger — the entries that name it, folded — is the live
                // court's record, field for field and to its version.
                var entries = read.Select(r => r.Entry).ToList();
                for (var n = 1; n <= live.LastNumber; n++)
                {
                    if (live.Case(n) is { } held)
                    {
                        var folded = CaseEntries.Fold(court, entries.Where(e => e.Case == held.Id || (e.Kind == LedgerKinds.ReviewDraw && (e.Eligible ?? []).Contains(held.Id))));
                        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(held), System.Text.Json.JsonSerializer.Serialize(folded));
                        // And as a case's grain folds it: the entries storage reads back for it, through the court's
                        // mark, chain to the digest the court kept.
                        var stored = read.Select(r => new LedgerRecord(court.Id, r.Entry.Seq, r.Entry.Kind, r.Entry.Case, r.Text, r.Hash))
                            .Where(r => r.CaseId == held.Id || NamedCases.Besides(r).Contains(held.Id)).ToList();
                        var (grain, problem) = CaseEntries.FoldStored(court, held.Id, stored, held.Version, live.DigestOf(n));
                        Assert.Null(problem);
                        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(held), System.Text.Json.JsonSerializer.Serialize(grain));
                    }
                }

                // The same caseload figures, over the whole ledger and over a window that starts mid-way.
                var now = read[^1].Entry.At;
                var finished = new FinishedCaseTable();
                finished.Put(live.DrainFinished());
                foreach (var since in new DateTimeOffset?[] { null, LiveLedger.Start.AddMinutes(ops.Length * 80) })
                {
                    var kpis = CourtIndicators.Compute(live, finished, since, now);
                    Assert.Equal(Domain.Courts.Caseload.Of(kpis), driven.Caseload(since, now));
                    Assert.Equal(kpis.Balance.CaseloadGini, driven.CaseloadGini(), 12);
                    AssertSameBalance(kpis.Balance, driven.Balance(since, now));
                }
            }, iter: 300);
    }

    /// <summary>
    /// The live court's balance indicators and those the simulator counts for summary.json from the same cases (the
    /// driven court's <see cref="DrivenCourt.Balance"/>): equal to the rounding of times into days.
    /// </summary>
    internal static void AssertSameBalance(BalanceKpi live, BalanceKpi simulated)
    {
        Assert.Equal(live.TimeLimitChangeRate, simulated.TimeLimitChangeRate, tolerance: 1e-9);
        Assert.Equal(live.TrialTimeIndex, simulated.TrialTimeIndex, tolerance: 1e-9);
        Assert.Equal(live.MediationAndSimpleShare, simulated.MediationAndSimpleShare, tolerance: 1e-9);
        Assert.Equal(live.LongPendingShare, simulated.LongPendingShare, tolerance: 1e-9);
        Assert.Equal(live.FileTransferDays, simulated.FileTransferDays);
        Assert.Equal(live.CaseloadGini, simulated.CaseloadGini, 12);
        Assert.Equal(live.Index, simulated.Index, tolerance: 1e-9);
    }

    internal static Court CourtOf(int assignment, int judges)
    {
        lock (s_courts)
        {
            if (!s_courts.TryGetValue((assignment, judges), out var court))
            {
                s_courts[(assignment, judges)] = court = ReplayCourts.Of(s_assignments[assignment], judges);
            }
            return court;
        }
    }

    /// <summary>The operations on the live court, each code one command; the secret revealed at the end.</summary>
    /// <param name="afterEach">Called with the live court and its ledger so far after each command.</param>
    internal static (CourtState Live, List<string> Lines) Run(Court court, int[] ops, Action<CourtState, List<string>>? afterEach = null)
    {
        var secret = LiveLedger.Secret(1, 1);
        var live = new CourtState(court, e => LiveLedger.Secret(1, e)) { TracksFinished = true };
        var at = LiveLedger.Start;
        var lines = new List<string> { CourtCommands.Open(live, "agreement", LedgerHash.Commitment(secret), at).Json };
        var registrar = new Actor("registrar", UserRoles.Registrar, court.Id, null, null);
        var clerk = new Actor("clerk", UserRoles.Clerk, court.Id, null, null);
        var president = new Actor("president", UserRoles.President, court.Id, null, null);
        foreach (var op in ops)
        {
            at = at.AddMinutes(10 + (op * 3));
            var open = live.HeldCases.Where(c => c.Status == CourtCaseStatus.Pending).ToList();
            CommandEffect effect;
            if (op < 55 || open.Count == 0 && op < 80)
            {
                effect = CourtCommands.File(live, new FilingRequest(op % 2 == 0 ? "civil" : "criminal", op % 11 == 0, op % 13 == 0 ? RiskLevel.Major : RiskLevel.None, null, registrar), at);
            }
            else if (op < 80)
            {
                var c = open[op % open.Count];
                effect = new CommandEffect();
                // A four-type case is referred, heard and released before its closing stage (rules version 5).
                foreach (var held in FourTypeMeeting.BeforeClosing(live, c.Number, at))
                {
                    Assert.True(held.Refused is null, held.Refused?.Error);
                    effect.Records.AddRange(held.Records);
                }
                // Every third time only the next stage, so open cases carry work done.
                var stages = court.CaseTypes[court.TypeIndex(c.Type)].Stages.Select(s => s.Task).Skip(c.StagesDone);
                foreach (var stage in op % 3 == 0 ? stages.Take(1) : stages)
                {
                    if (live.Case(c.Number)!.Status != CourtCaseStatus.Pending)
                    {
                        break;
                    }
                    var reached = CourtCommands.Reach(live, c.Number, stage, clerk, at);
                    Assert.True(reached.Refused is null, reached.Refused?.Error);
                    effect.Records.AddRange(reached.Records);
                }
            }
            else if (op < 84 && open.Count > 0)
            {
                // The president extends an open case's limit; refused (nothing of its own ledgered) once it has had its one.
                var c = open[op % open.Count];
                effect = CourtCommands.Extend(live, c.Number, 1, "more time for the parties", president, at);
            }
            else if (op < 88)
            {
                var team = court.Layout.Teams[op % court.Layout.Teams.Count].Id;
                effect = CourtCommands.MarkAbsent(live, team, at, at.AddHours(2 + op), "leave", president, at);
            }
            else if (op < 95 || open.Count == 0)
            {
                effect = CourtCommands.Watch(live, at);
            }
            else
            {
                effect = CourtCommands.Designate(live, open[op % open.Count].Number, null, "conflict of interest", president, at);
            }
            lines.AddRange(effect.Records.Select(r => r.Json));
            afterEach?.Invoke(live, lines);
        }
        lines.Add(CourtCommands.RotateSeed(live, secret, LedgerHash.Commitment(LiveLedger.Secret(1, 2)), new Actor("admin", UserRoles.Admin, null, null, null), at).Json);
        return (live, lines);
    }
}
