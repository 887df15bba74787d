using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Scenarios;
using Docket.Domain.Supervision;

namespace Docket.Domain.Tests.Courts;

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
        var court = TestCourts.Replay(assignment);
        var secret = LedgerHash.NewSecret();
        var live = new CourtState(court, _ => secret) { TracksFinished = true };
        var records = new List<LedgerRecord> { CourtCommands.Open(live, "replay", LedgerHash.Commitment(secret), new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero)) };
        var random = new Random(7);
        var registrar = new Actor("registrar", UserRoles.Registrar, court.Id, null, null);
        var clerk = new Actor("clerk", UserRoles.Clerk, court.Id, null, null);
        var at = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        for (var n = 1; n <= 300; n++)
        {
            at = at.AddMinutes(7);
            var type = random.Next(3) == 0 ? "criminal" : "civil";
            var flagged = random.Next(20) == 0;
            var filed = CourtCommands.File(live, new FilingRequest(type, flagged, RiskLevel.None, null, registrar), at);
            Assert.Null(filed.Refused);
            records.AddRange(filed.Records);
            // Close a random open case now and then: its team pulls a waiting case.
            if (random.Next(3) == 0 && live.HeldCases.Where(c => c.Status == CourtCaseStatus.Pending).ToList() is { Count: > 0 } open)
            {
                var c = open[random.Next(open.Count)];
                foreach (var held in FourTypeMeeting.BeforeClosing(live, c.Number, at))
                {
                    Assert.True(held.Refused is null, held.Refused?.Error);
                    records.AddRange(held.Records);
                }
                foreach (var stage in court.CaseTypes[court.TypeIndex(c.Type)].Stages.Select(s => s.Task))
                {
                    var reached = CourtCommands.Reach(live, c.Number, stage, clerk, at);
                    Assert.True(reached.Refused is null, reached.Refused?.Error);
                    records.AddRange(reached.Records);
                }
                Assert.Equal(CourtCaseStatus.Closed, live.Case(c.Number)!.Status);
            }
        }

        var replay = new CourtState(court, _ => secret) { TracksFinished = true };
        foreach (var record in records)
        {
            Assert.Null(replay.Replay(record));
        }
        Assert.Equal(live.Head, replay.Head);
        Assert.Equal(live.HeldCases.Select(c => (c.Number, c.Team, c.Status)), replay.HeldCases.Select(c => (c.Number, c.Team, c.Status)));
        Assert.Equal(live.DrainFinished(), replay.DrainFinished());
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
}
