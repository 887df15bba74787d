using System.Text.Json;
using Docket.Domain.Scenarios;
using Docket.Grains.Live;
using Docket.Server.Api;
using Docket.Server.Auth;
using Docket.Server.Hosting;
using Docket.Server.Storage;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Orleans.Dashboard;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Scalar.AspNetCore;

namespace Docket.Server;

/// <summary>
/// The live assignment service: an ASP.NET Core host with a co-hosted Orleans silo (localhost clustering on free
/// or configured ports), the organisation of a scenario file, SQLite (default) or in-memory storage, API-key and
/// bearer-token authentication, the HTTP API with its OpenAPI document and Scalar UI, Prometheus metrics at
/// <c>/metrics</c>, optional OTLP traces, and the Orleans Dashboard at <c>/dashboard</c> (admins and auditors). Bound to 127.0.0.1:5000
/// unless <c>--urls</c> says otherwise.
/// </summary>
public static class DocketServer
{
    public const string DefaultUrl = "http://127.0.0.1:5000";

    /// <summary>Where the Orleans Dashboard is mounted.</summary>
    public const string DashboardPath = "/dashboard";

    private static readonly Dictionary<string, string> s_switches = new()
    {
        ["--scenario"] = "Docket:Scenario",
        ["--storage"] = "Docket:Storage:Kind",
        ["--data"] = "Docket:Storage:DataDirectory",
        ["--silo-port"] = "Docket:Cluster:SiloPort",
        ["--gateway-port"] = "Docket:Cluster:GatewayPort",
        ["--config"] = "Docket:ConfigFile",
    };

    /// <summary>Builds the service; bad configuration throws <see cref="StartupException"/> naming every problem.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        // The service's defaults (appsettings.json beside the assembly) sit under everything else, whatever the
        // working directory is.
        var defaults = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(defaults) && Path.GetFullPath(builder.Environment.ContentRootPath) != Path.GetFullPath(AppContext.BaseDirectory))
        {
            builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
            {
                Path = "appsettings.json",
                Optional = true,
                FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            });
        }
        builder.Configuration.AddCommandLine(args, s_switches);
        if (builder.Configuration["Docket:ConfigFile"] is { Length: > 0 } file)
        {
            if (!File.Exists(file))
            {
                throw new StartupException($"--config: no such file '{file}'");
            }
            // The file adds to the configuration; the command line still wins.
            builder.Configuration.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false);
            builder.Configuration.AddCommandLine(args, s_switches);
        }
        var section = builder.Configuration.GetSection(ServerOptions.Section);
        var options = section.Get<ServerOptions>() ?? new ServerOptions();
        builder.Services.Configure<ServerOptions>(section);

        var organization = LoadOrganization(options.Scenario);
        builder.Services.AddDocketLive(organization);
        builder.Services.Configure<LiveMetricsOptions>(builder.Configuration.GetSection(LiveMetricsOptions.Section));
        builder.Services.Configure<DeadlineWatchOptions>(builder.Configuration.GetSection(DeadlineWatchOptions.Section));
        builder.Services.AddSingleton(new UserDirectory(options.Auth.Users, organization));
        var telemetryWarning = Telemetry.Add(builder.Services, options.Tracing);

        var storage = options.Storage.Kind.ToLowerInvariant();
        switch (storage)
        {
            case "sqlite":
                builder.Services.AddSingleton(sp => new SqliteStore(options.Storage.DataDirectory, options.Storage.Synchronous, sp.GetRequiredService<ILogger<SqliteStore>>()));
                builder.Services.AddSingleton<ICourtJournal, SqliteCourtJournal>();
                builder.Services.AddHostedService<StorageStartup>();
                break;
            case "memory":
                builder.Services.AddSingleton<ICourtJournal, InMemoryCourtJournal>();
                break;
            default:
                throw new StartupException($"--storage: '{options.Storage.Kind}' is neither sqlite nor memory");
        }

        var siloPort = FreePort.Or(options.Cluster.SiloPort);
        var gatewayPort = FreePort.Or(options.Cluster.GatewayPort);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: options.Cluster.ServiceId, clusterId: options.Cluster.ClusterId);
            // Grain calls carry the caller's activity, so a request's trace holds the grains' spans.
            silo.AddActivityPropagation();
            silo.AddDashboard();
            silo.UseInMemoryReminderService();
            if (storage == "sqlite")
            {
                silo.Services.AddGrainStorage(LiveStorage.Name, (sp, _) =>
                    new SqliteGrainStorage(sp.GetRequiredService<SqliteStore>(), new OrleansGrainStorageSerializer(sp.GetRequiredService<Serializer>())));
            }
            else
            {
                silo.AddMemoryGrainStorage(LiveStorage.Name);
            }
        });
        builder.Services.AddHostedService<CourtWarmup>();

        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"])
            && string.IsNullOrEmpty(builder.Configuration["https_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // A backstop: the API's own reader refuses bodies over Docket:Limits:MaxBodyBytes with a 413 problem.
            kestrel.Limits.MaxRequestBodySize = (2 * options.Limits.MaxBodyBytes) + 1024;
        });
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.DictionaryKeyPolicy = null;
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddAuthentication(DocketAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, DocketAuthenticationHandler>(DocketAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization(Policies.Add);
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer<SecuritySchemes>());

        var app = builder.Build();
        if (telemetryWarning is not null)
        {
            app.Logger.LogWarning("{Warning}", telemetryWarning);
        }
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        app.MapGet("/health", () => Results.Ok(new HealthResponse("ok", storage, organization.CourtIds, DateTimeOffset.UtcNow)))
            .WithName("Health").WithSummary("Liveness: anonymous").AllowAnonymous();
        // Prometheus scrapes anonymously, as /health; mapped on this application, so served only on its own listener.
        app.MapPrometheusScrapingEndpoint(Telemetry.MetricsPath).AllowAnonymous().ExcludeFromDescription();
        // The Orleans Dashboard, behind the API's authentication: admins and auditors only.
        app.MapOrleansDashboard(routePrefix: DashboardPath).RequireAuthorization(Policies.Auditor);
        var api = app.MapGroup("/api")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        CaseEndpoints.Map(api);
        CourtEndpoints.Map(api);
        AuditEndpoints.Map(api);
        return app;
    }

    private static LiveOrganization LoadOrganization(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new StartupException("--scenario: the scenario file whose courts, teams, case types and policies the service runs is required");
        }
        if (!File.Exists(path))
        {
            throw new StartupException($"--scenario: no such scenario file '{path}'");
        }
        var loaded = ScenarioLoader.LoadFile(path);
        if (loaded.Scenario is null)
        {
            throw new StartupException([.. loaded.Errors.Select(e => e.ToString())]);
        }
        try
        {
            return new LiveOrganization(loaded.Scenario, path);
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"{path}: {e.Message}");
        }
    }
}
