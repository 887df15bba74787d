using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Orleans;
namespace Docket.Domain.Courts;

/// <summary>A process node (or effort stage) a case has reached, and when.</summary>
[GenerateSerializer, Immutable, Alias("docket.live.node-reach")]
public sealed record NodeReach(
    [property: Id(0)] string Node,
    [property: Id(1)] DateTimeOffset At);
