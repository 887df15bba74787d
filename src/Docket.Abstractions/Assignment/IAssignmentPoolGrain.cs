namespace Docket.Abstractions.Assignment;

/// <summary>
/// A pool of teams that receives cases under one policy (the live path): decisions come from the domain's policy
/// on the pool's board; every draw uses a random stream keyed by (seed, pool, case number), so it can be re-computed.
/// </summary>
[Alias("docket.assignment-pool")]
public interface IAssignmentPoolGrain : IGrainWithStringKey
{
    [Alias("configure")]
    Task ConfigureAsync(PoolConfiguration configuration);

    [Alias("assign")]
    Task<AssignmentDecision> AssignAsync(CaseFiling filing);

    /// <summary>Many filings in one call: decisions in the order given.</summary>
    [Alias("assign-batch")]
    Task<AssignmentDecision[]> AssignBatchAsync(CaseFiling[] filings);

    [Alias("close")]
    Task CloseAsync(string team, string caseType);

    [Alias("absent")]
    Task SetAbsentAsync(string team, bool absent);
}

[GenerateSerializer, Immutable, Alias("docket.pool-configuration")]
public sealed record PoolConfiguration(
    [property: Id(0)] ulong Seed,
    [property: Id(1)] string Policy,
    [property: Id(2)] int? Cap,
    [property: Id(3)] PoolCaseType[] CaseTypes,
    [property: Id(4)] PoolTeam[] Teams);

[GenerateSerializer, Immutable, Alias("docket.pool-case-type")]
public sealed record PoolCaseType(
    [property: Id(0)] string Id,
    [property: Id(1)] string Category,
    [property: Id(2)] double Weight);

[GenerateSerializer, Immutable, Alias("docket.pool-team")]
public sealed record PoolTeam(
    [property: Id(0)] string Id,
    [property: Id(1)] string[] Accepts,
    [property: Id(2)] int? Cap,
    [property: Id(3)] double Coefficient,
    [property: Id(4)] int Judges,
    [property: Id(5)] bool Leader,
    [property: Id(6)] bool Chief);

[GenerateSerializer, Immutable, Alias("docket.case-filing")]
public sealed record CaseFiling(
    [property: Id(0)] long CaseNumber,
    [property: Id(1)] string CaseType,
    [property: Id(2)] bool Flagged);

/// <summary>The team chosen (null when none can take the case now) and how.</summary>
[GenerateSerializer, Immutable, Alias("docket.assignment-decision")]
public sealed record AssignmentDecision(
    [property: Id(0)] long CaseNumber,
    [property: Id(1)] string? Team,
    [property: Id(2)] string Policy,
    [property: Id(3)] bool Designated);
