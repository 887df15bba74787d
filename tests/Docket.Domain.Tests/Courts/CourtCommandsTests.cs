using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Supervision;

namespace Docket.Domain.Tests.Courts;

public sealed class CourtCommandsTests
{
    private static readonly DateTimeOffset s_start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private static (Court Court, CourtState State, List<LedgerRecord> Records, string Secret) Opened()
    {
        var court = TestCourts.Replay("{ policy: random }");
        var secret = LedgerHash.NewSecret();
        var state = new CourtState(court, _ => secret);
        return (court, state, [CourtCommands.Open(state, "replay", LedgerHash.Commitment(secret), s_start)], secret);
    }

    [Fact]
    public void A_filing_by_anyone_but_a_registrar_of_the_court_is_refused_and_appends_nothing()
    {
        var (court, state, _, _) = Opened();
        var judge = new Actor("j", UserRoles.Judge, court.Id, "civil", "civil-1");
        var effect = CourtCommands.File(state, new FilingRequest("civil", false, RiskLevel.None, null, judge), s_start.AddHours(1));
        Assert.Equal(Outcome.Forbidden, effect.Refused?.Outcome);
        Assert.Empty(effect.Records);
        Assert.Equal(1, state.Seq);
    }

    [Fact]
    public void A_designation_whose_actor_is_rewritten_to_a_judge_fails_the_replay_check()
    {
        var (court, state, records, secret) = Opened();
        var registrar = new Actor("r", UserRoles.Registrar, court.Id, null, null);
        var president = new Actor("p", UserRoles.President, court.Id, null, null);
        var filed = CourtCommands.File(state, new FilingRequest("civil", false, RiskLevel.None, null, registrar), s_start.AddHours(1));
        records.AddRange(filed.Records);
        var from = state.Case(1)!.Team;
        var target = court.Layout.Teams.First(t => t.Id != from && t.Accepts.Contains(court.TypeIndex("civil"))).Id;
        var designated = CourtCommands.Designate(state, 1, target, "conflict of interest", president, s_start.AddHours(2));
        Assert.Null(designated.Refused);
        records.AddRange(designated.Records);

        var honest = new CourtState(court, _ => secret);
        Assert.All(records, r => Assert.Null(honest.Replay(r)));

        var entry = LedgerEntry.Parse(designated.OwnRecords[0].Json);
        var forged = (entry with { By = new LedgerActor("j", UserRoles.Judge) }).ToJson();
        var check = new CourtState(court, _ => secret);
        var problems = records.Select(r => r.Seq == entry.Seq ? r with { Json = forged, Hash = LedgerHash.Of(forged) } : r).Select(check.Replay).ToList();
        Assert.Contains("only division_head or president", problems[^1]);
    }

    [Fact]
    public void A_designation_to_a_team_away_says_it_is_away_not_at_its_cap()
    {
        var (court, state, _, _) = Opened();
        var registrar = new Actor("r", UserRoles.Registrar, court.Id, null, null);
        var president = new Actor("p", UserRoles.President, court.Id, null, null);
        Assert.Null(CourtCommands.File(state, new FilingRequest("civil", false, RiskLevel.None, null, registrar), s_start.AddHours(1)).Refused);
        var from = state.Case(1)!.Team;
        var target = court.Layout.Teams.First(t => t.Id != from && t.Accepts.Contains(court.TypeIndex("civil"))).Id;
        Assert.Null(CourtCommands.MarkAbsent(state, target, null, s_start.AddDays(10), "leave", president, s_start.AddHours(2)).Refused);

        var refused = CourtCommands.Designate(state, 1, target, "conflict of interest", president, s_start.AddHours(3)).Refused;
        Assert.Equal(Outcome.Conflict, refused?.Outcome);
        Assert.Equal($"team {target} cannot take the case now (it is away: an absence is under way)", refused?.Error);
    }

    [Fact]
    public void A_second_watch_at_the_same_moment_issues_nothing()
    {
        var (court, state, _, _) = Opened();
        var registrar = new Actor("r", UserRoles.Registrar, court.Id, null, null);
        for (var i = 0; i < 40; i++)
        {
            Assert.Null(CourtCommands.File(state, new FilingRequest(i % 3 == 0 ? "criminal" : "civil", false, RiskLevel.None, null, registrar), s_start.AddMinutes(i)).Refused);
        }
        var later = s_start.AddDays(400);
        CourtCommands.Watch(state, later);
        var again = CourtCommands.Watch(state, later);
        Assert.Empty(again.Records);
    }
}
