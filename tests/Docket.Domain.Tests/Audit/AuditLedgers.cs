using Docket.Domain.Access;
using Docket.Domain.Assignment;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Replay;
using Docket.Domain.Scenarios;
using Docket.Domain.Supervision;
using Docket.Domain.Tests.Replay;

namespace Docket.Domain.Tests.Audit;

/// <summary>
/// Ledgers for the randomness audit, written with the live court's own code (<see cref="CourtState.Decide"/>, the
/// entry <see cref="CourtCommands.File"/> writes, <see cref="CourtState.Append"/>), so every hash and link is real.
/// An honest ledger files through <see cref="CourtCommands.File"/>; a skewed one records, for each draw, a team picked
/// with one team's chance raised by a factor instead of the draw's own — as an allocator that cheats would.
/// </summary>
public static class AuditLedgers
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A court of <paramref name="teams"/> one-judge teams taking civil cases, no caps, under <paramref name="assignment"/>.</summary>
    public static Court Court(int teams, string assignment = "{ policy: random }", string extraTeams = "")
    {
        var yaml = $$"""
            name: audit
            seed: 1
            days: 365
            warmup_days: 0
            case_types:
              - { id: civil, category: civil, effort: { judgment: { dist: fixed, hours: 1 } } }
            intake:
              - { type: civil, per_year: 100 }
            teams:
              - { id: t, count: {{teams}}, members: { judge: 1 }, accepts: [civil] }
            {{extraTeams}}
            assignment: {{assignment}}
            """;
        var loaded = ScenarioLoader.Load(yaml, "audit.yaml");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        return new Organization(loaded.Scenario!, "audit.yaml").Court("audit")!;
    }

    /// <summary>The secret of an epoch of a seed: SHA-256 of a fixed text.</summary>
    public static string Secret(int seed) => LiveLedger.Secret(seed, 1);

    /// <summary>
    /// <paramref name="filings"/> filings spread evenly over <paramref name="days"/> days from <see cref="Start"/>,
    /// each drawn honestly, or — with <paramref name="favoured"/> — with that team's chance multiplied by
    /// <paramref name="factor"/> (picked with <see cref="Random"/> of the seed). The lines as exported.
    /// </summary>
    public static List<string> Write(Court court, int filings, int seed, double days = 365, string? favoured = null, double factor = 1)
    {
        var live = new CourtState(court, _ => Secret(seed));
        var lines = new List<string> { CourtCommands.Open(live, court.Scenario.Name, LedgerHash.Commitment(Secret(seed)), Start).Json };
        var registrar = new Actor("registrar", UserRoles.Registrar, court.Id, null, null);
        var cheat = new Random(seed);
        var step = TimeSpan.FromDays(days / filings);
        for (var n = 1; n <= filings; n++)
        {
            var at = Start + (step * n);
            var request = new FilingRequest("civil", false, RiskLevel.None, $"key-{n}", registrar);
            if (favoured is null)
            {
                lines.AddRange(CourtCommands.File(live, request, at).Records.Select(r => r.Json));
                continue;
            }
            live.AsOf(at);
            var decision = live.Decide(court.TypeIndex("civil"), false, RiskLevel.None, n);
            var team = Skewed(decision.Eligible, favoured, factor, cheat);
            var index = court.TeamIndex(team);
            lines.Add(live.Append(new LedgerEntry
            {
                Court = court.Id,
                Seq = live.Seq + 1,
                Kind = LedgerKinds.Assign,
                At = at,
                Case = court.CaseId(n),
                Number = n,
                Type = "civil",
                Flagged = false,
                Risk = "none",
                IdempotencyKey = request.IdempotencyKey,
                Pool = court.PoolNames[decision.Pool],
                Policy = decision.Policy,
                Eligible = decision.Eligible,
                Draw = decision.Draw,
                Team = team,
                Judge = live.JudgeFor(index),
                By = new LedgerActor(registrar.Name, registrar.Role),
                Prev = live.Head,
            }).Json);
        }
        return lines;
    }

    /// <summary>A team of <paramref name="eligible"/>, each with chance 1, <paramref name="favoured"/> with <paramref name="factor"/>.</summary>
    private static string Skewed(string[] eligible, string favoured, double factor, Random random)
    {
        var weights = eligible.Select(t => t == favoured ? factor : 1.0).ToArray();
        var u = random.NextDouble() * weights.Sum();
        for (var i = 0; i < eligible.Length; i++)
        {
            u -= weights[i];
            if (u < 0)
            {
                return eligible[i];
            }
        }
        return eligible[^1];
    }
}
