using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Supervision;
using Docket.Domain.Tests.Replay;

namespace Docket.Domain.Tests.Courts;

/// <summary>
/// The strings every case's record repeats — its court, type, team, judge — are the court's own instances, whether the
/// case was filed here or read back from a saved state: a court holding tens of thousands of cases in progress holds
/// one copy of each, not one per record.
/// </summary>
public sealed class SharedRecordStringsTests
{
    private static readonly DateTimeOffset s_at = LiveLedger.Start.AddHours(2);

    [Fact]
    public void Filed_and_restored_records_share_the_courts_type_team_and_judge_strings()
    {
        var court = TestCourts.Replay("{ policy: random }");
        var live = new CourtState(court, e => LiveLedger.Secret(1, e));
        var registrar = new Actor("registrar", UserRoles.Registrar, court.Id, null, null);
        var records = new List<LedgerRecord> { CourtCommands.Open(live, court.Scenario.Name, LedgerHash.Commitment(LiveLedger.Secret(1, 1)), LiveLedger.Start) };
        for (var i = 0; i < 12; i++)
        {
            // A type as a request's body gives it: equal text, not the scenario's instance.
            var type = new string(court.CaseTypes[0].Id.AsSpan());
            records.AddRange(CourtCommands.File(live, new FilingRequest(type, false, RiskLevel.None, null, registrar), s_at.AddMinutes(i)).Records);
        }
        var saved = new MemoryStream();
        live.CaptureSnapshot().WriteTo(saved);
        saved.Position = 0;
        var restored = CourtState.ReadSnapshot(court, e => LiveLedger.Secret(1, e), saved);

        foreach (var state in new[] { live, restored })
        {
            var cases = Enumerable.Range(1, 12).Select(n => state.Case(n)!).ToList();
            Assert.All(cases, c => Assert.Same(court.CaseTypes[0].Id, c.Type));
            Assert.All(cases, c => Assert.Same(court.Id, c.Court));
            Assert.All(cases, c => Assert.Same(court.Layout.Teams[court.TeamIndex(c.Team!)].Id, c.Team));
            foreach (var judged in cases.GroupBy(c => c.Judge))
            {
                Assert.All(judged, c => Assert.Same(judged.First().Judge, c.Judge));
            }
            Assert.Equal(
                Enumerable.Range(1, 12).Select(n => live.Case(n)!.Id),
                cases.Select(c => c.Id));
        }
    }
}
