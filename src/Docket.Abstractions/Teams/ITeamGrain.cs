using Docket.Domain.Simulation;

namespace Docket.Abstractions;

/// <summary>
/// A team of a simulation run, queryable while the run is in progress: its open caseload, cases assigned and closed,
/// pending work, quota attainment and utilization so far, read from its court in one call when asked (nothing is
/// pushed to it as the court runs). Keyed "{run}/{court}/{team}" with the team's id within its court — in a scenario
/// of several courts that is "{run}/" followed by the team's id in summary.json.
/// </summary>
[Alias("docket.team")]
public interface ITeamGrain : IGrainWithStringKey
{
    /// <summary>The team as of the court's last step; null when the key names no team of a started run.</summary>
    [Alias("get")]
    Task<TeamSnapshot?> GetAsync();
}
