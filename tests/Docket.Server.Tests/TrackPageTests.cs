using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Docket.Server.Tests;

/// <summary>
/// The parties' view of the server as a process on SQLite: its code key made once (0600) beside the ledger key and
/// kept across a restart, and the page /track read by headless Chromium.
/// </summary>
public sealed class TrackPageTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "docket-track-" + Guid.NewGuid().ToString("N"));

    private string Data => Path.Combine(_dir, "data");

    private string UsersFile => Path.Combine(_dir, "users.json");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        await File.WriteAllTextAsync(UsersFile, TestUsers.Json());
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_track_page_shows_the_timeline_in_headless_chromium_and_codes_outlive_a_restart_with_their_key_file()
    {
        string id, code;
        await using (var server = await ServerProcess.StartAsync(Data, UsersFile))
        {
            var keyFile = Path.Combine(Data, "party-code-key");
            Assert.True(File.Exists(keyFile));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            }
            (id, code) = await FileAsync(server);
            using var report = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/events") { Content = JsonContent.Create(new { node = "served" }) };
            report.Headers.Add("X-Api-Key", TestUsers.Clerk);
            Assert.Equal(HttpStatusCode.OK, (await server.Client.SendAsync(report)).StatusCode);

            var dom = await DumpDomAsync($"http://127.0.0.1:{server.Port}/track#case={id}&code={code}");

            Assert.Contains($"<strong id=\"case-id\">{id}</strong>", dom);
            Assert.Matches("<tr class=\"reached\"><td>served</td><td>reached</td><td>\\d{4}-\\d\\d-\\d\\d</td><td>\\d{4}-\\d\\d-\\d\\d</td></tr>", dom);
            Assert.Contains("<td>hearing_scheduled</td><td>due</td>", dom);

            var wrong = await DumpDomAsync($"http://127.0.0.1:{server.Port}/track#case={id}&code=AAAAAAAAAAAAAAAA");
            Assert.Contains("No case with this number and code.", wrong);
            Assert.DoesNotContain("<td>served</td>", wrong);
        }

        await using var restarted = await ServerProcess.StartAsync(Data, UsersFile);
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/public/cases/{id}");
        read.Headers.Add("X-Party-Code", code);
        var response = await restarted.Client.SendAsync(read);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(view.GetProperty("progress").EnumerateArray(), n => n.Str("node") == "served" && n.Str("state") == "reached");
    }

    private static async Task<(string Id, string Code)> FileAsync(ServerProcess server)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/courts/live/cases") { Content = JsonContent.Create(new { type = "simple_civil" }) };
        request.Headers.Add("X-Api-Key", TestUsers.Registrar);
        var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (body.Str("id"), body.Str("party_code"));
    }

    /// <summary>The page's DOM once its scripts have run (Chromium's virtual time lets the fetches finish).</summary>
    private async Task<string> DumpDomAsync(string url)
    {
        var info = new ProcessStartInfo("chromium") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", $"--user-data-dir={Path.Combine(_dir, "chromium")}",
            "--virtual-time-budget=5000", "--dump-dom", url,
        })
        {
            info.ArgumentList.Add(arg);
        }
        using var chromium = Process.Start(info) ?? throw new InvalidOperationException("chromium did not start");
        var errors = chromium.StandardError.ReadToEndAsync();
        var dom = await chromium.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await chromium.WaitForExitAsync(timeout.Token);
        Assert.True(dom.Length > 0, $"chromium printed no DOM: {await errors}");
        return dom;
    }
}
