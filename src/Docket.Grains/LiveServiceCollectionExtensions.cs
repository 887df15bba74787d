using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Docket.Grains;

public static class LiveServiceCollectionExtensions
{
    /// <summary>
    /// What the live grains need in a silo: the organisation they run, a clock and Docket's metrics. The host registers where ledgers
    /// are kept (<see cref="ICourtJournal"/>): the live grains keep nothing else (each derives its state from the ledger).
    /// </summary>
    public static IServiceCollection AddDocketLive(this IServiceCollection services, Organization organization)
    {
        services.AddSingleton(organization);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<DocketMetrics>();
        services.TryAddSingleton<ILedgerWitness, NoLedgerWitness>();
        services.TryAddSingleton<EarlyTakeUps>();
        services.TryAddSingleton<LiveCourtSettings>();
        return services;
    }
}
