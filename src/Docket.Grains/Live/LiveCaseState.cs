using Docket.Abstractions.Live;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;

namespace Docket.Grains.Live;

/// <summary>What a live case grain persists: the court's record of the case.</summary>
[GenerateSerializer, Alias("docket.live.case-state")]
public sealed class LiveCaseState
{
    [Id(0)]
    public CourtCase? Case { get; set; }
}
