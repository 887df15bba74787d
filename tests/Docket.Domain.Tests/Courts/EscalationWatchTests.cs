using CsCheck;
using Docket.Domain.Courts;
using Docket.Domain.Tests.Replay;

namespace Docket.Domain.Tests.Courts;

/// <summary>
/// The deadline watch looks at the waiting cases due to escalate only (<see cref="CourtState.EscalatingBy"/>: each
/// lane's first cases), and finds exactly those a look at every waiting case finds, in the same order.
/// </summary>
public sealed class EscalationWatchTests
{
    [Fact]
    public void The_cases_due_to_escalate_are_those_a_look_at_every_waiting_case_finds()
    {
        // The close-one-get-one pool, which escalates a case waiting 0.3 days; civil and criminal wait in two lanes.
        var (samples, withDue) = (0, 0);
        Gen.Select(Gen.Int[1, 2], Gen.Int[0, 99].Array[10, 90], Gen.Double[0, 2])
            .Sample((judges, ops, later) =>
            {
                var court = CourtAgreementPropertyTests.CourtOf(5, judges);
                var (live, lines) = CourtAgreementPropertyTests.Run(court, ops);
                var last = Domain.Ledger.LedgerEntry.Parse(lines[^1]).At;
                // Besides moments around the last entry, those when the first and the last waiting case fall due.
                var dues = live.Queue().Select(q => live.EscalatesAt(q.Case)).OfType<DateTimeOffset>().ToList();
                foreach (var at in new[] { last, last.AddDays(later), last.AddDays(-later) }.Concat(dues.Count > 0 ? [dues.Min(), dues.Max()] : []))
                {
                    var everyCase = live.Queue().Select(q => q.Case).Where(c => live.Escalates(c, at)).Select(c => c.Number);
                    Assert.Equal(everyCase, live.EscalatingBy(at).Select(c => c.Number));
                    Interlocked.Increment(ref samples);
                    if (everyCase.Any())
                    {
                        Interlocked.Increment(ref withDue);
                    }
                }
            }, iter: 200);
        // The moments did what they are for: some found cases due to escalate, some none.
        Assert.True(withDue > 10 && withDue < samples, $"{withDue} of {samples} moments found cases due");
    }

    [Fact]
    public void A_lane_is_looked_at_up_to_its_first_case_not_yet_due()
    {
        var court = CourtAgreementPropertyTests.CourtOf(5, 1);
        // Filings only, 13 to 22 minutes apart: the teams fill up (cap 2) and the rest wait, civil and criminal. Each
        // filing escalates the cases due by then, so those filed in the last escalation period are not yet escalated.
        var (live, lines) = CourtAgreementPropertyTests.Run(court, [.. Enumerable.Range(0, 60).Select(i => (i % 4) + 1)]);
        var waiting = live.Queue().Select(q => q.Case).Where(c => c.EscalatedAt is null).ToList();
        Assert.True(waiting.Count > 10, $"{waiting.Count} waiting");
        var first = waiting.Min(c => c.FiledAt);
        // Just after the first waiting case's escalation comes, only the cases filed as early are due.
        var at = live.EscalatesAt(waiting.First(c => c.FiledAt == first))!.Value;
        Assert.Equal(waiting.Where(c => c.FiledAt <= first).Select(c => c.Number), live.EscalatingBy(at).Select(c => c.Number).Order());
        Assert.Empty(live.EscalatingBy(at.AddTicks(-1)));
    }
}
