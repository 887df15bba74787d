using System.Globalization;
using Docket.Domain.Scenarios;
using Docket.Domain.Statistics;

namespace Docket.Domain.Planning;

/// <summary>
/// What <c>docket validate</c> can tell before a run that its figures will not support a headline: a window opening
/// on an empty court (<c>warmup_days</c> 0 and no backlog, the run's <see cref="SteadyState.StartsEmpty"/> warning),
/// and staff offered more work than their working hours by the scenario's own means (<see cref="OfferedLoad"/>).
/// </summary>
public static class ScenarioWarnings
{
    public const string OverCapacityCode = "load_over_capacity";

    public static IReadOnlyList<RunWarning> Of(Scenario scenario)
    {
        var warnings = new List<RunWarning>();
        if (scenario.WarmupDays == 0 && scenario.Courts.All(c => c.Backlog.Sum(b => b.Count) == 0))
        {
            warnings.Add(SteadyState.StartsEmpty);
        }
        foreach (var load in OfferedLoad.Of(scenario).Where(l => l.Utilization > 1))
        {
            var who = load.Kind == "pool"
                ? $"shared pool {load.Group} ({load.Staff})"
                : $"{load.Staff} of team group {load.Group} ({load.Kind} teams)";
            var court = scenario.CourtCount > 1 ? $"court {load.Court}: " : "";
            warnings.Add(new RunWarning(OverCapacityCode, string.Create(CultureInfo.InvariantCulture,
                $"{court}{who} are offered {load.OfferedHours:N0} hours of work a year for {load.CapacityHours:N0} working hours " +
                $"({load.Utilization * 100:0}%, by the mean hours of the stages they do): their pending will grow")));
        }
        return warnings;
    }
}
