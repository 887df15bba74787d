using Docket.Abstractions.Live;

namespace Docket.Grains.Live;

/// <summary>What a live case grain persists: the court's record of the case.</summary>
[GenerateSerializer, Alias("docket.live.case-state")]
public sealed class LiveCaseState
{
    [Id(0)]
    public LiveCase? Case { get; set; }
}
