using System.Text.RegularExpressions;

namespace Docket.Cli.Tests;

/// <summary>
/// The docs' commands that re-write a committed sample (<c>DOCKET_WRITE_…=1 dotnet test … --filter
/// FullyQualifiedName~Class.Method</c>) are not run here — each would re-write a file of the repository — but each must
/// name exactly one test that exists and reads that variable, so the command re-writes what the doc says it does.
/// </summary>
public sealed partial class DocumentedRewriteCommandsTests
{
    [Fact]
    public void Every_documented_rewrite_command_names_one_test_that_reads_its_variable()
    {
        var root = CliRunner.RepoRoot();
        var commands = Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md").Append(Path.Combine(root, "README.md"))
            .SelectMany(doc => RewriteCommand().Matches(File.ReadAllText(doc)).Select(m => (Doc: Path.GetFileName(doc), Match: m)))
            .ToList();
        Assert.True(commands.Count >= 2, $"the docs show the sample ledgers' rewrite commands ({commands.Count} found)");
        foreach (var (doc, m) in commands)
        {
            var (variable, project, type, method) = (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value);
            Assert.True(Directory.Exists(Path.Combine(root, project)), $"{doc}: '{m.Value}' names {project}, which is not a folder of the repository");
            var declaring = Directory.EnumerateFiles(Path.Combine(root, project), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Select(File.ReadAllText)
                .Where(text => Regex.IsMatch(text, $@"\bclass {Regex.Escape(type)}\b"))
                .ToList();
            var source = Assert.Single(declaring);
            Assert.True(Regex.Matches(source, $@"\b(void|Task) {Regex.Escape(method)}\(").Count == 1, $"{doc}: '{m.Value}': {type} has no test {method}");
            Assert.Contains($"\"{variable}\"", source, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"(DOCKET_WRITE_[A-Z_]+)=1 dotnet test (tests/[\w.]+) -c Release --filter FullyQualifiedName~(\w+)\.(\w+)")]
    private static partial Regex RewriteCommand();
}
