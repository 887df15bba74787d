namespace Docket.Domain.Scenarios;

/// <summary>Command-line overrides of a scenario's seed and length.</summary>
public static class ScenarioOverrides
{
    /// <summary>Applies the overrides, or says why they cannot apply.</summary>
    public static Scenario Apply(Scenario scenario, ulong? seed, int? days)
    {
        if (days is { } d)
        {
            if (d is < 1 or > Scenario.MaxDays)
            {
                throw new ArgumentException($"--days must be between 1 and {Scenario.MaxDays} (got {d})");
            }
            if (d <= scenario.WarmupDays)
            {
                throw new ArgumentException($"--days {d} leaves no statistics window after the scenario's warmup_days {scenario.WarmupDays}");
            }
        }
        return scenario with { Seed = seed ?? scenario.Seed, Days = days ?? scenario.Days };
    }
}
