using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Docket.Server.Tests;

/// <summary>
/// The background verification of a court's ledger, still running when the service shuts down, stops at its next page
/// and says so, rather than failing on a grain that is gone (which it used to report as a warning and an exception).
/// </summary>
public sealed class VerificationAtShutdownTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "docket-verify-stop-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_verification_running_at_shutdown_stops_quietly_at_a_page()
    {
        await using (var first = new DocketFactory(_data, new Dictionary<string, string?> { ["Docket:Audit:VerifyAtActivation"] = "false" }))
        {
            var registrar = first.ClientFor(TestUsers.Registrar);
            for (var i = 0; i < 120; i++)
            {
                Assert.Equal(HttpStatusCode.Created, (await registrar.PostJsonAsync("/api/courts/live/cases", new { type = "simple_civil" })).Status);
            }
        }

        var logs = new CapturedLogs();
        var slow = new Dictionary<string, string?>
        {
            // Two entries a page, a hundredth of a core: the 120 filings take seconds to verify.
            ["Docket:Audit:VerifyPage"] = "2",
            ["Docket:Audit:VerifyShare"] = "0.01",
            ["Logging:LogLevel:Docket.Grains.LedgerCheckGrain"] = "Information",
        };
        await using (var second = new DocketFactory(_data, slow, services => services.AddSingleton<ILoggerProvider>(logs)))
        {
            // Any use of the court activates it, and its activation starts the verification.
            Assert.Equal(HttpStatusCode.Created, (await second.ClientFor(TestUsers.Registrar).PostJsonAsync("/api/courts/live/cases", new { type = "simple_civil" })).Status);
            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }

        Assert.DoesNotContain(logs.Messages, m => m.Contains("ledger verified", StringComparison.Ordinal));
        Assert.Contains(logs.Messages, m => m.Contains("verification stopped at entry", StringComparison.Ordinal) && m.Contains("its grain deactivated", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, m => m.Contains("could not run to its end", StringComparison.Ordinal));
    }
}
