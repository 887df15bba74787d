using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Docket.Cli.Tests;

/// <summary>
/// A doc's bash blocks that run one `docket` command, run with bash from the repository root as written but for
/// <c>dotnet run --project src/Docket.Cli -c Release --</c>, replaced by the docket this test run built; each exit
/// written after <c># → exit N</c> is checked, every other line must succeed.
/// </summary>
internal static partial class DocumentedBlocks
{
    private const string DocumentedCli = "dotnet run --project src/Docket.Cli -c Release --";

    /// <summary>Runs the blocks of <paramref name="doc"/> that run <c>docket {command}</c>; how many there were.</summary>
    public static async Task<int> RunAsync(string doc, string command)
    {
        var text = File.ReadAllText(Path.Combine(CliRunner.RepoRoot(), doc)).ReplaceLineEndings("\n");
        var blocks = BashBlock().Matches(text).Select(m => m.Groups[1].Value).Where(b => b.Contains($"{DocumentedCli} {command}", StringComparison.Ordinal)).ToList();
        var docket = Path.Combine(AppContext.BaseDirectory, "docket.dll");
        foreach (var block in blocks)
        {
            var script = new StringBuilder("cd \"$1\"\n");
            var lines = block.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Replace(DocumentedCli, $"dotnet '{docket}'", StringComparison.Ordinal);
                var expected = ExpectedExit().Match(lines[i]);
                script.Append(expected.Success
                    ? $"{line}\ns=$?; if [ $s -ne {expected.Groups[1].Value} ]; then echo \"line {i + 1}: exit $s, not {expected.Groups[1].Value}\" >&2; exit 1; fi\n"
                    : $"{line} || exit 1\n");
            }
            var path = CliRunner.WriteTemp(script.ToString(), ".sh");
            using var bash = Process.Start(new ProcessStartInfo("bash", [path, CliRunner.RepoRoot()])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = bash.StandardOutput.ReadToEndAsync();
            var error = bash.StandardError.ReadToEndAsync();
            await bash.WaitForExitAsync();
            Assert.True(bash.ExitCode == 0, $"{doc}:\n{block}\n{await output}\n{await error}");
        }
        return blocks.Count;
    }

    [GeneratedRegex(@"```bash\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    [GeneratedRegex(@"#\s*→\s*exit\s+(\d)")]
    private static partial Regex ExpectedExit();
}
