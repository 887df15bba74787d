using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Orleans;
namespace Docket.Domain.Access;

/// <summary>
/// Who asks: a user's name and role, and where they sit — their court, their division (a team group of the court)
/// and their team. Null scope means "not bound" (an auditor or admin sees every court).
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.live.actor")]
public sealed record Actor(
    [property: Id(0)] string Name,
    [property: Id(1)] string Role,
    [property: Id(2)] string? Court,
    [property: Id(3)] string? Division,
    [property: Id(4)] string? Team);
