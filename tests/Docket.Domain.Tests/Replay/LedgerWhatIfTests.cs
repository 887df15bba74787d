using Docket.Domain.Courts;
using Docket.Domain.Replay;
using Docket.Domain.Scenarios;
using Docket.Domain.Tests.Scenarios;

namespace Docket.Domain.Tests.Replay;

/// <summary>The planner's what-if on a real court's intake: a case goes elsewhere because the layout differs, not by another seed's luck.</summary>
public sealed class LedgerWhatIfTests
{
    private static readonly string s_root = ScenarioTestSupport.RepoRoot();

    [Fact]
    public void A_layout_that_changes_only_the_administrative_teams_moves_only_administrative_cases()
    {
        var ledgerPath = Path.Combine(s_root, "scenarios", "xicheng-pooled.ledger.jsonl");
        var lines = LedgerFile.Read(File.ReadLines(ledgerPath), ledgerPath);
        var secrets = LedgerFile.RevealedSecrets(lines, ledgerPath);
        Assert.NotEmpty(secrets);
        var yaml = File.ReadAllText(Path.Combine(s_root, "scenarios", "xicheng-pooled.yaml"))
            .Replace("{ id: admin, template: \"1+1\", count: 12,", "{ id: admin, template: \"1+1\", count: 13,", StringComparison.Ordinal);
        var loaded = ScenarioLoader.Load(yaml, "admin-13.yaml");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        var court = new Organization(loaded.Scenario!, "admin-13.yaml").Court("xicheng-pooled")!;
        Assert.False(LedgerReplay.SameLayout(court, lines));

        var summary = LedgerWhatIf.Run(loaded.Scenario!, "admin-13.yaml", court.Id, lines, secrets);

        var administrative = lines.Count(l => l.Entry.Type == "administrative");
        Assert.Equal(60, summary.Replay!.Cases);
        Assert.InRange(summary.Replay.Moved, 1, administrative);
    }
}
