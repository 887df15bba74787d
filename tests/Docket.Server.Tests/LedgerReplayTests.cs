using Docket.Abstractions.Live;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Scenarios;
using Docket.Domain.Supervision;
using Docket.Grains.Live;

namespace Docket.Server.Tests;

/// <summary>
/// The court's state machine without a server: under every policy, a ledger written by one court replays in a
/// fresh one with every draw re-made equal; a changed draw is found.
/// </summary>
public sealed class LedgerReplayTests
{
    [Theory]
    [InlineData("{ policy: random }")]
    [InlineData("{ policy: weighted_random, weight_by: coefficient }")]
    [InlineData("{ policy: weighted_random, weight_by: leader_share }")]
    [InlineData("{ policy: round_robin }")]
    [InlineData("{ policy: least_loaded }")]
    [InlineData("{ policy: deck, cards_per_judge: 2 }")]
    [InlineData("{ policy: pull, cap: 2 }")]
    public void A_ledger_replays_with_every_draw_re_made(string assignment)
    {
        var court = Court(assignment);
        var secret = LedgerHash.NewSecret();
        var live = new CourtState(court, _ => secret);
        var records = new List<LedgerRecord> { live.Append(Genesis(court, live, secret)) };
        var random = new Random(7);
        var at = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        for (var n = 1; n <= 300; n++)
        {
            at = at.AddMinutes(7);
            var type = random.Next(3) == 0 ? "criminal" : "civil";
            var flagged = random.Next(20) == 0;
            var decision = live.Decide(court.TypeIndex(type), flagged, RiskLevel.None, n);
            var team = decision.Team >= 0 ? court.Layout.Teams[decision.Team].Id : null;
            records.Add(live.Append(new LedgerEntry
            {
                Court = court.Id,
                Seq = live.Seq + 1,
                Kind = team is null ? LedgerKinds.Queue : LedgerKinds.Assign,
                At = at,
                Case = court.CaseId(n),
                Number = n,
                Type = type,
                Flagged = flagged,
                Risk = "none",
                Pool = court.PoolNames[decision.Pool],
                Policy = decision.Policy,
                Eligible = decision.Eligible,
                Draw = decision.Draw,
                Team = team,
                Judge = decision.Team >= 0 ? live.JudgeFor(decision.Team) : null,
                Prev = live.Head,
            }));
            // Close a random open case now and then: its team pulls a waiting case.
            if (random.Next(3) == 0 && live.Cases.Where(c => c.Status == CourtCase.Pending).ToList() is { Count: > 0 } open)
            {
                var c = open[random.Next(open.Count)];
                foreach (var stage in court.CaseTypes[court.TypeIndex(c.Type)].Stages.Select(s => s.Task))
                {
                    var (step, _, error) = CaseProgress.Resolve(court, live.Case(c.Number)!, stage);
                    Assert.True(step is not null, error);
                    records.Add(live.Append(new LedgerEntry
                    {
                        Court = court.Id,
                        Seq = live.Seq + 1,
                        Kind = LedgerKinds.Node,
                        At = at,
                        Case = c.Id,
                        Number = c.Number,
                        Node = stage,
                        Stages = step.Stages,
                        Nodes = step.Nodes,
                        Prev = live.Head,
                    }));
                }
                records.Add(live.Append(new LedgerEntry { Court = court.Id, Seq = live.Seq + 1, Kind = LedgerKinds.Close, At = at, Case = c.Id, Number = c.Number, Prev = live.Head }));
                var teamIndex = court.TeamIndex(c.Team!);
                while (live.NextPull(teamIndex) is { } next)
                {
                    records.Add(live.Append(new LedgerEntry
                    {
                        Court = court.Id,
                        Seq = live.Seq + 1,
                        Kind = LedgerKinds.Pull,
                        At = at,
                        Case = court.CaseId(next),
                        Number = next,
                        Policy = "pull",
                        Team = c.Team,
                        Judge = live.JudgeFor(teamIndex),
                        Prev = live.Head,
                    }));
                }
            }
        }

        var replay = new CourtState(court, _ => secret);
        foreach (var record in records)
        {
            Assert.Null(replay.Replay(record));
        }
        Assert.Equal(live.Head, replay.Head);
        Assert.Equal(live.Cases.Select(c => (c.Team, c.Status)), replay.Cases.Select(c => (c.Team, c.Status)));
        if (!assignment.Contains("round_robin", StringComparison.Ordinal) && !assignment.Contains("least_loaded", StringComparison.Ordinal))
        {
            Assert.True(replay.DrawsChecked > 100);
        }

        // The same ledger with one assignment moved to another eligible team (and re-hashed) is caught there.
        var victim = records.First(r => r.Kind == LedgerKinds.Assign && LedgerEntry.Parse(r.Json) is { Eligible.Length: > 1, Policy: not "designated" });
        var entry = LedgerEntry.Parse(victim.Json);
        var forged = (entry with { Team = entry.Eligible!.First(t => t != entry.Team) }).ToJson();
        var tampered = records.Select(r => r.Seq == victim.Seq ? r with { Json = forged, Hash = LedgerHash.Of(forged) } : r).ToList();
        var check = new CourtState(court, _ => secret);
        var first = tampered.Select(r => (r.Seq, Problem: check.Replay(r))).First(x => x.Problem is not null);
        Assert.Equal(victim.Seq, first.Seq);
    }

    private static Court Court(string assignment)
    {
        var yaml = $$"""
            name: replay
            seed: 3
            days: 365
            warmup_days: 0
            case_types:
              - { id: civil, category: civil, effort: { hearing: { dist: fixed, hours: 1 }, judgment: { dist: fixed, hours: 1 } } }
              - { id: criminal, category: criminal, effort: { judgment: { dist: fixed, hours: 2 } } }
            intake:
              - { type: civil, per_year: 100 }
            teams:
              - { id: civil, count: 4, template: "1+1", accepts: [civil], cap: 3 }
              - { id: lead, count: 2, template: "1+1+1+1", accepts: [civil, criminal], cap: 3 }
              - { id: criminal, count: 3, members: { judge: 2 }, accepts: [criminal], cap: 3 }
            assignment: {{assignment}}
            """;
        var loaded = ScenarioLoader.Load(yaml, "replay.yaml");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        var organization = new Organization(loaded.Scenario!, "replay.yaml");
        return organization.Court("replay")!;
    }

    private static LedgerEntry Genesis(Court court, CourtState state, string secret) => new()
    {
        Court = court.Id,
        Seq = 1,
        Kind = LedgerKinds.Genesis,
        At = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero),
        Organization = court.OrganizationHash,
        Epoch = 1,
        Commitment = LedgerHash.Commitment(secret),
        Prev = state.Head,
    };
}
