using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Docket.Server.Tests;

/// <summary>
/// The real server (HTTP pipeline, co-hosted silo on free ports) in this process, on the test court, with a
/// clock the test moves. Storage is memory unless a data directory is given (then SQLite); <paramref name="settings"/>
/// adds to (or overrides) the configuration; <paramref name="services"/> adds test services (a grain call filter).
/// </summary>
public sealed class DocketFactory(string? dataDirectory = null, IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public const string Court = "live";

    public static string ScenarioPath => Path.Combine(AppContext.BaseDirectory, "Scenarios", "live-court.yaml");

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public string? DataDirectory => dataDirectory;

    public HttpClient ClientFor(string apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // Host configuration is seen by the server's builder before it reads its options.
        builder.ConfigureHostConfiguration(config =>
        {
            var all = TestUsers.Settings();
            // Tests run the deadline watcher on demand (POST /api/courts/{court}/deadline-watch), not on its reminder.
            all["Docket:Deadlines:WatchMinutes"] = "600";
            all["Docket:Scenario"] = ScenarioPath;
            all["Docket:Storage:Kind"] = dataDirectory is null ? "memory" : "sqlite";
            if (dataDirectory is not null)
            {
                all["Docket:Storage:DataDirectory"] = dataDirectory;
            }
            all["Docket:Storage:Synchronous"] = "normal";
            all["Logging:LogLevel:Default"] = "Warning";
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                all[key] = value;
            }
            config.AddInMemoryCollection(all);
        });
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            services?.Invoke(s);
        });
}
