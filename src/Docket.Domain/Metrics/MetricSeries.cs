using Docket.Domain.Scenarios;
using Docket.Domain.Staffing;

namespace Docket.Domain.Metrics;

/// <summary>
/// How many series each of Docket's instruments can carry for a scenario's courts, so that the exporter keeps every
/// one: OpenTelemetry keeps <see cref="DefaultLimit"/> series per instrument unless told otherwise, and folds any beyond
/// into one overflow series (<c>otel_metric_overflow="true"</c>) — a national scenario's 125,000 teams'
/// <c>docket.team.pending_work</c> would lose all but the first 2,000. The exporter sets aside a point for each series
/// up front, so each instrument gets what its labels can reach, not one size for all.
/// </summary>
public static class MetricSeries
{
    /// <summary>OpenTelemetry's default number of series per instrument.</summary>
    public const int DefaultLimit = 2000;

    /// <summary>Room for series beside those the labels give (the overflow series itself, a scenario label).</summary>
    private const int Slack = 16;

    /// <summary>
    /// The series <paramref name="instrument"/> (a name of <see cref="DocketMetrics"/>) can carry for
    /// <paramref name="scenario"/>'s courts; null when OpenTelemetry's default holds them all.
    /// </summary>
    public static int? LimitFor(string instrument, Scenario scenario)
    {
        long courts = 0, teams = 0;
        foreach (var court in scenario.Courts)
        {
            courts += court.Count;
            teams += (long)court.Count * court.Teams.Sum(g => (long)g.Count);
        }
        var kinds = Enum.GetValues<TeamKind>().Length + 1;
        long types = scenario.CaseTypes.Count;
        var series = instrument switch
        {
            DocketMetrics.TeamPendingWorkName => teams,
            DocketMetrics.CasesAssignedName or DocketMetrics.CasesClosedName => courts * kinds * types,
            DocketMetrics.CasesFiledName => courts * types,
            DocketMetrics.CasesPendingName or DocketMetrics.QuotaAttainmentName => courts * kinds,
            // By court and a label of a handful of values (level, policy, stat, store), or by court alone.
            _ => courts * 8,
        };
        series += Slack;
        return series > DefaultLimit ? (int)Math.Min(series, int.MaxValue) : null;
    }
}
