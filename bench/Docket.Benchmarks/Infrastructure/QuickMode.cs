namespace Docket.Benchmarks.Infrastructure;

/// <summary>
/// Whether the run is the <c>--quick</c> smoke test. Program sets the variable; suites that bring their own job
/// (in their config class) leave it out then, so the quick run's dry job is the only one.
/// </summary>
public static class QuickMode
{
    public const string Variable = "DOCKET_BENCH_QUICK";

    public static bool IsOn => Environment.GetEnvironmentVariable(Variable) == "1";

    public static void TurnOn() => Environment.SetEnvironmentVariable(Variable, "1");
}
