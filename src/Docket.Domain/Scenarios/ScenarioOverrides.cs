namespace Docket.Domain.Scenarios;

/// <summary>Command-line overrides of a scenario's seed and length.</summary>
public static class ScenarioOverrides
{
    /// <summary>Applies the overrides, or says why they cannot apply.</summary>
    public static Scenario Apply(Scenario scenario, ulong? seed, int? days)
    {
        if (days is { } d)
        {
            if (d < 1)
            {
                throw new ArgumentException($"--days must be at least 1 (got {d})");
            }
            if (d <= scenario.WarmupDays)
            {
                throw new ArgumentException($"--days {d} leaves no statistics window after the scenario's warmup_days {scenario.WarmupDays}");
            }
        }
        return scenario with { Seed = seed ?? scenario.Seed, Days = days ?? scenario.Days };
    }
}
