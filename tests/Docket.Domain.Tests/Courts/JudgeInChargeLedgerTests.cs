using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Supervision;

namespace Docket.Domain.Tests.Courts;

/// <summary>The live court names the judge in charge by the simulator's rule, and re-makes older ledgers by theirs.</summary>
public sealed class JudgeInChargeLedgerTests
{
    private static readonly DateTimeOffset s_start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_assignment_names_the_teams_judge_with_the_fewest_open_cases()
    {
        var court = TestCourts.Replay("{ policy: random }");
        var secret = LedgerHash.NewSecret();
        var state = new CourtState(court, _ => secret);
        CourtCommands.Open(state, "replay", LedgerHash.Commitment(secret), s_start);
        Assert.Equal(CourtRules.Version, state.RulesVersion);
        var registrar = new Actor("r", UserRoles.Registrar, court.Id, null, null);
        var clerk = new Actor("c", UserRoles.Clerk, court.Id, null, null);
        var random = new Random(11);
        for (var n = 1; n <= 400; n++)
        {
            var at = s_start.AddMinutes(n);
            var type = random.Next(2) == 0 ? "criminal" : "civil";
            var open = state.HeldCases.Where(c => c.Status == CourtCaseStatus.Pending).ToList();
            var effect = CourtCommands.File(state, new FilingRequest(type, false, RiskLevel.None, null, registrar), at);
            Assert.Null(effect.Refused);
            var filed = state.Case(effect.Case!.Value)!;
            if (filed.Team is { } team)
            {
                var judges = court.Layout.JudgesPerTeam[court.TeamIndex(team)];
                var fewest = Enumerable.Range(1, judges).Select(k => $"{team}/judge-{k}")
                    .MinBy(j => open.Count(c => c.Judge == j));
                Assert.Equal(fewest, filed.Judge);
            }
            if (random.Next(3) == 0 && state.HeldCases.Where(c => c.Status == CourtCaseStatus.Pending).ToList() is { Count: > 0 } pending)
            {
                var c = pending[random.Next(pending.Count)];
                foreach (var stage in court.CaseTypes[court.TypeIndex(c.Type)].Stages.Select(s => s.Task))
                {
                    Assert.Null(CourtCommands.Reach(state, c.Number, stage, clerk, at).Refused);
                }
            }
        }
    }

    [Fact]
    public void A_ledger_begun_before_the_rule_was_recorded_is_re_made_with_its_judges_in_turn()
    {
        var court = TestCourts.Replay("{ policy: round_robin }");
        var secret = LedgerHash.NewSecret();
        var legacy = new CourtState(court, _ => secret);
        var records = new List<LedgerRecord>
        {
            legacy.Append(new LedgerEntry
            {
                Court = court.Id,
                Seq = 1,
                Kind = LedgerKinds.Genesis,
                At = s_start,
                Organization = court.OrganizationHash,
                Epoch = 1,
                Commitment = LedgerHash.Commitment(secret),
                Prev = legacy.Head,
            }),
        };
        Assert.Equal(1, legacy.RulesVersion);
        var registrar = new Actor("r", UserRoles.Registrar, court.Id, null, null);
        var clerk = new Actor("c", UserRoles.Clerk, court.Id, null, null);
        var assigned = new Dictionary<string, int>();
        for (var n = 1; n <= 60; n++)
        {
            var effect = CourtCommands.File(legacy, new FilingRequest("criminal", false, RiskLevel.None, null, registrar), s_start.AddMinutes(n));
            records.AddRange(effect.Records);
            var c = legacy.Case(effect.Case!.Value)!;
            if (c.Team is { } team)
            {
                var judges = court.Layout.JudgesPerTeam[court.TeamIndex(team)];
                var turn = assigned.GetValueOrDefault(team);
                Assert.Equal($"{team}/judge-{(turn % judges) + 1}", c.Judge);
                assigned[team] = turn + 1;
                foreach (var stage in court.CaseTypes[court.TypeIndex(c.Type)].Stages.Select(s => s.Task))
                {
                    var reached = CourtCommands.Reach(legacy, c.Number, stage, clerk, s_start.AddMinutes(n));
                    records.AddRange(reached.Records);
                    assigned[team] += reached.Pulled.Count(p => p.Team == team);
                }
            }
        }
        var replay = new CourtState(court, _ => secret);
        Assert.All(records, r => Assert.Null(replay.Replay(r)));
    }
}
