namespace Docket.Domain.Cases;

/// <summary>Cases already pending when the run starts, with their ages in days drawn from a distribution.</summary>
public sealed record BacklogEntry(string Type, int Count, EffortDistribution AgeDays);
