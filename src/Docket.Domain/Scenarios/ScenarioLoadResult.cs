namespace Docket.Domain.Scenarios;

/// <summary>
/// What loading a scenario gave: the scenario when the file is valid, otherwise every error found (in file order).
/// </summary>
public sealed class ScenarioLoadResult
{
    public ScenarioLoadResult(Scenario? scenario, IReadOnlyList<ScenarioError> errors)
    {
        Errors = errors;
        Scenario = errors.Count == 0 ? scenario : null;
    }

    /// <summary>The scenario; null when there is any error.</summary>
    public Scenario? Scenario { get; }

    public IReadOnlyList<ScenarioError> Errors { get; }

    public bool IsValid => Scenario is not null;
}
