using Docket.Domain.Scenarios;

namespace Docket.Cli.Hosting;

/// <summary>Where a command's simulation grains run: the in-process silo, or the silos of an Orleans cluster.</summary>
internal interface ISimulationHost : IAsyncDisposable
{
    IGrainFactory Grains { get; }

    /// <summary>Hands over a scenario the command has parsed already (the in-process silo keeps it; a cluster's silos parse the text themselves).</summary>
    void Offer(string text, Scenario parsed);

    /// <summary>How many silos run the grains now.</summary>
    Task<int> CountSilosAsync();

    /// <summary>Ends only by failing, when a silo running the grains leaves (never, in process), or when cancelled.</summary>
    Task WatchForLossAsync(CancellationToken cancellationToken);
}
