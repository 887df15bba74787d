using Docket.Domain.Assignment;
using Docket.Domain.Balance;
using Docket.Domain.Staffing;
using Orleans;

namespace Docket.Domain.Courts;

/// <summary>
/// A team's or a judge's figures since the court's ledger began, over the cases it holds and the cases it closed:
/// open, closed (in all and in the court calendar's current year), the closure rate (closed ÷ (open + closed): the
/// court's closure rate with nothing pending at the ledger's start), the annual quota and its attainment
/// (<see cref="Staffing.QuotaAttainment"/>, with the seats of meetings that sat in a quota of workload units; a
/// judge's quota is an equal share of the team's, as the monthly per-judge counts share the team's expected count), and the balance indicators the court's are (<see cref="BalanceKpi"/>,
/// <see cref="BalanceInputs"/>), the Gini coefficient being the team's judges' open work (0 for one judge).
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.live.docket-figures")]
public sealed record DocketFigures(
    [property: Id(0)] long Open,
    [property: Id(1)] long Closed,
    [property: Id(2)] long ClosedThisYear,
    [property: Id(3)] double ClosureRate,
    [property: Id(4)] double Quota,
    [property: Id(5)] string QuotaUnit,
    [property: Id(6)] double QuotaAttainment,
    [property: Id(7)] BalanceKpi Balance)
{
    /// <summary>
    /// The figures of team <paramref name="team"/>'s docket (or of its judge <paramref name="judge"/>'s) from the tally
    /// of its closed cases and the cases it holds now, as of <paramref name="now"/>.
    /// </summary>
    public static DocketFigures Of(Court court, int team, string? judge, DocketTally tally, IReadOnlyCollection<CourtCase> open,
        DateTimeOffset? startedAt, DateTimeOffset now)
    {
        var t = court.Layout.Teams[team];
        var inputs = new BalanceInputs();
        inputs.Add(tally.Closed);
        foreach (var c in open)
        {
            inputs.File(c.Extensions);
            inputs.Pending((now - c.FiledAt).TotalDays, court.Scenario.Balance.LongPendingDays);
        }
        var judges = court.Layout.JudgesPerTeam[team];
        var quota = judge is null ? t.Quota : Staffing.QuotaAttainment.JudgeShare(t.Quota, judges);
        var years = Staffing.QuotaAttainment.YearsSince(startedAt, now);
        var closed = tally.Closed.Closed;
        var indicators = inputs.Indicators();
        var gini = judge is null
            ? Gini.Of(Enumerable.Range(0, judges).Select(k => JudgeInCharge.Name(t.Id, k))
                .Select(name => open.Where(c => c.Judge == name).Sum(c => court.CaseTypes[court.TypeIndex(c.Type)].Weight)))
            : 0.0;
        return new DocketFigures(
            open.Count, closed, tally.ClosedInYearOf(court, now),
            ClosureRate: Statistics.CourtFigures.ClosureRate(closed, pendingStart: 0, filed: open.Count + closed),
            quota, Staffing.QuotaAttainment.Name(t.QuotaUnit),
            Staffing.QuotaAttainment.Of(tally.Attained(t.QuotaUnit, court.Layout.Spec.Supervision.Meeting.ParticipationsPerCase), quota, years),
            BalanceKpi.Of(indicators, court.Scenario.Balance.Weights, gini));
    }
}
