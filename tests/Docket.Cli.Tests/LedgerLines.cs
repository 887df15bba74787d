using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Scenarios;

namespace Docket.Cli.Tests;

/// <summary>Exported ledgers for the CLI's tests: written to a temporary file, or changed at one entry and re-chained.</summary>
internal static class LedgerLines
{
    /// <summary>The lines in a temporary <c>.jsonl</c> file; its path.</summary>
    public static string Write(IEnumerable<string> lines) => CliRunner.WriteTemp(string.Join("", lines.Select(l => l + "\n")), ".jsonl");

    /// <summary>The ledger with entry <paramref name="index"/> replaced and every link after it re-hashed (the forger's work).</summary>
    public static List<string> Rechain(List<string> lines, int index, LedgerEntry replacement)
    {
        var result = lines.Take(index).ToList();
        result.Add((replacement with { Prev = LedgerHash.Of(lines[index - 1]) }).ToJson());
        for (var i = index + 1; i < lines.Count; i++)
        {
            result.Add((LedgerEntry.Parse(lines[i]) with { Prev = LedgerHash.Of(result[^1]) }).ToJson());
        }
        return result;
    }

    /// <summary>A court of a scenario of the repository (a path from its root).</summary>
    public static Court CourtOf(string scenario, string court)
    {
        var loaded = ScenarioLoader.Load(File.ReadAllText(Path.Combine(CliRunner.RepoRoot(), scenario)), scenario);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        return new Organization(loaded.Scenario!, scenario).Court(court)!;
    }
}
