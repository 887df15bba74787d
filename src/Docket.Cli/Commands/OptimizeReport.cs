using Docket.Domain.Planning;

namespace Docket.Cli.Commands;

/// <summary>What <c>docket optimize</c> found, with what it was asked.</summary>
internal sealed record OptimizeReport(string Scenario, string Varied, int Current, ulong Seed, int Replications,
    IReadOnlyList<string> Goals, StaffingSearchResult Result);
