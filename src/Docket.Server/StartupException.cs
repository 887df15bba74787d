namespace Docket.Server;

/// <summary>Bad configuration found at start: every problem, each naming what is wrong (exit code 2).</summary>
public sealed class StartupException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public StartupException(string problem)
        : this([problem])
    {
    }

    public IReadOnlyList<string> Problems { get; } = problems;
}
