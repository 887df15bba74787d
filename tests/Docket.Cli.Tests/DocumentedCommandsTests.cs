using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Docket.Cli.Tests;

/// <summary>
/// Every <c>docket</c> command the README and the docs show in a fenced block, run as written (with <c>--no-build</c>
/// and this test's configuration in place of <c>-c Release</c>) from a temporary directory laid out like the
/// repository root, so that the commands' <c>out/</c> folders stay out of the repository. Each must exit with the
/// code the doc implies (2 where the paragraph before the block says so, else 0) and, where the doc pastes the output,
/// print the pasted output's first line. <c>serve</c>, <c>silo</c> and runs on a cluster are left to the server's tests
/// (Docket.Server.Tests/Docs).
/// </summary>
public sealed partial class DocumentedCommandsTests
{
    private const string Cli = "dotnet run --project src/Docket.Cli";
    private const string DocumentedDocket = "dotnet run --project src/Docket.Cli -c Release --";

    /// <summary>The files whose blocks run the CLI (docs/api.md's blocks start the server: Docket.Server.Tests).</summary>
    private static readonly string[] Files =
    [
        "README.md", "docs/planning.md", "docs/compare.md", "docs/reports.md", "docs/simulation.md",
        "docs/scenarios.md", "docs/summary.md", "scenarios/README.md",
    ];

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var command in Read())
        {
            data.Add(command.Id);
        }
        return data;
    }

    [Fact]
    public void The_docs_show_cli_commands_in_every_file_that_documents_them()
    {
        var commands = Read();
        foreach (var doc in new[] { "README.md", "docs/planning.md", "docs/compare.md", "docs/reports.md" })
        {
            Assert.Contains(commands, c => c.Doc == doc);
        }
        Assert.Contains(commands, c => c.ExpectedExit == 2);
        Assert.Contains(commands, c => c.FirstOutputLine is not null);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_documented_command_runs_as_written(string id)
    {
        var command = Read().Single(c => c.Id == id);
        var line = ForThisRun(command);
        var (exit, output) = await RunAsync(line);
        Assert.True(exit == command.ExpectedExit,
            $"{command.Id}: '{command.Line}' exited {exit}, the doc implies {command.ExpectedExit} (ran '{line}'):\n{output}");
        if (command.FirstOutputLine is { } first)
        {
            Assert.True(output.Contains(first, StringComparison.Ordinal),
                $"{command.Id}: '{command.Line}' did not print the doc's first output line '{first}' (ran '{line}'):\n{output}");
        }
    }

    /// <summary>The documented line with <c>--no-build</c> and this build's configuration in place of <c>-c Release</c>.</summary>
    private static string ForThisRun(DocumentedCommand command)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";
        var line = command.Line.Replace($"{Cli} -c Release ", $"{Cli} -c {configuration} --no-build ", StringComparison.Ordinal);
        Assert.NotEqual(command.Line, line);
        return line;
    }

    private sealed record DocumentedCommand(string Doc, int Block, int Index, string Line, int ExpectedExit, string? FirstOutputLine)
    {
        public string Id => $"{Doc}:{Block}#{Index}";
    }

    private static List<DocumentedCommand> Read()
    {
        var commands = new List<DocumentedCommand>();
        foreach (var doc in Files)
        {
            commands.AddRange(Read(doc, File.ReadAllText(Path.Combine(CliRunner.RepoRoot(), doc))));
        }
        return commands;
    }

    /// <summary>The CLI commands of one doc's fenced blocks (plain, bash, sh or console), with what the doc says of them.</summary>
    private static IEnumerable<DocumentedCommand> Read(string doc, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var abbreviates = text.Contains($"`docket` stands for `{DocumentedDocket}`", StringComparison.Ordinal);
        var blocks = Blocks(lines);
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            if (block.Language is not ("" or "bash" or "sh" or "console" or "shell"))
            {
                continue;
            }
            var before = ParagraphBefore(lines, block.Start);
            var exit = ExitTwo().IsMatch(before) ? 2 : 0;
            var index = 0;
            for (var i = 0; i < block.Body.Count; i++)
            {
                var raw = block.Body[i];
                var prompted = raw.StartsWith("$ ", StringComparison.Ordinal);
                var shown = prompted ? raw[2..] : raw;
                if (shown.StartsWith("docket ", StringComparison.Ordinal) && prompted)
                {
                    Assert.True(abbreviates, $"{doc} line {block.Start + 2 + i}: '$ docket …' but the doc does not say that `docket` stands for `{DocumentedDocket}`");
                    shown = $"{DocumentedDocket} {shown["docket ".Length..]}";
                }
                if (!shown.StartsWith(Cli + " ", StringComparison.Ordinal))
                {
                    continue;
                }
                var line = Annotation().Replace(shown, "").TrimEnd();
                if (Serve().IsMatch(line))
                {
                    continue;
                }
                string? first = null;
                if (prompted && i + 1 < block.Body.Count && !block.Body[i + 1].StartsWith("$ ", StringComparison.Ordinal))
                {
                    first = block.Body[i + 1];
                }
                else if (!prompted && block.Body.Count == 1 && b + 1 < blocks.Count && blocks[b + 1].Body.Count > 0
                    && ParagraphBefore(lines, blocks[b + 1].Start).StartsWith("Printed", StringComparison.Ordinal)
                    && blocks[b + 1].Start - block.End < 8)
                {
                    first = blocks[b + 1].Body[0];
                }
                yield return new DocumentedCommand(doc, block.Start + 1, index++, line, exit, string.IsNullOrWhiteSpace(first) ? null : first.Trim());
            }
        }
    }

    private sealed record Block(int Start, int End, string Language, List<string> Body);

    private static List<Block> Blocks(string[] lines)
    {
        var blocks = new List<Block>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }
            var start = i;
            var body = new List<string>();
            for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
            {
                body.Add(lines[i]);
            }
            blocks.Add(new Block(start, i, lines[start][3..].Trim(), body));
        }
        return blocks;
    }

    /// <summary>The prose paragraph right above line <paramref name="fence"/> (blank lines skipped), joined.</summary>
    private static string ParagraphBefore(string[] lines, int fence)
    {
        var i = fence - 1;
        while (i >= 0 && lines[i].Trim().Length == 0)
        {
            i--;
        }
        var paragraph = new List<string>();
        for (; i >= 0 && lines[i].Trim().Length > 0 && !lines[i].StartsWith("```", StringComparison.Ordinal); i--)
        {
            paragraph.Insert(0, lines[i]);
        }
        return string.Join(' ', paragraph);
    }

    /// <summary>Runs one command line with bash in a fresh directory laid out like the repository root.</summary>
    private static async Task<(int Exit, string Output)> RunAsync(string line)
    {
        var root = CliRunner.RepoRoot();
        var dir = Directory.CreateTempSubdirectory("docket-doc-");
        try
        {
            // The scenarios are copied, not linked: a command that writes one (scenario national --out scenarios/…)
            // writes the copy, never the repository's file.
            var scenarios = Directory.CreateDirectory(Path.Combine(dir.FullName, "scenarios"));
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "scenarios")))
            {
                File.Copy(file, Path.Combine(scenarios.FullName, Path.GetFileName(file)));
            }
            foreach (var entry in new[] { "src", "Actors.sln", "Directory.Build.props", "Directory.Packages.props", ".editorconfig", "users.example.json" })
            {
                var target = Path.Combine(root, entry);
                if (Directory.Exists(target))
                {
                    Directory.CreateSymbolicLink(Path.Combine(dir.FullName, entry), target);
                }
                else if (File.Exists(target))
                {
                    File.CreateSymbolicLink(Path.Combine(dir.FullName, entry), target);
                }
            }
            var info = new ProcessStartInfo("bash")
            {
                WorkingDirectory = dir.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(line);
            // dotnet test's MSBuild variables would send the child's dotnet run to the test host's MSBuild; tables
            // are as wide as the doc's (120 columns when piped) whatever the test's terminal.
            foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "COLUMNS").ToList())
            {
                info.Environment.Remove(key);
            }
            using var process = Process.Start(info) ?? throw new InvalidOperationException("bash did not start");
            var output = new StringBuilder();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                return (-1, $"timed out after 5 minutes\n{await stdout}{await stderr}");
            }
            output.Append(await stdout).Append(await stderr);
            return (process.ExitCode, output.ToString());
        }
        finally
        {
            // The links first, so that deleting the directory cannot reach into the repository.
            foreach (var link in dir.EnumerateFileSystemInfos().Where(e => e.LinkTarget is not null))
            {
                link.Delete();
            }
            dir.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"\s{2,}\([^)]*\)$")]
    private static partial Regex Annotation();

    /// <summary>The service, and the cluster commands (they need Redis and silos): run by Docket.Server.Tests/Docs.</summary>
    [GeneratedRegex(@" -- (serve|silo)\b|--cluster redis")]
    private static partial Regex Serve();

    [GeneratedRegex(@"exit code 2|exits with code 2|exits 2|is refused")]
    private static partial Regex ExitTwo();
}
