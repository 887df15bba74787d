using Docket.Domain.Metrics;
using Docket.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Grains;

public static class DocketGrainsServiceCollectionExtensions
{
    /// <summary>Services Docket's grains need in every silo.</summary>
    public static IServiceCollection AddDocketGrains(this IServiceCollection services) =>
        services.AddSingleton<ScenarioCatalog>()
            .AddMetrics()
            .AddSingleton<DocketMetrics>();
}
