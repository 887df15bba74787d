using Docket.Domain.Supervision;
using Orleans;

namespace Docket.Domain.Simulation;

/// <summary>A simulated case's record as of <see cref="Day"/>; times in simulation days, NaN where not reached yet.</summary>
[GenerateSerializer, Immutable, Alias("docket.sim.case-snapshot")]
public sealed record CaseSnapshot
{
    /// <summary><c>{court}/{case}</c>, the case's place in its court.</summary>
    [Id(0)]
    public required string Id { get; init; }

    /// <summary>The court's number of the case, 0 while not filed (<see cref="CaseRecord.Number"/>).</summary>
    [Id(1)]
    public required int Number { get; init; }

    [Id(2)]
    public required string Type { get; init; }

    [Id(3)]
    public required CaseStatus Status { get; init; }

    [Id(4)]
    public required double Day { get; init; }

    [Id(5)]
    public required double Received { get; init; }

    [Id(6)]
    public required double Filed { get; init; }

    [Id(7)]
    public required double Assigned { get; init; }

    [Id(8)]
    public required double Closed { get; init; }

    /// <summary>The team holding it, null while it waits (or was never filed).</summary>
    [Id(9)]
    public required string? Team { get; init; }

    /// <summary>Its judge in charge (<c>{team}/judge-{n}</c>), null while no team holds it.</summary>
    [Id(10)]
    public required string? Judge { get; init; }

    [Id(11)]
    public required bool Flagged { get; init; }

    [Id(12)]
    public required bool Designated { get; init; }

    [Id(13)]
    public required bool Escalated { get; init; }

    [Id(14)]
    public required bool Locked { get; init; }

    [Id(15)]
    public required RiskLevel Risk { get; init; }
}
