using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Docket.Benchmarks.Assignment;
using Docket.Benchmarks.Grains;
using Docket.Benchmarks.Infrastructure;

// `--court-memory ENTRIES [OPEN] [--data DIR [--saved-behind N]]`: a live court's state size and replay speed (CourtMemoryRun), not a BenchmarkDotNet run.
// `--quick`: the smoke test .ci/run calls. It proves the suite builds and runs (never how fast): a dry job (one
// invocation per case, no warm-up, no pilot) in this process (no extra build), over RandomAssignmentBenchmark and
// GrainPathBenchmark (the live court's filing path) unless a --filter is given. The exit code is 1 when any benchmark failed or did not validate (or, in quick mode, none ran).
if (args.Contains("--court-memory"))
{
    return Docket.Benchmarks.Live.CourtMemoryRun.Run(args);
}
var quick = args.Contains("--quick");
args = [.. args.Where(a => a != "--quick")];
var config = DefaultConfig.Instance.WithArtifactsPath(RepoPaths.Artifacts);
if (quick)
{
    QuickMode.TurnOn();
    config = config.AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("quick"));
    if (!args.Contains("--filter") && !args.Contains("-f"))
    {
        args = [.. args, "--filter", $"*.{nameof(RandomAssignmentBenchmark)}.*", $"*.{nameof(GrainPathBenchmark)}.*"];
    }
}
CaseTally.Clear();
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config).ToList();
var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success))
    || (quick && !summaries.Any(s => s.Reports.Length > 0));
return failed ? 1 : 0;
