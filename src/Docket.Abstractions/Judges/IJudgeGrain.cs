using Docket.Domain.Simulation;

namespace Docket.Abstractions;

/// <summary>
/// A judge of a simulation run, queryable while the run is in progress: the open docket of cases the judge is in
/// charge of, closures, tasks, busy hours and utilization so far, read from the court in one call when asked. Keyed
/// "{run}/{court}/{team}/judge-{n}" — "{run}/" followed by the judge's id in summary.json in a scenario of several courts.
/// </summary>
[Alias("docket.judge")]
public interface IJudgeGrain : IGrainWithStringKey
{
    /// <summary>The judge as of the court's last step; null when the key names no judge of a started run.</summary>
    [Alias("get")]
    Task<JudgeSnapshot?> GetAsync();
}
