using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Metrics;
using Docket.Grains;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Docket.Server.Hosting;

/// <summary>
/// OpenTelemetry for the server: metrics (Docket's meter, Orleans', ASP.NET Core's and Kestrel's, the .NET runtime's)
/// served for Prometheus at <see cref="MetricsPath"/> on the server's own listener, Docket's counters at zero from the
/// start (<see cref="CountersAtZero"/>); traces (Docket's filing and
/// assignment spans, Orleans' runtime and application sources, ASP.NET Core requests) exported over OTLP only when
/// <c>Docket:Tracing:Otlp:Endpoint</c> is set. A bad endpoint is logged and ignored, and an unreachable collector
/// only loses spans (the exporter batches in the background): neither stops a case from being assigned.
/// </summary>
internal static class Telemetry
{
    public const string MetricsPath = "/metrics";
    public const string OrleansMeter = "Microsoft.Orleans";
    public const string OrleansRuntimeSource = "Microsoft.Orleans.Runtime";
    public const string OrleansApplicationSource = "Microsoft.Orleans.Application";

    /// <summary>Registers metrics and (when configured) tracing; returns a warning about the configuration, or null.</summary>
    public static string? Add(IServiceCollection services, TracingOptions tracing, Domain.Scenarios.Scenario scenario)
    {
        string? warning = null;
        Uri? endpoint = null;
        if (!string.IsNullOrWhiteSpace(tracing.Otlp.Endpoint))
        {
            if (Uri.TryCreate(tracing.Otlp.Endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                endpoint = uri;
            }
            else
            {
                warning = $"Docket:Tracing:Otlp:Endpoint '{tracing.Otlp.Endpoint}' is not an http(s) URL: traces are not exported";
            }
        }
        var protocol = OtlpExportProtocol.Grpc;
        if (endpoint is not null && tracing.Otlp.Protocol is { Length: > 0 } p)
        {
            switch (p.ToLowerInvariant())
            {
                case "grpc":
                    break;
                case "http/protobuf" or "http":
                    protocol = OtlpExportProtocol.HttpProtobuf;
                    break;
                default:
                    warning = $"Docket:Tracing:Otlp:Protocol '{p}' is neither grpc nor http/protobuf: using grpc";
                    break;
            }
        }

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(tracing.ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(DocketMetrics.MeterName, OrleansMeter)
                .SizedFor(scenario)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        services.AddHostedService<CountersAtZero>();
        if (endpoint is not null)
        {
            otel.WithTracing(traces => traces
                .AddSource(LiveTelemetry.SourceName, OrleansRuntimeSource, OrleansApplicationSource)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments(MetricsPath))
                .AddOtlpExporter(o =>
                {
                    o.Endpoint = endpoint;
                    o.Protocol = protocol;
                }));
        }
        return warning;
    }

    /// <summary>
    /// Room for every series of Docket's instruments the scenario's courts can make (<see cref="MetricSeries.LimitFor"/>),
    /// where OpenTelemetry's default of 2,000 would fold the rest into an overflow series.
    /// </summary>
    public static MeterProviderBuilder SizedFor(this MeterProviderBuilder metrics, Domain.Scenarios.Scenario scenario) => metrics.SizedFor(() => scenario);

    /// <summary>
    /// <see cref="SizedFor(MeterProviderBuilder, Domain.Scenarios.Scenario)"/> for a scenario known once Docket's
    /// instruments are made (they are made when the first grain needs them); before it is known, the default.
    /// </summary>
    public static MeterProviderBuilder SizedFor(this MeterProviderBuilder metrics, Func<Domain.Scenarios.Scenario?> scenario) =>
        metrics.AddView(instrument => instrument.Meter.Name == DocketMetrics.MeterName && scenario() is { } known
            && MetricSeries.LimitFor(instrument.Name, known) is { } limit
            ? new MetricStreamConfiguration { CardinalityLimit = limit }
            : null);
}

/// <summary>The <c>Docket:Tracing</c> section.</summary>
public sealed class TracingOptions
{
    /// <summary>The <c>service.name</c> resource attribute of exported spans and metrics.</summary>
    public string ServiceName { get; set; } = "docket-server";

    public OtlpOptions Otlp { get; set; } = new();
}

public sealed class OtlpOptions
{
    /// <summary>The collector's URL (e.g. <c>http://127.0.0.1:4317</c>); unset (the default): no traces are exported.</summary>
    public string? Endpoint { get; set; }

    /// <summary><c>grpc</c> (default) or <c>http/protobuf</c>.</summary>
    public string? Protocol { get; set; }
}
