using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Supervision;

namespace Docket.Domain.Tests.Courts;

/// <summary>
/// The deadline watch split as the live service splits it — each team's docket finds its due cases, the court's index
/// the due cases no team holds, each case decides its own warnings (<see cref="CaseCommands.Warn"/>) for the court to
/// sequence (<see cref="CourtCommands.Ledger"/>), and the court moves its queue (<see cref="CourtCommands.WatchQueue"/>) —
/// issues exactly what the court-wide <see cref="CourtCommands.Watch(CourtState, DateTimeOffset)"/> issues.
/// </summary>
public sealed class TeamDeadlineWatchTests
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Team_watches_and_the_courts_own_share_issue_the_same_warnings_as_the_court_wide_watch()
    {
        var court = TestCourts.Yancheng();
        var secret = LedgerHash.NewSecret();
        var whole = new CourtState(court, _ => secret);
        var split = new CourtState(court, _ => secret);
        var dockets = Enumerable.Range(0, court.Layout.Teams.Count).Select(t => new OpenDocket(court, t)).ToList();
        dockets.ForEach(d => d.Watch(s_start));
        void Tell(IEnumerable<LedgerRecord> records)
        {
            foreach (var e in records.Select(r => LedgerEntry.Parse(r.Json)))
            {
                dockets.ForEach(d => d.Apply(e, n => split.Case(n)));
            }
        }
        CourtCommands.Open(whole, "yancheng", LedgerHash.Commitment(secret), s_start);
        Tell([CourtCommands.Open(split, "yancheng", LedgerHash.Commitment(secret), s_start)]);
        var registrar = new Actor("r", UserRoles.Registrar, court.Id, null, null);
        var clerk = new Actor("c", UserRoles.Clerk, court.Id, null, null);
        var president = new Actor("p", UserRoles.President, court.Id, null, null);
        var random = new Random(11);
        var types = court.CaseTypes.Where((t, i) => court.Layout.TypePool[i] >= 0).ToList();
        var at = s_start;
        var issued = 0;
        for (var step = 0; step < 700; step++)
        {
            at = at.AddHours(random.Next(1, 30));
            var roll = random.Next(6);
            if (roll is 0 or 1)
            {
                var request = new FilingRequest(types[random.Next(types.Count)].Id, false, RiskLevel.None, null, registrar);
                CourtCommands.File(whole, request, at);
                Tell(CourtCommands.File(split, request, at).Records);
            }
            else if (roll is 2 or 3 && whole.HeldCases.Where(c => c.Status == CourtCaseStatus.Pending).ToList() is { Count: > 0 } open)
            {
                var c = open[random.Next(open.Count)];
                if (CaseClock.IsLocked(court, c, at))
                {
                    CourtCommands.Unlock(whole, c.Number, "moving on", president, at);
                    Tell(CourtCommands.Unlock(split, c.Number, "moving on", president, at).Records);
                }
                if (roll == 3 && CaseProgress.NextStage(court, c) is { } stage)
                {
                    CourtCommands.Reach(whole, c.Number, stage, clerk, at);
                    Tell(CourtCommands.Reach(split, c.Number, stage, clerk, at).Records);
                }
                else if (roll == 2)
                {
                    CourtCommands.Designate(whole, c.Number, null, "related case", president, at);
                    Tell(CourtCommands.Designate(split, c.Number, null, "related case", president, at).Records);
                }
            }
            else
            {
                var expected = CourtCommands.Watch(whole, at).Warnings;
                var own = CourtCommands.WatchQueue(split, at);
                Tell(own.Records);
                var got = own.Warnings.ToList();
                void CaseWarns(long number)
                {
                    if (split.Case(number) is { } c && CaseCommands.Warn(court, c, at) is { } decision)
                    {
                        var ledgered = CourtCommands.Ledger(split, decision, at)!;
                        Tell(ledgered.Records);
                        got.AddRange(ledgered.Warnings);
                    }
                }
                foreach (var docket in dockets)
                {
                    docket.DueBy(at).ForEach(CaseWarns);
                }
                split.DueBy(at).Select(c => c.Number).ToList().ForEach(CaseWarns);
                Assert.Equal(Keys(expected), Keys(got));
                Assert.All(split.HeldCases, c => Assert.Empty(CaseClock.Unissued(court, c, at)));
                Assert.Empty(CourtCommands.Watch(split, at).Records);
                issued += got.Count;
            }
        }
        Assert.True(issued > 50, $"only {issued} warnings issued");
        Assert.Equal(whole.LastNumber, split.LastNumber);
        Assert.Equal(whole.WarningsIssued, split.WarningsIssued);
    }

    [Fact]
    public void A_cases_warnings_are_issued_once_and_not_on_a_record_that_moved_on_or_past_the_next_deadline_step()
    {
        var (court, state) = Opened();
        var registrar = new Actor("r", UserRoles.Registrar, court.Id, null, null);
        var president = new Actor("p", UserRoles.President, court.Id, null, null);
        var type = court.CaseTypes.First(t => t.Nodes.Count > 0 && court.Layout.TypePool[court.TypeIndex(t.Id)] >= 0).Id;
        CourtCommands.File(state, new FilingRequest(type, false, RiskLevel.None, null, registrar), s_start.AddHours(1));
        var c = state.Case(1)!;
        var earned = CaseClock.NextCheck(court, c, c.FiledAt)!.Value;

        var first = CaseCommands.Warn(court, c, earned)!;
        Assert.Equal(SystemActors.DeadlineWatcher, first.By);
        var step = first.HoldsUntil!.Value;
        Assert.Equal(CaseClock.NextStep(court, c, earned), step);
        // Recorded at the next step or later, the case may have earned more: decided again.
        Assert.Null(CourtCommands.Ledger(state, first, step));
        var ledgered = CourtCommands.Ledger(state, first, step.AddTicks(-1))!;
        Assert.NotEmpty(ledgered.Warnings);
        Assert.Equal(first.Entries.Length, ledgered.Warnings.Count);
        Assert.Equal(ledgered.Warnings.Count, ledgered.Warnings.Select(w => (w.Warning.Subject, w.Warning.Level, w.Warning.Due)).Distinct().Count());
        Assert.Null(CaseCommands.Warn(court, state.Case(1)!, earned));
        // The same decision again is stale: the record it was made on has moved on (the warnings are on it now).
        Assert.Null(CourtCommands.Ledger(state, first, step.AddTicks(-1)));

        var second = CaseCommands.Warn(court, state.Case(1)!, step)!;
        var other = court.Layout.Teams.First(t => t.Id != c.Team && t.Accepts.Contains(court.TypeIndex(type))).Id;
        Assert.Null(CourtCommands.Designate(state, 1, other, "related case", president, step).Refused);
        Assert.Null(CourtCommands.Ledger(state, second, step));
        Assert.NotNull(CourtCommands.Ledger(state, CaseCommands.Warn(court, state.Case(1)!, step)!, step));
    }

    [Fact]
    public void A_teams_caseload_gives_its_quota_attainment_from_the_courts_snapshot_and_its_news_and_a_judges_none()
    {
        var (court, state) = Opened();
        var registrar = new Actor("r", UserRoles.Registrar, court.Id, null, null);
        var clerk = new Actor("c", UserRoles.Clerk, court.Id, null, null);
        var fast = court.CaseTypes.First(t => t.Id == "simple_civil");
        var at = s_start;
        for (var i = 0; i < 3; i++)
        {
            CourtCommands.File(state, new FilingRequest(fast.Id, false, RiskLevel.None, null, registrar), at = at.AddHours(1));
        }
        var team = court.TeamIndex(state.Case(1)!.Team!);
        var docket = new OpenDocket(court, state.Docket(team, null));
        while (state.Case(1) is { Status: CourtCaseStatus.Pending } c && CaseProgress.NextStage(court, c) is { } stage)
        {
            foreach (var e in CourtCommands.Reach(state, 1, stage, clerk, at = at.AddHours(1)).Records.Select(r => LedgerEntry.Parse(r.Json)))
            {
                docket.Apply(e, n => state.Case(n));
            }
        }
        Assert.Equal(CourtCaseStatus.Closed, state.Case(1)!.Status);

        // Team "fast" has a quota of 1,200 cases a year: one case closed, a year after the ledger began.
        var yearOn = s_start.AddDays(365);
        Assert.Equal(1.0 / 1200, docket.Caseload(yearOn).QuotaAttainment!.Value, 12);
        Assert.Equal(1.0 / 1200, new OpenDocket(court, state.Docket(team, null)).Caseload(yearOn).QuotaAttainment!.Value, 12);
        var judge = state.Case(1)!.Judge!;
        Assert.Null(new OpenDocket(court, state.Docket(team, judge)).Caseload(yearOn).QuotaAttainment);
    }

    /// <summary>The yancheng-nodes court's state with its ledger opened.</summary>
    private static (Court Court, CourtState State) Opened()
    {
        var court = TestCourts.Yancheng();
        var secret = LedgerHash.NewSecret();
        var state = new CourtState(court, _ => secret);
        CourtCommands.Open(state, "yancheng", LedgerHash.Commitment(secret), s_start);
        return (court, state);
    }

    private static List<string> Keys(IEnumerable<CourtWarning> warnings) =>
        [.. warnings.Select(w => $"{w.Case}|{w.Team}|{w.Warning.Subject}|{w.Warning.Level}|{w.Warning.Due:O}|{w.Warning.At:O}").Order(StringComparer.Ordinal)];
}
