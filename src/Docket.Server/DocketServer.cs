using System.Text.Json;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Scenarios;
using Docket.Grains;
using Docket.Server.Api;
using Docket.Server.Auth;
using Docket.Server.Hosting;
using Docket.Server.Storage.Postgres;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Scalar.AspNetCore;

namespace Docket.Server;

/// <summary>
/// The live assignment service: an ASP.NET Core host with a co-hosted Orleans silo (localhost clustering on free
/// or configured ports), the organisation of a scenario file, SQLite (default) or in-memory storage, API-key and
/// bearer-token authentication, the HTTP API with its OpenAPI document and Scalar UI, Prometheus metrics at
/// <c>/metrics</c>, optional OTLP traces, and the Orleans Dashboard at <c>/dashboard</c> (admins of every
/// court, HTTP Basic for a browser). Bound to 127.0.0.1:5000 unless <c>--urls</c> says otherwise; with <c>--demo</c>, a
/// user of each role with keys for the run, on loopback only.
/// </summary>
public static class DocketServer
{
    public const string DefaultUrl = "http://127.0.0.1:5000";

    /// <summary>Where the Orleans Dashboard is mounted.</summary>
    public const string DashboardPath = "/dashboard";

    /// <summary>The API reference (Scalar).</summary>
    public const string ScalarPath = "/scalar/v1";

    /// <summary>The OpenAPI document.</summary>
    public const string OpenApiPath = "/openapi/v1.json";

    private static readonly Dictionary<string, string> s_switches = new()
    {
        ["--scenario"] = "Docket:Scenario",
        ["--storage"] = "Docket:Storage:Kind",
        ["--data"] = "Docket:Storage:DataDirectory",
        ["--silo-port"] = "Docket:Cluster:SiloPort",
        ["--gateway-port"] = "Docket:Cluster:GatewayPort",
        ["--config"] = "Docket:ConfigFile",
        ["--postgres"] = "Docket:Storage:Postgres:ConnectionString",
        ["--cluster"] = "Docket:Cluster:Kind",
        ["--redis"] = "Docket:Cluster:Redis",
    };

    /// <summary>Builds the service; bad configuration throws <see cref="StartupException"/> naming every problem.</summary>
    public static WebApplication Build(string[] args)
    {
        var (builder, options) = Configure(args);

        var organization = LoadOrganization(options.Scenario);
        var demoUsers = new List<UserAccount>();
        if (builder.Configuration.GetValue<bool>(DemoUsers.Key))
        {
            if (DemoUsers.CheckLoopback(builder.Configuration["urls"] ?? DefaultUrl) is { } notLoopback)
            {
                throw new StartupException(notLoopback);
            }
            if (!string.IsNullOrEmpty(builder.Configuration["http_ports"]) || !string.IsNullOrEmpty(builder.Configuration["https_ports"]))
            {
                throw new StartupException("--demo: demo keys are served on loopback only; http_ports and https_ports listen on every address (use --urls http://127.0.0.1:PORT)");
            }
            demoUsers = DemoUsers.Create(organization);
        }
        builder.Services.AddDocketLive(organization);
        builder.Services.Configure<LiveMetricsOptions>(builder.Configuration.GetSection(LiveMetricsOptions.Section));
        builder.Services.Configure<DeadlineWatchOptions>(builder.Configuration.GetSection(DeadlineWatchOptions.Section));
        builder.Services.Configure<CourtMemoryOptions>(builder.Configuration.GetSection(CourtMemoryOptions.Section));
        builder.Services.Configure<LedgerCheckOptions>(builder.Configuration.GetSection(LedgerCheckOptions.Section));
        builder.Services.Configure<AbsenceOptions>(builder.Configuration.GetSection(AbsenceOptions.Section));
        builder.Services.AddSingleton(new UserDirectory([.. options.Auth.Users, .. demoUsers], organization));
        builder.Services.AddSingleton(new StartBanner.Demo(demoUsers));
        var telemetryWarning = Telemetry.Add(builder.Services, options.Tracing, organization.Scenario);

        var storage = ServerStorage.Add(builder.Services, options.Storage);
        ServerStorage.AddWitness(builder.Services, options.Storage, options.Ledger, storage);
        if (options.Public.FailuresPerMinute < 1)
        {
            throw new StartupException($"Docket:Public:FailuresPerMinute: {options.Public.FailuresPerMinute} is not a positive number");
        }
        builder.Services.AddSingleton(new PartyAccess(Storage.PartyCodeKeyFile.For(options.Public, options.Storage, storage), options.Public));
        var cluster = ServerCluster.Check(options.Cluster, storage);
        builder.UseOrleans(silo =>
        {
            cluster.Configure(silo);
            // Grain calls carry the caller's activity, so a request's trace holds the grains' spans.
            silo.AddActivityPropagation();
            silo.AddDashboard();
            // A request waits for a grain at most Docket:Limits:GrainWaitSeconds (then 503, as for a silo that died).
            silo.AddOutgoingGrainCallFilter<Unavailable.Bound>();
        });
        // The silo hosts the simulation's grains too: `docket simulate --cluster redis --cluster-id docket-live` runs on it.
        builder.Services.AddDocketGrains();
        builder.Services.AddSingleton<CourtWarmup>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CourtWarmup>());
        builder.Services.AddHostedService<StartBanner>();
        return Finish(builder, options, organization, storage, cluster.OneSilo, telemetryWarning);
    }

    /// <summary>
    /// <c>migrate</c>: creates or migrates the PostgreSQL schema of <c>Docket:Storage:Postgres:ConnectionString</c>
    /// and stops (the service also does it at every start). Returns the schema version.
    /// </summary>
    public static async Task<int> MigrateAsync(string[] args)
    {
        var (builder, options) = Configure(args);
        var connectionString = ServerStorage.PostgresConnectionString(options.Storage);
        using var loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole().AddConfiguration(builder.Configuration.GetSection("Logging")));
        await using var store = new PostgresStore(connectionString, 1, loggers.CreateLogger<PostgresStore>());
        return await PostgresStartup.MigrateAsync(store, CancellationToken.None);
    }

    /// <summary>The configuration (defaults, appsettings, environment, <c>--config</c> file, command line) and its options.</summary>
    private static (WebApplicationBuilder Builder, ServerOptions Options) Configure(string[] args)
    {
        // --demo is a flag without a value: as a key=value pair it cannot swallow the next option.
        args = [.. args.Select(a => a == "--demo" ? $"--{DemoUsers.Key}=true" : a)];
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
        return (builder, options);
    }

    private static WebApplication Finish(WebApplicationBuilder builder, ServerOptions options, Organization organization, string storage, bool oneSilo, string? telemetryWarning)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"])
            && string.IsNullOrEmpty(builder.Configuration["https_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // The one body limit, Docket:Limits:MaxBodyBytes: the API's reader answers it with a 413 problem, and
            // Kestrel, which counts the bytes as they arrive, stops a body sent past it.
            kestrel.Limits.MaxRequestBodySize = options.Limits.MaxBodyBytes;
            // Kestrel's own refusals (a malformed request line, headers over its limits) in problem+json too.
            KestrelRefusals.Add(kestrel);
        });
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.DictionaryKeyPolicy = null;
            // A number is a JSON number ("days": "30" is refused, naming the field), as the routes describe it.
            json.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
            // A field a route does not take, or one given twice, is refused naming it: a mistyped "form" for "from" would
            // otherwise record something other than what was meant.
            json.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
            json.SerializerOptions.AllowDuplicateProperties = false;
            // A party's code's keyed hash is the court's to check, never an answer's (the ledger export is where it shows).
            json.SerializerOptions.TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.WithAddedModifier(
                json.SerializerOptions.TypeInfoResolver ?? new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
                type =>
                {
                    if (type.Type == typeof(CourtCase))
                    {
                        foreach (var hmac in type.Properties.Where(p => p.Name == "party_code_hmac").ToList())
                        {
                            type.Properties.Remove(hmac);
                        }
                    }
                });
        });
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = RoutingProblems.Explain);
        // A query or route value of the wrong type throws, so that BadBindingHandler can name it (a bare 400 otherwise).
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadBindingHandler>();
        builder.Services.AddExceptionHandler<CourtClosedHandler>();
        // A silo that died, a grain call past its bound, a store refusing for a moment: 503 with Retry-After.
        builder.Services.AddExceptionHandler<Unavailable.Handler>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddAuthentication(DocketAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, DocketAuthenticationHandler>(DocketAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization(Policies.Add);
        builder.Services.AddOpenApi(openApi =>
        {
            openApi.AddDocumentTransformer<ApiDocument>();
            openApi.AddOperationTransformer<ApiDocument>();
            openApi.AddSchemaTransformer<ApiDocument>();
        });

        var app = builder.Build();
        // The courts are taken up from storage meanwhile: the rest of the start takes about a core for a second or two.
        if (oneSilo && storage == ServerStorage.Sqlite && app.Services.GetRequiredService<IOptions<CourtMemoryOptions>>().Value.TakeUpWhileStarting)
        {
            app.Services.GetRequiredService<EarlyTakeUps>().Start();
        }
        if (telemetryWarning is not null)
        {
            app.Logger.LogWarning("{Warning}", telemetryWarning);
        }
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(HeadRequests.AsGetAsync);
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi().AllowAnonymous();
        // The API page: no hosted upsells (the developer-tools bar with its deploy and SDK buttons, the AI agent, MCP),
        // no telemetry, the key kept in the browser between visits.
        app.MapScalarApiReference(scalar =>
        {
            scalar.WithTitle("Docket API");
            scalar.HideDeveloperTools();
            scalar.DisableAgent();
            scalar.DisableMcp();
            scalar.DisableTelemetry();
            scalar.PersistentAuthentication = true;
            scalar.AddPreferredSecuritySchemes(ApiDocument.ApiKeyScheme);
        }).AllowAnonymous();
        app.MapGet("/health", async (IGrainFactory grains, CourtWarmup warmup) =>
            {
                var starting = warmup.Activating;
                if (starting.Count > 0)
                {
                    return Results.Json(new HealthResponse("starting", storage, organization.CourtIds, DateTimeOffset.UtcNow, [], starting),
                        statusCode: StatusCodes.Status503ServiceUnavailable);
                }
                var closed = await ClosedCourts.ListAsync(grains, organization.CourtIds);
                return Results.Ok(new HealthResponse(closed.Count == 0 ? "ok" : "degraded", storage, organization.CourtIds, DateTimeOffset.UtcNow, closed, []));
            })
            .WithName("Health").WithTags(ApiTags.Health)
            .Produces<HealthResponse>().Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Liveness").WithDescription("Liveness: the service is up, its storage and courts (no credentials needed); 'degraded', with the closed courts, when a court's ledger does not verify (the others still serve); 'starting', answered 503, while a court is still activating at start").AllowAnonymous();
        // Prometheus scrapes anonymously, as /health; mapped on this application, so served only on its own listener.
        app.MapPrometheusScrapingEndpoint(Telemetry.MetricsPath).AllowAnonymous().ExcludeFromDescription();
        // The Orleans Dashboard, behind the API's authentication (HTTP Basic for a browser): admins of
        // every court only; not part of the API's OpenAPI document.
        app.MapOrleansDashboard(routePrefix: DashboardPath).RequireAuthorization(Policies.Dashboard).ExcludeFromDescription();
        var api = app.MapGroup("/api")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        CaseEndpoints.Map(api);
        CourtEndpoints.Map(api);
        ReportEndpoints.Map(api);
        AuditEndpoints.Map(api);
        PublicEndpoints.Map(app);
        return app;
    }

    private static Organization LoadOrganization(string? path)
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
            return new Organization(loaded.Scenario, path);
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"{path}: {e.Message}");
        }
    }
}
