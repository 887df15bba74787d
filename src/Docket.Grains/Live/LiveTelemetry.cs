using System.Diagnostics;
using Docket.Abstractions.Live;
using Docket.Domain.Metrics;
using Docket.Domain.Statistics;

namespace Docket.Grains.Live;

/// <summary>
/// The live path's share of Docket's telemetry: the <see cref="Source"/> of filing and assignment spans, and a
/// court's metrics recorded from the same domain events as its ledger entries (after they are durable). Every label
/// value comes from the organisation (court ids, team kinds, case type ids, policy names), never from a request:
/// an unknown type or team is refused before anything is recorded.
/// </summary>
public static class LiveTelemetry
{
    /// <summary>The ActivitySource name of Docket's spans.</summary>
    public const string SourceName = "Docket";

    public static readonly ActivitySource Source = new(SourceName);
}

/// <summary>
/// One court's metrics. Pending cases are an up/down counter per (court, team kind): the court adds what its replayed
/// ledger holds at activation and takes back everything it added when it deactivates, so a court that rebuilds from
/// its ledger does not count its cases twice.
/// </summary>
internal sealed class LiveCourtMetrics(DocketMetrics metrics, LiveCourt court)
{
    public const string Unassigned = "none";

    private readonly Dictionary<string, long> _pending = new(StringComparer.Ordinal);

    public string KindOf(string? team) =>
        team is not null && court.TeamIndex(team) is var t and >= 0
            ? CourtStatisticsCollector.TeamKindName(court.Layout.Teams[t].Kind)
            : Unassigned;

    /// <summary>The replayed ledger's open and waiting cases.</summary>
    public void Activated(IEnumerable<LiveCase> cases)
    {
        foreach (var c in cases)
        {
            if (c.Status != LiveCase.Closed)
            {
                Pending(KindOf(c.Team), +1);
            }
        }
    }

    public void Deactivated()
    {
        foreach (var (kind, count) in _pending)
        {
            if (count != 0)
            {
                metrics.CasesPending.Add(-count, new("court", court.Id), new("team_kind", kind));
            }
        }
        _pending.Clear();
    }

    public void Filed(string caseType, string? team)
    {
        metrics.CasesFiled.Add(1, new("court", court.Id), new("case_type", caseType));
        if (team is not null)
        {
            Assigned(caseType, team);
        }
        Pending(KindOf(team), +1);
    }

    public void AssignmentDecided(string policy, TimeSpan elapsed) =>
        metrics.AssignmentDuration.Record(elapsed.TotalSeconds, new("court", court.Id), new("policy", policy));

    /// <summary>A case moved from one holder (null: waiting) to a team, by a pull or a designation.</summary>
    public void Moved(string caseType, string? from, string to)
    {
        if (from is null)
        {
            Assigned(caseType, to);
        }
        Pending(KindOf(from), -1);
        Pending(KindOf(to), +1);
    }

    public void Closed(string caseType, string? team)
    {
        metrics.CasesClosed.Add(1, new("court", court.Id), new("team_kind", KindOf(team)), new("case_type", caseType));
        Pending(KindOf(team), -1);
    }

    public void Unlocked() => metrics.Unlocks.Add(1, new KeyValuePair<string, object?>("court", court.Id));

    private void Assigned(string caseType, string team) =>
        metrics.CasesAssigned.Add(1, new("court", court.Id), new("team_kind", KindOf(team)), new("case_type", caseType));

    private void Pending(string kind, long delta)
    {
        _pending[kind] = _pending.GetValueOrDefault(kind) + delta;
        metrics.CasesPending.Add(delta, new("court", court.Id), new("team_kind", kind));
    }
}
