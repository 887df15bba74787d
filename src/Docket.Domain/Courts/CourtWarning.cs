using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Orleans;
namespace Docket.Domain.Courts;

/// <summary>A deadline warning as the court lists it: the case, the team and division it is with now, and the warning.</summary>
[GenerateSerializer, Immutable, Alias("docket.live.court-warning")]
public sealed record CourtWarning(
    [property: Id(0)] string Case,
    [property: Id(1)] string? Team,
    [property: Id(2)] string? Division,
    [property: Id(3)] CaseWarning Warning);
