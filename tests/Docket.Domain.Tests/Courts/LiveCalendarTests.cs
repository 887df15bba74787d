using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Deadlines;
using Docket.Domain.Ledger;
using Docket.Domain.Scenarios;
using Docket.Domain.Supervision;

namespace Docket.Domain.Tests.Courts;

/// <summary>The live court's deadlines by the scenario's calendar: working-day nodes skip holidays, suspended stages hold the limit.</summary>
public sealed class LiveCalendarTests
{
    private static readonly TimeSpan s_beijing = TimeSpan.FromHours(8);

    private static Court DatedCourt()
    {
        var loaded = ScenarioLoader.Load("""
            name: dated
            calendar:
              start_date: 2026-01-01
              holidays: [ { name: Spring Festival, from: 2026-02-15, to: 2026-02-23 } ]
              make_up_days: [2026-02-14, 2026-02-28]
            case_types:
              - id: civil
                time_limit_days: 90
                effort:
                  service: { dist: fixed, hours: 1 }
                  wait_appraisal: { dist: fixed, days: 20, suspends_limit: true }
                  judgment: { dist: fixed, hours: 2 }
                nodes:
                  - { id: served, stage: service, within_working_days: 7 }
                  - { id: judged, stage: judgment, within_days: 80 }
            intake: [ { type: civil, per_year: 100 } ]
            teams: [ { id: t, count: 2, members: { judge: 1 }, accepts: [civil] } ]
            """, "dated.yaml");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        return new Organization(loaded.Scenario!, "dated.yaml").Court("dated")!;
    }

    private static (CourtState State, Actor Clerk) Open(Court court, DateTimeOffset at)
    {
        var secret = LedgerHash.NewSecret();
        var state = new CourtState(court, _ => secret);
        CourtCommands.Open(state, "dated", LedgerHash.Commitment(secret), at);
        return (state, new Actor("c", UserRoles.Clerk, court.Id, null, null));
    }

    [Fact]
    public void A_working_day_node_filed_before_the_spring_festival_falls_due_after_it()
    {
        var court = DatedCourt();
        var filed = new DateTimeOffset(2026, 2, 12, 10, 0, 0, s_beijing);
        var (state, _) = Open(court, filed);
        CourtCommands.File(state, new FilingRequest("civil", false, RiskLevel.None, null, new Actor("r", UserRoles.Registrar, court.Id, null, null)), filed);
        var details = CaseClock.Details(court, state.HeldCases.Single(), filed);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, s_beijing), details.Deadlines.Single(d => d.Node == "served").Due);
        Assert.Equal(filed.AddDays(80), details.Deadlines.Single(d => d.Node == "judged").Due);
    }

    [Fact]
    public void The_limit_stands_still_in_the_appraisal_and_moves_on_by_its_days()
    {
        var court = DatedCourt();
        var filed = new DateTimeOffset(2026, 3, 2, 9, 0, 0, s_beijing);
        var (state, clerk) = Open(court, filed);
        CourtCommands.File(state, new FilingRequest("civil", false, RiskLevel.None, null, new Actor("r", UserRoles.Registrar, court.Id, null, null)), filed);
        var served = filed.AddDays(1);
        CourtCommands.Reach(state, 1, "service", clerk, served);
        // In the appraisal, past the limit's warning time: no limit warning is earned while it stands still.
        var during = filed.AddDays(75);
        Assert.DoesNotContain(CaseClock.Unissued(court, state.HeldCases.Single(), during), w => w.Subject == WarningLevels.TimeLimit);
        CourtCommands.Reach(state, 1, "wait_appraisal", clerk, during);
        var limit = CaseClock.Details(court, state.HeldCases.Single(), during).LimitAt;
        Assert.Equal(filed.AddDays(90 + 74), limit);
    }

    [Fact]
    public void A_watch_over_a_dated_court_with_suspended_stages_leaves_no_unissued_warning()
    {
        var court = DatedCourt();
        var at = new DateTimeOffset(2026, 2, 2, 9, 0, 0, s_beijing);
        var (state, clerk) = Open(court, at);
        var registrar = new Actor("r", UserRoles.Registrar, court.Id, null, null);
        var president = new Actor("p", UserRoles.President, court.Id, null, null);
        var random = new Random(11);
        var issued = 0;
        for (var step = 0; step < 500; step++)
        {
            at = at.AddHours(random.Next(1, 60));
            switch (random.Next(4))
            {
                case 0:
                    CourtCommands.File(state, new FilingRequest("civil", false, RiskLevel.None, null, registrar), at);
                    break;
                case 1 when state.HeldCases.Where(c => c.Status == CourtCaseStatus.Pending).ToList() is { Count: > 0 } open:
                    var c = open[random.Next(open.Count)];
                    if (CaseProgress.NextStage(court, c) is { } stage)
                    {
                        if (CaseClock.IsLocked(court, c, at))
                        {
                            CourtCommands.Unlock(state, c.Number, "moving on", president, at);
                        }
                        CourtCommands.Reach(state, c.Number, stage, clerk, at);
                    }
                    break;
                default:
                    issued += CourtCommands.Watch(state, at).Warnings.Count;
                    Assert.All(state.HeldCases, c => Assert.Empty(CaseClock.Unissued(court, c, at)));
                    break;
            }
        }
        Assert.True(issued > 20, $"only {issued} warnings issued");
    }
}
