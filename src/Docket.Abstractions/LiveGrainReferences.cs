using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Docket.Abstractions;

/// <summary>
/// References to a live organisation's court and team grains, made once per grain factory and key: Orleans resolves
/// a grain interface's type by reflection on each <c>GetGrain</c>, which on the filing path (the endpoint to its
/// court, the court to the team it assigned) cost a noticeable share of each filing's allocations. Courts and teams
/// are few and fixed by the scenario, so the cache stays small; cases are not cached.
/// </summary>
public static class LiveGrainReferences
{
    private static readonly ConditionalWeakTable<IGrainFactory, References> s_references = [];

    public static ILiveCourtGrain LiveCourt(this IGrainFactory grains, string court) =>
        Of(grains).Courts.GetOrAdd(court, static (id, factory) => factory.GetGrain<ILiveCourtGrain>(id), grains);

    public static ILiveTeamGrain LiveTeam(this IGrainFactory grains, string team) =>
        Of(grains).Teams.GetOrAdd(team, static (id, factory) => factory.GetGrain<ILiveTeamGrain>(id), grains);

    private static References Of(IGrainFactory grains) => s_references.GetValue(grains, static _ => new References());

    private sealed class References
    {
        public ConcurrentDictionary<string, ILiveCourtGrain> Courts { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<string, ILiveTeamGrain> Teams { get; } = new(StringComparer.Ordinal);
    }
}
