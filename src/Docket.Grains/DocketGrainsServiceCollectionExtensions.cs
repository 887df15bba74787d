using Docket.Domain.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Docket.Grains;

public static class DocketGrainsServiceCollectionExtensions
{
    /// <summary>Services Docket's grains need in every silo.</summary>
    public static IServiceCollection AddDocketGrains(this IServiceCollection services)
    {
        services.TryAddSingleton<ScenarioCatalog>();
        services.AddMetrics();
        services.TryAddSingleton<DocketMetrics>();
        services.TryAddSingleton<DueCases>();
        return services;
    }
}
