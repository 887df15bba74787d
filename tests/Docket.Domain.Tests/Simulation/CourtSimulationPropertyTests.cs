using System.Globalization;
using CsCheck;
using Docket.Domain.Assignment;
using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Intake;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Staffing;
using Docket.Domain.Statistics;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Simulation;

/// <summary>
/// Random small courts run through the simulator: 1–20 teams in 1–4 groups, 1–4 case types in 1–3 categories, random
/// accepts, caps or none, every policy (per court and per group), designation, escalation, absences, seasonality,
/// mediation, backlog, shared pools, waits and either calendar. Whatever the court, no case is lost, every case goes to a
/// team that accepts it (of its type's pool, or a leader's team when designated), no team ever holds more pending cases
/// of a category than its cap, nobody is given a case while away, and no case waits while a team of its pool could take it.
/// </summary>
public sealed class CourtSimulationPropertyTests
{
    private const int Iterations = 250;

    [Fact]
    public void No_case_is_lost_and_the_summary_balances()
    {
        s_court.Sample(genes =>
        {
            var (scenario, _) = Build(genes);
            var simulation = TestCourts.Simulate(scenario);
            var stats = CourtStatisticsCollector.Collect(simulation);
            var summary = SummaryBuilder.Replication(scenario, scenario.Seed, [stats]);
            var cases = summary.Cases;

            // The contract's two identities.
            Assert.Equal(cases.Received, cases.Mediated + cases.InMediationEnd + cases.Filed);
            Assert.Equal(cases.PendingStart + cases.Filed, cases.Closed + cases.PendingEnd);
            // Every dispute received in the window, or in mediation when it opened, is mediated, still in mediation, or filed.
            Assert.Equal(stats.ReceivedInWindow + stats.InMediationStart, stats.Mediated + stats.InMediationEnd + stats.Filed);

            // Every record is in one consistent state, its times in order and inside the run.
            var backlog = 0;
            foreach (ref readonly var c in simulation.Cases)
            {
                CheckRecord(in c, scenario.Days);
                backlog += (c.Flags & CaseFlags.Backlog) != 0 ? 1 : 0;
            }
            Assert.Equal(scenario.Courts[0].Backlog.Sum(b => b.Count), backlog);

            // Months, types and teams add up to the totals.
            Assert.Equal(stats.Filed, stats.Months.Sum(m => m.Filed));
            Assert.Equal(stats.Closed, stats.Months.Sum(m => m.Closed));
            Assert.Equal(stats.PendingStart, stats.Months[0].PendingStart);
            Assert.Equal(stats.PendingEnd, stats.Months[^1].PendingEnd);
            for (var m = 0; m < stats.Months.Length; m++)
            {
                var month = stats.Months[m];
                Assert.Equal(month.PendingStart + month.Filed - month.Closed, month.PendingEnd);
                if (m > 0)
                {
                    Assert.Equal(stats.Months[m - 1].PendingEnd, month.PendingStart);
                }
            }
            Assert.Equal(stats.Filed, stats.Types.Sum(t => t.Filed));
            Assert.Equal(stats.Closed, stats.Types.Sum(t => t.Closed));
            Assert.Equal(stats.Closed, stats.Teams.Sum(t => t.Closed));
            Assert.Equal(stats.PendingEnd, stats.Teams.Sum(t => t.PendingEnd) + stats.WaitingEnd);
            Assert.All(stats.Teams, t => Assert.InRange(t.Utilization, 0.0, 1.0 + 1e-9));
            Assert.All(stats.TimeToDisposition, days => Assert.True(days >= 0));
        }, iter: Iterations, print: Describe);
    }

    [Fact]
    public void Every_case_goes_to_a_present_team_that_accepts_it_and_no_cap_is_ever_exceeded()
    {
        s_court.Sample(genes =>
        {
            var (scenario, absences) = Build(genes);
            var (spec, id) = scenario.ExpandCourts().Single();
            var layout = new CourtLayout(scenario, spec, id, prefixTeamIds: false);

            // Stepped through the run, no case ever waits while a team of its pool could take it.
            var stepped = new CourtSimulation(layout, scenario.Seed);
            const int Steps = 40;
            for (var k = 1; k <= Steps; k++)
            {
                stepped.AdvanceTo(scenario.Days * k / (double)Steps);
                CheckNobodyIdlesWhileCasesWait(stepped, absences);
            }

            // Stepping changes nothing: the records are those of one straight run, which the same seed reproduces.
            var straight = TestCourts.Simulate(scenario);
            Assert.Equal(CourtSimulationTests.Fingerprint(straight), CourtSimulationTests.Fingerprint(stepped));

            var records = straight.Cases.ToArray();
            foreach (var c in records.Where(c => c.Team >= 0))
            {
                var team = layout.Teams[c.Team];
                Assert.True(team.Accepts.Contains(c.Type), $"team {team.Id} was given type {c.Type}, which it does not accept");
                // A drawn or pulled case stays in its type's pool; a designated one goes to a leader's team anywhere in the court.
                Assert.True(layout.TypePool[c.Type] == team.Pool || (c.Flags & CaseFlags.Designated) != 0,
                    $"team {team.Id} of pool {team.Pool} was given a case of type {c.Type} (pool {layout.TypePool[c.Type]}) on day {c.Assigned:F2}, flags {c.Flags}");
                foreach (var (from, to) in absences[c.Team])
                {
                    Assert.False(c.Assigned > from && c.Assigned < to, $"team {team.Id} was given a case on day {c.Assigned} while away from {from} to {to}");
                }
                if ((c.Flags & CaseFlags.Designated) != 0)
                {
                    Assert.True(team.Leader, $"a designated case went to {team.Id}, which no leader leads");
                    Assert.True((c.Flags & CaseFlags.Flagged) != 0);
                }
            }
            Assert.Equal(straight.Designations, records.Count(c => (c.Flags & CaseFlags.Designated) != 0));
            Assert.Equal(straight.Escalations, records.Count(c => (c.Flags & CaseFlags.Escalated) != 0));
            CheckCapsByReplay(layout, records);
        }, iter: Iterations, print: Describe);
    }

    /// <summary>Status, times and team agree; times lie in [received, days).</summary>
    private static void CheckRecord(in CaseRecord c, int days)
    {
        Assert.True(c.Received < days);
        switch (c.Status)
        {
            case CaseStatus.InMediation:
                Assert.True(double.IsNaN(c.Filed) && double.IsNaN(c.Closed) && c.Team < 0);
                break;
            case CaseStatus.Mediated:
                Assert.True(double.IsNaN(c.Filed) && c.Team < 0 && c.Closed >= c.Received && c.Closed < days);
                break;
            case CaseStatus.Waiting:
                Assert.True(c.Filed >= c.Received && c.Filed < days && c.Team < 0 && double.IsNaN(c.Assigned));
                break;
            case CaseStatus.InProgress:
                Assert.True(c.Filed >= c.Received && c.Team >= 0 && c.Assigned >= Math.Max(0, c.Filed) && c.Assigned < days && double.IsNaN(c.Closed));
                break;
            case CaseStatus.Closed:
                Assert.True(c.Filed >= c.Received && c.Team >= 0 && c.Assigned >= Math.Max(0, c.Filed) && c.Closed >= c.Assigned && c.Closed < days);
                break;
            default:
                Assert.Fail($"unknown status {c.Status}");
                break;
        }
    }

    /// <summary>At the simulation's current time, no waiting case could be taken by a present team of its pool under its cap.</summary>
    private static void CheckNobodyIdlesWhileCasesWait(CourtSimulation simulation, List<(double From, double To)>[] absences)
    {
        var layout = simulation.Layout;
        var now = simulation.Now;
        var categories = layout.CategoryNames.Count;
        var pending = new int[layout.Teams.Count, categories];
        foreach (ref readonly var c in simulation.Cases)
        {
            if (c.Status == CaseStatus.InProgress)
            {
                pending[c.Team, layout.TypeCategory[c.Type]]++;
            }
        }
        foreach (ref readonly var c in simulation.Cases)
        {
            if (c.Status != CaseStatus.Waiting)
            {
                continue;
            }
            var category = layout.TypeCategory[c.Type];
            foreach (var t in layout.PoolTeams[layout.TypePool[c.Type]])
            {
                var team = layout.Teams[t];
                // Events before `now` have run: an absence from `from` to `to` holds when from < now ≤ to.
                var away = absences[t].Any(a => a.From < now && now <= a.To);
                Assert.False(team.Accepts.Contains(c.Type) && !away && pending[t, category] < (team.Cap ?? int.MaxValue),
                    $"day {now:F2}: a case of type {c.Type} filed on day {c.Filed:F2} waits while {team.Id} could take it ({pending[t, category]} pending, cap {team.Cap})");
            }
        }
    }

    /// <summary>Replays assignments (+1) and closures (−1) per team and category: the open count never exceeds the cap.</summary>
    private static void CheckCapsByReplay(CourtLayout layout, CaseRecord[] records)
    {
        var changes = new Dictionary<(int Team, int Category), List<(double Time, int Delta)>>();
        foreach (var c in records.Where(c => c.Team >= 0))
        {
            var key = (c.Team, layout.TypeCategory[c.Type]);
            if (!changes.TryGetValue(key, out var list))
            {
                changes[key] = list = [];
            }
            list.Add((c.Assigned, +1));
            if (c.Status == CaseStatus.Closed)
            {
                list.Add((c.Closed, -1));
            }
        }
        foreach (var ((team, category), list) in changes)
        {
            var cap = layout.Teams[team].Cap ?? int.MaxValue;
            var open = 0;
            // At equal times the closure comes first: a team that closes a case pulls the next one at that instant.
            foreach (var (time, delta) in list.OrderBy(x => x.Time).ThenBy(x => x.Delta))
            {
                open += delta;
                Assert.True(open <= cap, $"team {layout.Teams[team].Id} held {open} cases of category {layout.CategoryNames[category]} on day {time:F2}, over its cap of {cap}");
                Assert.True(open >= 0);
            }
        }
    }

    // ---- The random courts ----

    private sealed record StageGene(int Role, bool Fixed, double Hours);

    private sealed record TypeGene(int Category, double Weight, int Priority, double Flagged, StageGene[] Stages);

    private sealed record PolicyGene(AssignmentPolicyKind Kind, int? Cap, bool ByLeaderShare, int Cards, int ChiefCards, double? EscalateAfter, bool Designate);

    private sealed record GroupGene(int Count, int Lead, int ExtraJudges, int Clerks, int Assistants, int AcceptMask, int? Cap, PolicyGene? Own);

    private sealed record MediationGene(double Share, double Success, double Days);

    private sealed record StreamGene(double PerYear, int TypeA, int TypeB, double ShareA, double[]? Seasonality, MediationGene? Mediation);

    private sealed record AbsenceGene(int Team, double From, double Length);

    private sealed record BacklogGene(int Type, int Count, bool Fixed, double AgeDays);

    private sealed record PoolGene(int Clerks, int Tasks, bool FirstGroupOnly);

    private sealed record CourtGenes(
        uint Seed, int Days, double WarmupShare, bool Workweek, TypeGene[] Types, GroupGene[] Groups, PolicyGene Policy,
        StreamGene[] Intake, AbsenceGene[] Absences, BacklogGene? Backlog, PoolGene? Pool);

    /// <summary>Stage roles: the judge, a clerk, an assistant, or nobody (a wait of calendar days).</summary>
    private static readonly string[] s_stageRoles = [RoleCatalog.Judge, RoleCatalog.Clerk, RoleCatalog.Assistant, ""];

    private static readonly string[] s_stageTasks = ["judgment", "service", "preparation", "wait"];

    private static readonly string[] s_leads = [RoleCatalog.Judge, RoleCatalog.DivisionHead, RoleCatalog.President];

    private static Gen<T?> OrNull<T>(Gen<T> gen, int nullOneIn)
        where T : class => Gen.Select(Gen.Int[0, nullOneIn - 1], gen, (roll, value) => roll == 0 ? null : value);

    private static readonly Gen<PolicyGene> s_policy = Gen.Select(
        Gen.Enum<AssignmentPolicyKind>(), Gen.Int[-3, 4], Gen.Bool, Gen.Int[1, 3], Gen.Int[1, 2], Gen.Int[-20, 20], Gen.Int[0, 3],
        (kind, cap, leader, cards, chief, escalate, designate) =>
            new PolicyGene(kind, cap > 0 ? cap : null, leader, cards, chief, escalate > 0 ? escalate : null, designate != 0));

    private static readonly Gen<TypeGene> s_type = Gen.Select(
        Gen.Int[0, 2], Gen.OneOf(0.25, 0.3, 1.0, 2.0), Gen.Int[0, 2], Gen.OneOf(0.0, 0.0, 0.3),
        Gen.Select(Gen.Int[0, 3], Gen.Bool, Gen.Double[1, 60], (role, fix, hours) => new StageGene(role, fix, role == 3 ? hours / 4 : hours)).Array[1, 3],
        (category, weight, priority, flagged, stages) => new TypeGene(category, weight, priority, flagged, stages));

    private static readonly Gen<GroupGene> s_group = Gen.Select(
        Gen.Int[1, 5], Gen.Int[0, 2], Gen.Int[0, 1], Gen.Int[0, 2], Gen.Int[0, 1], Gen.Int[1, 15], Gen.Int[-3, 4], OrNull(s_policy, 3),
        (count, lead, extra, clerks, assistants, mask, cap, own) =>
            new GroupGene(count, lead, extra, clerks, assistants, mask, cap > 0 ? cap : null, own is { } o && o.Kind != AssignmentPolicyKind.Random ? o : null));

    private static readonly Gen<StreamGene> s_stream = Gen.Select(
        Gen.Double[20, 800], Gen.Int[0, 19], Gen.Int[0, 19], Gen.Double[0.2, 1],
        OrNull(Gen.Double[0, 2].Array[12], 2),
        OrNull(Gen.Select(Gen.Double[0, 1], Gen.Double[0, 1], Gen.Double[0.5, 40], (share, success, days) => new MediationGene(share, success, days)), 2),
        (perYear, a, b, shareA, seasonality, mediation) => new StreamGene(perYear, a, b, shareA, seasonality, mediation));

    private static readonly Gen<CourtGenes> s_court = Gen.Select(
        Gen.Select(Gen.UInt, Gen.Int[60, 600], Gen.Double[0, 0.4], Gen.Bool, s_type.Array[1, 4], s_group.Array[1, 4], s_policy, s_stream.Array[1, 2]),
        Gen.Select(
            Gen.Select(Gen.Int[0, 19], Gen.Double[1, 600], Gen.Double[1, 60], (team, from, length) => new AbsenceGene(team, from, length)).Array[0, 5],
            OrNull(Gen.Select(Gen.Int[0, 19], Gen.Int[1, 30], Gen.Bool, Gen.Double[1, 300], (type, count, fix, age) => new BacklogGene(type, count, fix, age)), 2),
            OrNull(Gen.Select(Gen.Int[1, 3], Gen.Int[0, 2], Gen.Bool, (clerks, tasks, first) => new PoolGene(clerks, tasks, first)), 2)),
        (a, b) => new CourtGenes(a.Item1, a.Item2, a.Item3, a.Item4, a.Item5, a.Item6, a.Item7, a.Item8, b.Item1, b.Item2, b.Item3));

    private static AssignmentSpec Spec(PolicyGene p) => new(
        p.Kind,
        Cap: p.Kind == AssignmentPolicyKind.Pull ? p.Cap ?? 2 : p.Cap,
        WeightBy: p.ByLeaderShare ? WeightBasis.LeaderShare : WeightBasis.Coefficient,
        CardsPerJudge: p.Cards,
        ChiefCards: p.ChiefCards,
        EscalateAfterDays: p.EscalateAfter,
        Designated: p.Designate ? DesignationTarget.Leader : DesignationTarget.None);

    /// <summary>The scenario the genes describe, and each team's absences (non-overlapping, as (from, to)).</summary>
    private static (Scenario Scenario, List<(double From, double To)>[] Absences) Build(CourtGenes g)
    {
        var types = g.Types.Select((t, i) => new CaseType($"k{i}", $"c{t.Category}", CaseTrack.Ordinary, t.Weight, null, t.Priority,
            [.. t.Stages.Select(s => new EffortStage(s_stageTasks[s.Role], s_stageRoles[s.Role],
                s.Fixed ? new FixedEffort(s.Hours) : new ExponentialEffort(s.Hours)))], t.Flagged)).ToList();
        var all = (1 << types.Count) - 1;

        var groups = new List<TeamGroup>();
        var teamIds = new List<string>();
        var accepted = new SortedSet<int>();
        for (var i = 0; i < g.Groups.Length; i++)
        {
            var gene = g.Groups[i];
            var mask = gene.AcceptMask & all;
            mask = mask == 0 ? 1 << (i % types.Count) : mask;
            var accepts = Enumerable.Range(0, types.Count).Where(t => (mask >> t & 1) == 1).ToList();
            accepted.UnionWith(accepts);
            var members = new Dictionary<string, int> { [s_leads[gene.Lead]] = 1 };
            if (gene.ExtraJudges > 0)
            {
                members[RoleCatalog.Judge] = members.GetValueOrDefault(RoleCatalog.Judge) + gene.ExtraJudges;
            }
            if (gene.Clerks > 0)
            {
                members[RoleCatalog.Clerk] = gene.Clerks;
            }
            if (gene.Assistants > 0)
            {
                members[RoleCatalog.Assistant] = gene.Assistants;
            }
            var id = $"g{i}";
            var own = gene.Own is { } p ? Spec(p) : null;
            groups.Add(new TeamGroup(id, TeamKind.General, gene.Count, members, [.. accepts.Select(t => $"k{t}")], null, gene.Cap, own));
            teamIds.AddRange(Enumerable.Range(1, gene.Count).Select(n => $"{id}-{n}"));
        }
        var filedTypes = accepted.ToList();

        var intake = g.Intake.Select(s =>
        {
            var a = filedTypes[s.TypeA % filedTypes.Count];
            var b = filedTypes[s.TypeB % filedTypes.Count];
            List<TypeShare> mix = a == b ? [new($"k{a}", 1)] : [new($"k{a}", s.ShareA), new($"k{b}", 1 - s.ShareA + 0.01)];
            var seasonality = s.Seasonality is { } f ? f.Select((x, m) => m == 0 ? x + 0.1 : x).ToList() : null;
            var mediation = s.Mediation is { } med ? new MediationSpec(med.Share, med.Success, new FixedEffort(med.Days)) : null;
            return new IntakeStream(mix, s.PerYear, seasonality, mediation);
        }).ToList();

        // Absences of one team never overlap nor touch (overlapping ones are a known, separately tested case).
        var absences = teamIds.Select(_ => new List<(double From, double To)>()).ToArray();
        foreach (var a in g.Absences.OrderBy(a => a.From))
        {
            var team = a.Team % teamIds.Count;
            var from = Math.Min(a.From, g.Days - 1);
            if (absences[team].Count == 0 || absences[team][^1].To + 0.5 < from)
            {
                absences[team].Add((from, from + a.Length));
            }
        }
        var absenceList = absences.SelectMany((list, t) => list.Select(x => new Absence(teamIds[t], x.From, x.To, "leave"))).ToList();

        var backlog = g.Backlog is { } bl
            ? new List<BacklogEntry> { new($"k{filedTypes[bl.Type % filedTypes.Count]}", bl.Count, bl.Fixed ? new FixedEffort(bl.AgeDays) : new ExponentialEffort(bl.AgeDays)) }
            : [];
        var pools = g.Pool is { } pool
            ? new List<SharedPool>
            {
                new("centre", new Dictionary<string, int> { [RoleCatalog.Clerk] = pool.Clerks },
                    [pool.Tasks switch { 0 => RoleCatalog.Clerk, 1 => "service", _ => RoleCatalog.Assistant }],
                    pool.FirstGroupOnly ? ["g0"] : null),
            }
            : [];

        var warmup = (int)(g.Days * g.WarmupShare);
        var scenario = TestCourts.Court(types, intake, groups, Spec(g.Policy), g.Days, warmup, g.Seed, pools, absenceList, backlog,
            g.Workweek ? new WorkCalendar(5, 8) : WorkCalendar.Continuous);
        return (scenario, absences);
    }

    private static string Describe(CourtGenes g)
    {
        static string F(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);
        static string Policy(PolicyGene p) =>
            $"{AssignmentPolicyNames.NameOf(p.Kind)}(cap {p.Cap?.ToString(CultureInfo.InvariantCulture) ?? "-"}, {(p.ByLeaderShare ? "leader share" : "coefficient")}, cards {p.Cards}/{p.ChiefCards}, escalate {(p.EscalateAfter is { } e ? F(e) : "-")}, designate {p.Designate})";
        var (scenario, absences) = Build(g);
        var court = scenario.Courts[0];
        var lines = new List<string>
        {
            $"seed {g.Seed}, {g.Days} days, warm-up {scenario.WarmupDays}, calendar {scenario.Calendar.DaysPerWeek}x{F(scenario.Calendar.HoursPerDay)}, court policy {Policy(g.Policy)}",
        };
        lines.AddRange(scenario.CaseTypes.Select(t =>
            $"  type {t.Id}: category {t.Category}, weight {F(t.Weight)}, priority {t.Priority}, flagged {F(t.FlaggedShare)}, stages {string.Join(" + ", t.Stages.Select(s => $"{(s.IsWait ? "wait" : s.Role)} {s.Effort}"))}"));
        lines.AddRange(court.Teams.Select((t, i) =>
            $"  group {t.Id} x{t.Count}: {string.Join(", ", t.Members.Select(m => $"{m.Key} {m.Value}"))}; accepts {string.Join(",", t.Accepts)}; cap {t.Cap?.ToString(CultureInfo.InvariantCulture) ?? "-"}; own policy {(g.Groups[i].Own is { } p ? Policy(p) : "-")}"));
        lines.AddRange(court.Intake.Select(s =>
            $"  intake {F(s.PerYear)}/year of {string.Join(", ", s.Mix.Select(m => $"{m.Type} {F(m.Share)}"))}; seasonality {(s.Seasonality is { } f ? string.Join(" ", f.Select(F)) : "-")}; mediation {(s.Mediation is { } m ? $"{F(m.Share)} settled {F(m.SuccessRate)} in {m.DurationDays}" : "-")}"));
        lines.AddRange(court.Absences.Select(a => $"  absence {a.Team} {F(a.FromDay)}–{F(a.ToDay)}"));
        lines.AddRange(court.Backlog.Select(b => $"  backlog {b.Count} of {b.Type}, age {b.AgeDays}"));
        lines.AddRange(court.Pools.Select(p => $"  pool {p.Id}: {p.Servers} for {string.Join(",", p.Tasks)} serving {(p.ServesGroups is { } s ? string.Join(",", s) : "all")}"));
        return string.Join(Environment.NewLine, lines);
    }
}
