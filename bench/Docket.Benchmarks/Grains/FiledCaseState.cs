namespace Docket.Benchmarks.Grains;

/// <summary>What a persisted case grain stores: its filing and the team it was assigned to.</summary>
[GenerateSerializer, Alias("docket.bench.filed-case-state")]
public sealed class FiledCaseState
{
    [Id(0)]
    public long CaseNumber { get; set; }

    [Id(1)]
    public string CaseType { get; set; } = "";

    [Id(2)]
    public string? Team { get; set; }
}
