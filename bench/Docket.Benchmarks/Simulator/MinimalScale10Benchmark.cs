using System.Diagnostics;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Docket.Benchmarks.Infrastructure;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Statistics;

namespace Docket.Benchmarks.Simulator;

/// <summary>
/// Issue 16's speed workload, bench/scenarios/minimal-scale10.yaml (the minimal court-year model at ten times its
/// size: 1,370 one-judge teams, random assignment, exponential effort, about 614,000 cases a year), three ways:
/// <c>CourtYear</c>, the domain's loop alone (layout compiled inside the measurement, as a run does);
/// <c>CourtYearSummarized</c>, the loop plus what the court and clock grains do after it (the court's statistics
/// and the run's summary); and <c>Process</c>, the whole <c>docket simulate … --no-report</c> process of the Release
/// build (start-up, silo, parse, summary.json), which is what a user waits for. A year takes about a second, so the job
/// is one warm-up and five measured runs (monitoring: no pilot, no unrolling).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Scale10Config))]
public class MinimalScale10Benchmark
{
    private Scenario _scenario = null!;
    private int _cases;

    public static string ScenarioPath => Path.Combine(RepoPaths.Root, "bench", "scenarios", "minimal-scale10.yaml");

    /// <summary>The CLI's Release build, as <c>dotnet build -c Release</c> leaves it.</summary>
    public static string DocketDll => Path.Combine(RepoPaths.Root, "src", "Docket.Cli", "bin", "Release", "net10.0", "docket.dll");

    [GlobalSetup]
    public void Setup()
    {
        var result = ScenarioLoader.LoadFile(ScenarioPath);
        _scenario = result.Scenario ?? throw new InvalidOperationException(
            $"{ScenarioPath} does not load:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}");
    }

    [GlobalCleanup(Target = nameof(CourtYear))]
    public void CleanupCourtYear() => Record(nameof(CourtYear));

    [GlobalCleanup(Target = nameof(CourtYearSummarized))]
    public void CleanupCourtYearSummarized() => Record(nameof(CourtYearSummarized));

    [GlobalCleanup(Target = nameof(Process))]
    public void CleanupProcess() => Record(nameof(Process));

    [Benchmark(Baseline = true)]
    public int CourtYear()
    {
        var simulation = Run();
        _cases = simulation.CaseCount;
        return simulation.CaseCount;
    }

    [Benchmark]
    public Summary CourtYearSummarized()
    {
        var simulation = Run();
        var summary = SummaryBuilder.Replication(_scenario, _scenario.Seed, [CourtStatisticsCollector.Collect(simulation)]);
        _cases = simulation.CaseCount;
        return summary;
    }

    [Benchmark]
    public int Process()
    {
        if (!File.Exists(DocketDll))
        {
            throw new InvalidOperationException($"{DocketDll} is missing: build the CLI first (dotnet build -c Release)");
        }
        var outDir = Path.Combine(Path.GetTempPath(), "docket-bench-scale10-" + Environment.ProcessId);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { DocketDll, "simulate", ScenarioPath, "--no-report", "--out", outDir })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"docket simulate exited with {process.ExitCode}: {stderr.Result}");
        }
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        _cases = summary.RootElement.GetProperty("engine").GetProperty("simulated_cases").GetInt32();
        return _cases;
    }

    private CourtSimulation Run()
    {
        var (spec, id) = _scenario.ExpandCourts().Single();
        var simulation = new CourtSimulation(new CourtLayout(_scenario, spec, id, false), _scenario.Seed);
        simulation.RunToEnd();
        return simulation;
    }

    private void Record(string method) =>
        CaseTally.Record(CaseTally.Key(nameof(MinimalScale10Benchmark), method, []), _cases);

    private sealed class Scale10Config : ManualConfig
    {
        public Scale10Config()
        {
            AddColumn(new CasesPerSecondColumn(perSecond: false), new CasesPerSecondColumn(perSecond: true));
            if (!QuickMode.IsOn)
            {
                AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5));
            }
        }
    }
}
