using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Docket.Server.Tests.Cluster;

namespace Docket.Server.Tests.Docs;

/// <summary>
/// docs/simulation.md's "On a cluster of silos": its block, run as written from the repository root with bash (changing
/// only this build, the test Redis, a cluster id and an output directory of its own), runs the province on two
/// <c>docket silo</c> processes, and its summary.json equals an in-process run's outside <c>engine</c>; a silo killed
/// during a run makes the command fail (exit 4) saying the run was lost, and write nothing.
/// </summary>
public sealed partial class ClusterSimulationTests : IUsesClusterStores, IDisposable
{
    private const string Heading = "## On a cluster of silos";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "docket-cluster-sim-" + Guid.NewGuid().ToString("N")[..8]);
    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task The_documented_block_runs_the_province_on_two_silos_with_the_in_process_summary()
    {
        var redis = ClusterStores.RequireRedis();
        var clusterId = "docket-sim-" + Guid.NewGuid().ToString("N")[..8];
        var outDir = Path.Combine(_dir, "cluster");
        var block = Block();
        var script = Replace(block, "dotnet build src/Docket.Cli -c Release\n", "");
        script = script.Replace("-c Release --no-build --", $"-c {Configuration} --no-build --", StringComparison.Ordinal);
        script = script.Replace("--cluster-id docket-sim", $"--cluster-id {clusterId}", StringComparison.Ordinal);
        script = script.Replace("--redis 127.0.0.1:56379", $"--redis {redis}", StringComparison.Ordinal);
        script = Replace(script, "--out out/province-cluster", $"--out {outDir}");
        // The silos run until stopped: once the run has ended, stop them and report the run's exit.
        script = "set -m\n" + script + "\nrc=$?\nfor job in $(jobs -p); do kill -- -$job 2>/dev/null; done\nwait\nexit $rc\n";

        var (exit, log) = await RunAsync(RepositoryRoot.Bash(script), TimeSpan.FromMinutes(8));
        Assert.True(exit == 0, $"the block exited {exit}:\n{log}");
        var clustered = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "summary.json")))!.AsObject();
        Assert.True(clustered["engine"]!["silos"]!.GetValue<int>() == 2, $"not two silos:\n{clustered["engine"]}\n{log}");

        var local = Path.Combine(_dir, "local");
        var (localExit, localLog) = await RunAsync(Docket("simulate", "scenarios/province.yaml", "--days", "400", "--no-report", "--out", local), TimeSpan.FromMinutes(5));
        Assert.True(localExit == 0, localLog);
        var inProcess = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(local, "summary.json")))!.AsObject();
        Assert.Equal(1, inProcess["engine"]!["silos"]!.GetValue<int>());
        clustered.Remove("engine");
        inProcess.Remove("engine");
        Assert.True(JsonNode.DeepEquals(inProcess, clustered), "the summaries differ outside engine");
    }

    [Fact]
    public async Task A_silo_killed_during_a_run_fails_the_command_with_exit_4_and_writes_nothing()
    {
        var redis = ClusterStores.RequireRedis();
        var clusterId = "docket-sim-" + Guid.NewGuid().ToString("N")[..8];
        var silos = new[] { StartSilo(redis, clusterId), StartSilo(redis, clusterId) };
        try
        {
            foreach (var (silo, ready) in silos)
            {
                await ready.Task.WaitAsync(TimeSpan.FromMinutes(2));
            }
            var outDir = Path.Combine(_dir, "lost");
            var run = RunAsync(Docket("simulate", "scenarios/province.yaml", "--days", "3000", "--no-report", "--out", outDir,
                "--cluster", "redis", "--redis", redis, "--cluster-id", clusterId), TimeSpan.FromMinutes(8));
            // The silo killed is the first seen working (2 s of CPU since the run began), not a fixed one after a fixed
            // delay: on a loaded machine the courts may not be placed yet, placement may put most of them on one silo,
            // and a silo killed before it holds any leaves a run that is rightly whole.
            var idle = silos.Select(s => TreeCpu(s.Process.Id)).ToArray();
            var victim = -1;
            var patience = Stopwatch.StartNew();
            while (!run.IsCompleted && victim < 0 && patience.Elapsed < TimeSpan.FromMinutes(3))
            {
                for (var i = 0; i < silos.Length && victim < 0; i++)
                {
                    victim = TreeCpu(silos[i].Process.Id) - idle[i] >= TimeSpan.FromSeconds(2) ? i : -1;
                }
                await Task.Delay(200);
            }
            Assert.False(run.IsCompleted, "the run ended before a silo could be killed");
            Assert.True(victim >= 0, "no silo was seen working within 3 minutes");
            silos[victim].Process.Kill(entireProcessTree: true);
            var (exit, log) = await run;
            Assert.True(exit == 4, $"exit {exit}:\n{log}");
            Assert.Contains("the run was lost on the cluster", log, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(outDir, "summary.json")));
        }
        finally
        {
            foreach (var (silo, _) in silos)
            {
                if (!silo.HasExited)
                {
                    silo.Kill(entireProcessTree: true);
                }
                await silo.WaitForExitAsync();
                silo.Dispose();
            }
        }
    }

    private static ProcessStartInfo Docket(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet", ["run", "--project", "src/Docket.Cli", "-c", Configuration, "--no-build", "--", .. args])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        return info;
    }

    /// <summary>CPU time of a process and its descendants (a silo started by <c>dotnet run</c> runs as its child), from /proc.</summary>
    private static TimeSpan TreeCpu(int pid)
    {
        var total = TimeSpan.Zero;
        try
        {
            using (var process = Process.GetProcessById(pid))
            {
                total += process.TotalProcessorTime;
            }
            foreach (var task in Directory.GetDirectories($"/proc/{pid}/task"))
            {
                foreach (var child in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    total += TreeCpu(int.Parse(child, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // The process ended meanwhile: it counts no more.
        }
        return total;
    }

    private static (Process Process, TaskCompletionSource Ready) StartSilo(string redis, string clusterId)
    {
        var process = Process.Start(Docket("silo", "--cluster", "redis", "--redis", redis, "--cluster-id", clusterId))!;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("docket silo:", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, ready);
    }

    private static async Task<(int Exit, string Log)> RunAsync(ProcessStartInfo info, TimeSpan limit)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        var output = new StringBuilder();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{info.FileName} did not start");
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{info.FileName} {string.Join(' ', info.ArgumentList)} did not end within {limit}:\n{output}");
        }
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static string Block()
    {
        var text = File.ReadAllText(RepositoryRoot.File("docs/simulation.md")).ReplaceLineEndings("\n");
        var start = text.IndexOf(Heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/simulation.md has no section '{Heading}'");
        var end = text.IndexOf("\n## ", start + Heading.Length, StringComparison.Ordinal);
        var block = BashBlock().Match(end < 0 ? text[start..] : text[start..end]);
        Assert.True(block.Success, $"docs/simulation.md, '{Heading}': no bash block");
        return block.Groups[1].Value;
    }

    private static string Replace(string text, string documented, string forTheTest)
    {
        Assert.True(text.Contains(documented, StringComparison.Ordinal), $"the block no longer holds '{documented}':\n{text}");
        return text.Replace(documented, forTheTest, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"```bash\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();
}
