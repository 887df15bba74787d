using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Replay;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Supervision;

namespace Docket.Domain.Tests.Replay;

/// <summary>
/// The simulator's own engine (<see cref="CourtSimulation"/>, as <c>docket replay</c>'s what-if runs it) given a live
/// court's filings on the layout the court ran: until a case closes, every filing goes where the live court sent it —
/// the same team, or the same wait — under every assignment policy, flagged and major-risk cases designated alike.
/// (Teams, as the what-if counts them; the judge in charge is held to the live court's by the driven court's tests.)
/// Its closures come from the effort model, not the ledger, so the filings here come within an hour and the work
/// takes weeks: no case closes in either court.
/// </summary>
public sealed class SimulatorIntakeAgreementTests
{
    [Theory]
    [MemberData(nameof(Policies))]
    public void The_simulators_engine_sends_each_of_a_live_courts_filings_where_the_live_court_sent_it(string assignment)
    {
        var yaml = $$"""
            name: intake
            seed: 5
            days: 30
            warmup_days: 0
            case_types:
              - { id: civil, category: civil, effort: { hearing: { dist: fixed, hours: 300 } } }
              - { id: criminal, category: criminal, priority: 1, effort: { judgment: { dist: fixed, hours: 300 } } }
            intake:
              - { type: civil, per_year: 100 }
            teams:
              - { id: civil, count: 4, template: "1+1", accepts: [civil], cap: 3 }
              - { id: lead, count: 2, members: { division_head: 1, judge: 1, assistant: 1 }, accepts: [civil, criminal], cap: 3 }
              - { id: criminal, count: 3, members: { judge: 2 }, accepts: [criminal], cap: 3 }
            assignment: {{assignment}}
            """;
        var loaded = ScenarioLoader.Load(yaml, "intake.yaml");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        var court = new Organization(loaded.Scenario!, "intake.yaml").Court("intake")!;

        var secret = LedgerHash.NewSecret();
        var live = new CourtState(court, _ => secret);
        var at = new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.Zero);
        var lines = new List<string> { CourtCommands.Open(live, "intake.yaml", LedgerHash.Commitment(secret), at).Json };
        var registrar = new Actor("registrar", UserRoles.Registrar, court.Id, null, null);
        for (var i = 0; i < 45; i++)
        {
            at = at.AddMinutes(1);
            var filed = CourtCommands.File(live, new FilingRequest(i % 3 == 0 ? "criminal" : "civil", i % 7 == 0, i % 11 == 0 ? RiskLevel.Major : RiskLevel.None, null, registrar), at);
            Assert.Null(filed.Refused);
            lines.AddRange(filed.Records.Select(r => r.Json));
        }
        lines.Add(CourtCommands.RotateSeed(live, secret, LedgerHash.Commitment(LedgerHash.NewSecret()), new Actor("admin", UserRoles.Admin, null, null, null), at).Json);
        var read = LedgerFile.Read(lines, "intake.jsonl");
        Assert.True(LedgerReplay.SameLayout(court, read));
        // Some filings wait, some are designated: the sequence reaches every kind of decision a filing has.
        Assert.Contains(read, l => l.Entry.Kind == LedgerKinds.Queue);
        Assert.Contains(read, l => l.Entry.Policy == "designated");

        var summary = LedgerWhatIf.Run(loaded.Scenario!, "intake.yaml", court.Id, read, LedgerFile.RevealedSecrets(read, "intake.jsonl"));

        Assert.Equal(45, summary.Replay!.Cases);
        // No case closed in the simulated month (the work takes longer), so no load differs from the live court's.
        Assert.Equal(0, summary.Cases.Closed);
        Assert.Equal(0, summary.Replay.Moved);
    }

    public static TheoryData<string> Policies() => [.. CourtAgreementPropertyTests.s_assignments];
}
