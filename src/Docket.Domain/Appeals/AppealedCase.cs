using Orleans;

namespace Docket.Domain.Appeals;

/// <summary>
/// An appealed case on its way to the court above: closed below at <see cref="Closed"/>, arriving at
/// <see cref="Arrival"/> (closure + the up transfer) in court <see cref="Upper"/> (an index into the scenario's expanded
/// courts) as a case of type <see cref="Type"/> (an index into the scenario's types). <see cref="SourceCourt"/> and
/// <see cref="Serial"/> (the sender's count of appeals, from 0) order appeals that arrive at the same time.
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.sim.appealed-case")]
public readonly record struct AppealedCase(
    [property: Id(0)] double Closed,
    [property: Id(1)] double Arrival,
    [property: Id(2)] int Type,
    [property: Id(3)] int Upper,
    [property: Id(4)] int SourceCourt,
    [property: Id(5)] int Serial,
    [property: Id(6)] ulong Key,
    [property: Id(7)] double BackDays);
