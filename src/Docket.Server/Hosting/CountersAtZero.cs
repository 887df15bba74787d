using Docket.Domain.Courts;
using Docket.Domain.Deadlines;
using Docket.Domain.Metrics;
using Docket.Domain.Statistics;
using Docket.Grains;

namespace Docket.Server.Hosting;

/// <summary>
/// At start, adds 0 to every series of Docket's counters that a court's events can later add to, so a fresh server
/// serves <c>docket_cases_filed_total 0</c> (and the assigned, closed, pending, lock, unlock and warning counters) rather
/// than no series, and panels and alerts show 0 rather than "No data". The label sets are the ones the live court grain
/// records (<see cref="LiveTelemetry"/>): (court, case_type) for filings, (court, team_kind, case_type) for each team
/// kind and case type its teams accept, (court, team_kind) for pending cases, each team kind of the court and
/// <see cref="DocketMetrics.UnassignedTeamKind"/> for the waiting, (court) for locks and unlocks, (court, level) for
/// the four escalation levels.
/// With several silos each process serves its own zeros; sums over instances are unchanged.
/// </summary>
internal sealed class CountersAtZero(DocketMetrics metrics, Organization organization) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Record(metrics, organization);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static void Record(DocketMetrics metrics, Organization organization)
    {
        string[] levels = [.. Enum.GetValues<EscalationLevel>().Select(WarningLevels.NameOf)];
        foreach (var id in organization.CourtIds)
        {
            var court = organization.Court(id)!;
            var types = new SortedSet<int>();
            var kindsAndTypes = new HashSet<(string Kind, int Type)>();
            foreach (var team in court.Layout.Teams)
            {
                var kind = CourtStatisticsCollector.TeamKindName(team.Kind);
                foreach (var type in team.Accepts)
                {
                    types.Add(type);
                    kindsAndTypes.Add((kind, type));
                }
            }
            foreach (var type in types)
            {
                metrics.CasesFiled.Add(0, new("court", id), new("case_type", court.CaseTypes[type].Id));
            }
            foreach (var (kind, type) in kindsAndTypes)
            {
                metrics.CasesAssigned.Add(0, new("court", id), new("team_kind", kind), new("case_type", court.CaseTypes[type].Id));
                metrics.CasesClosed.Add(0, new("court", id), new("team_kind", kind), new("case_type", court.CaseTypes[type].Id));
            }
            foreach (var kind in court.Layout.Teams.Select(t => CourtStatisticsCollector.TeamKindName(t.Kind)).Append(DocketMetrics.UnassignedTeamKind).Distinct())
            {
                metrics.CasesPending.Add(0, new("court", id), new("team_kind", kind));
            }
            metrics.Locks.Add(0, new KeyValuePair<string, object?>("court", id));
            metrics.Unlocks.Add(0, new KeyValuePair<string, object?>("court", id));
            foreach (var level in levels)
            {
                metrics.Warnings.Add(0, new("court", id), new("level", level));
            }
        }
    }
}
