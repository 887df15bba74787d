using BenchmarkDotNet.Attributes;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Scenarios;
using Docket.Domain.Supervision;

namespace Docket.Benchmarks.Live;

/// <summary>
/// The court's share of a deadline watch tick (<see cref="CourtCommands.WatchQueue"/>: escalations due, pulls by
/// teams that can take a waiting case) on a court whose close-one-get-one pool has <see cref="Waiting"/> cases waiting,
/// none due to escalate yet (they escalate after 30 days) and every team full: a tick that finds nothing to do, which
/// is most ticks. What it costs is what it looks at.
/// </summary>
[MemoryDiagnoser]
public class WaitingWatchBenchmark
{
    private CourtState _state = null!;
    private DateTimeOffset _tick;

    [Params(1_000, 100_000)]
    public int Waiting { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        const string yaml = """
            name: waiting
            seed: 1
            days: 365
            case_types:
              - { id: civil, category: civil, effort: { hearing: { dist: fixed, hours: 1 } } }
              - { id: criminal, category: criminal, priority: 1, effort: { judgment: { dist: fixed, hours: 2 } } }
            intake:
              - { type: civil, per_year: 100 }
            teams:
              - { id: mixed, count: 50, template: "1+1", accepts: [civil, criminal], cap: 2 }
            assignment: { policy: pull, cap: 2, escalate_after_days: 30 }
            """;
        var loaded = ScenarioLoader.Load(yaml, "waiting.yaml");
        var court = new Organization(loaded.Scenario!, "waiting.yaml").Court("waiting")!;
        var secret = LedgerHash.NewSecret();
        _state = new CourtState(court, _ => secret);
        var at = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        CourtCommands.Open(_state, "waiting.yaml", LedgerHash.Commitment(secret), at);
        var registrar = new Actor("registrar", UserRoles.Registrar, court.Id, null, null);
        // Every team takes what its cap lets it, then the rest wait.
        for (var i = 0; _state.Waiting < Waiting; i++)
        {
            at = at.AddSeconds(1);
            CourtCommands.File(_state, new FilingRequest(i % 3 == 0 ? "criminal" : "civil", false, RiskLevel.None, null, registrar), at);
        }
        _tick = at.AddMinutes(1);
    }

    [Benchmark]
    public int Tick() => CourtCommands.WatchQueue(_state, _tick).Records.Count;
}
