using Docket.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Docket.Server.Tests;

/// <summary>
/// With SQLite and one silo the service takes each court up from storage while it starts (<see cref="EarlyTakeUps"/>),
/// and the court's grain, once activated, takes that take-up rather than reading its ledger again.
/// </summary>
public sealed class EarlyTakeUpTests
{
    [Fact]
    public async Task A_court_activated_after_the_start_takes_the_take_up_begun_while_the_service_started_and_reads_its_ledger_once()
    {
        var data = Path.Combine(Path.GetTempPath(), "docket-early-take-up-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = new DocketFactory(data))
            {
                var registrar = first.ClientFor(TestUsers.Registrar);
                for (var i = 0; i < 3; i++)
                {
                    await registrar.FileAsync("simple_civil");
                }
            }
            var logs = new CapturedLogs();
            var logged = new Dictionary<string, string?> { ["Logging:LogLevel:Docket.Grains.LiveCourtGrain"] = "Information" };
            await using var second = new DocketFactory(data, logged, services => services.AddSingleton<ILoggerProvider>(logs));
            await second.ClientFor(TestUsers.Registrar).FileAsync("simple_civil");

            // One take-up read the ledger (the one begun while the service started); the grain caught up from it.
            Assert.Single(logs.Messages, m => m.StartsWith($"Court {DocketFactory.Court}: taken up to ledger entry", StringComparison.Ordinal));
            Assert.Single(logs.Messages, m => m.StartsWith($"Court {DocketFactory.Court}: state taken at ledger entry", StringComparison.Ordinal));
            var (_, kpis, _) = await second.ClientFor(TestUsers.President).GetJsonAsync($"/api/courts/{DocketFactory.Court}/kpis");
            Assert.Equal(4, kpis.GetProperty("filed").GetInt64());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }
}
