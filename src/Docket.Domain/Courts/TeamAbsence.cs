using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Orleans;
namespace Docket.Domain.Courts;

/// <summary>
/// A team's absence as recorded (ledger entry <see cref="Seq"/>): away from <see cref="From"/> until <see cref="To"/>;
/// withdrawn by ledger entry <see cref="Withdrawn"/>, if it was (then <see cref="To"/> is when the team came back).
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.live.team-absence")]
public sealed record TeamAbsence(
    [property: Id(0)] string Team,
    [property: Id(1)] DateTimeOffset From,
    [property: Id(2)] DateTimeOffset To,
    [property: Id(3)] string Reason,
    [property: Id(4)] long Seq,
    [property: Id(5)] bool AwayNow,
    [property: Id(6)] long? Withdrawn = null);
