using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Docket.Server.Tests;

/// <summary>What the service says at start: the API page's address, a loud warning without users, and --demo's keys (loopback only).</summary>
public sealed partial class StartTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("docket-start-").FullName;

    private string NoUsersFile
    {
        get
        {
            var path = Path.Combine(_dir, "no-users.json");
            File.WriteAllText(path, "{}");
            return path;
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Without_users_the_start_warns_naming_the_key_to_set_and_prints_the_api_page()
    {
        await using var server = await ServerProcess.StartAsync(Path.Combine(_dir, "data"), NoUsersFile, ["--storage", "memory"]);
        // The banner's last line: the lines before it have arrived too (the log is read line by line as it comes).
        var log = await WaitForAsync(server, "WARNING: no users are configured");
        Assert.Contains("No users are configured (Docket:Auth:Users is empty)", log, StringComparison.Ordinal);
        Assert.Contains("WARNING: no users are configured (Docket:Auth:Users is empty)", log, StringComparison.Ordinal);
        Assert.Contains($"API reference (Scalar): http://127.0.0.1:{server.Port}/scalar/v1", log, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.GetAsync(new Uri("/api/courts", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Demo_mode_prints_a_working_key_for_each_role_once()
    {
        await using var server = await ServerProcess.StartAsync(Path.Combine(_dir, "data"), NoUsersFile, ["--storage", "memory", "--demo"]);
        var log = await WaitForAsync(server, "demo-admin-");
        var keys = DemoKey().Matches(log).ToDictionary(m => m.Groups[1].Value, m => m.Value);
        Assert.Equal(["registrar", "judge", "clerk", "division-head", "president", "reviewer", "auditor", "admin"], keys.Keys);
        Assert.DoesNotContain("no users are configured", log, StringComparison.OrdinalIgnoreCase);

        server.Client.DefaultRequestHeaders.Add("X-Api-Key", keys["registrar"]);
        var (status, filed, _) = await server.Client.PostJsonAsync($"/api/courts/{DocketFactory.Court}/cases", new { type = "simple_civil" });
        Assert.True(status == HttpStatusCode.Created, $"{status}: {filed}");
        server.Client.DefaultRequestHeaders.Remove("X-Api-Key");
        server.Client.DefaultRequestHeaders.Add("X-Api-Key", keys["clerk"]);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.PostJsonAsync($"/api/cases/{filed.Str("id")}/events", new { node = "served" })).Status);
        server.Client.DefaultRequestHeaders.Remove("X-Api-Key");
        server.Client.DefaultRequestHeaders.Add("X-Api-Key", keys["president"]);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetJsonAsync($"/api/courts/{DocketFactory.Court}/kpis")).Status);
        server.Client.DefaultRequestHeaders.Remove("X-Api-Key");
        server.Client.DefaultRequestHeaders.Add("X-Api-Key", keys["admin"]);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync(new Uri("/dashboard/", UriKind.Relative))).StatusCode);
        // Printed once: each key appears a single time in everything the service wrote.
        Assert.All(keys.Values, key => Assert.Single(Regex.Matches(server.Log, Regex.Escape(key))));
    }

    [Fact]
    public async Task Demo_mode_refuses_to_listen_beyond_loopback()
    {
        var (exit, stderr) = await RunToExitAsync("--scenario", DocketFactory.ScenarioPath, "--storage", "memory", "--demo", "--urls", "http://0.0.0.0:5999");
        Assert.Equal(2, exit);
        Assert.Contains("--demo: demo keys are served on loopback only; --urls 'http://0.0.0.0:5999' is not a loopback address", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_directory_begun_by_another_organisation_stops_the_start_with_exit_2()
    {
        var data = Path.Combine(_dir, "data");
        await using (var first = await ServerProcess.StartAsync(data, NoUsersFile))
        {
        }
        // The same court with one civil team more: its organisation is not the one its ledger began with.
        var other = Path.Combine(_dir, "other-court.yaml");
        var text = await File.ReadAllTextAsync(DocketFactory.ScenarioPath);
        Assert.Contains("{ id: civil, count: 3,", text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(other, text.Replace("{ id: civil, count: 3,", "{ id: civil, count: 4,", StringComparison.Ordinal));

        var (exit, stderr) = await RunToExitAsync("--scenario", other, "--data", data, "--config", NoUsersFile, "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, exit);
        Assert.Contains($"court {DocketFactory.Court}: the ledger cannot be taken up: the court's organisation (teams, pools, policies) differs", stderr, StringComparison.Ordinal);
        Assert.Contains("(start with a new --data directory for a new organisation)", stderr, StringComparison.Ordinal);
    }

    /// <summary>Runs the server with <paramref name="args"/> until it exits (a start that stops), with its exit code and error output.</summary>
    private static async Task<(int Exit, string Stderr)> RunToExitAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args.Prepend(ServerProcess.ServerDll()))
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the server did not stop within 60 s:\n{await stdout}\n{await stderr}");
        }
        return (process.ExitCode, await stderr);
    }

    /// <summary>The banner is printed as the service starts listening, a moment around its first answer.</summary>
    private static async Task<string> WaitForAsync(ServerProcess server, string text)
    {
        for (var i = 0; i < 300 && !server.Log.Contains(text, StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
        }
        return server.Log;
    }

    [GeneratedRegex(@"demo-([a-z-]+?)-[0-9a-f]{16}\b")]
    private static partial Regex DemoKey();
}
