using System.Text.Json.Nodes;
using Docket.Cli.Output;
using Spectre.Console;

namespace Docket.Cli.Tests;

/// <summary>Terminal tables at 80 columns and piped: no number, word or header split or cut.</summary>
public sealed class TableFitTests
{
    [Fact]
    public async Task The_quick_start_tables_fit_80_columns_with_every_number_and_team_kind_whole()
    {
        var outDir = Path.Combine(Path.GetTempPath(), $"docket-fit-{Guid.NewGuid():N}");
        var scenario = Path.Combine(CliRunner.RepoRoot(), "scenarios", "xicheng-pooled.yaml");
        var (exit, output, error) = await CliRunner.RunAtWidthAsync(80, "simulate", scenario, "--days", "450", "--out", outDir, "--no-report");
        Assert.True(exit == 0, error);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.All(lines, l => Assert.True(l.Length <= 80, $"wider than 80 columns: {l}"));
        Assert.DoesNotContain("…", output);
        var summary = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "summary.json")))!;
        var teams = summary["teams"]!.AsArray();
        foreach (var kind in teams.GroupBy(t => (string)t!["kind"]!))
        {
            var closed = kind.Select(t => (double)t!["closed"]!).ToList();
            Assert.Contains($"│ {kind.Key} ", output);
            Assert.Contains($"{Numbers.Number(closed.Min())}–{Numbers.Number(closed.Max())}", output);
        }
        // Headers may wrap between their words, never inside one.
        foreach (var word in new[] { "utilization", "quota", "attainment", "workload", "units", "min–max" })
        {
            Assert.Contains(word, output);
        }
        Assert.Contains(Numbers.Percent((double)summary["closure_rate"]!), output);
        Assert.Contains(Numbers.Number((double)summary["pending_time_average"]!), output);
    }

    [Fact]
    public async Task Compare_at_80_columns_fits_its_table_and_wraps_its_notes_between_words()
    {
        var scenario = Path.Combine(CliRunner.RepoRoot(), "scenarios", "minimal.yaml");
        var (exit, output, error) = await CliRunner.RunAtWidthAsync(80, "compare", scenario, scenario, "--replications", "2", "--days", "400", "--no-report");
        Assert.True(exit == 0, error);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.All(lines, l => Assert.True(l.Length <= 80, $"wider than 80 columns: {l}"));
        // The significance note, wrapped, still says all of it.
        var text = string.Join(" ", lines.Select(l => l.Trim()));
        Assert.Contains("* the 95% interval of the paired difference leaves out zero (significant at 5%); [low, high] is that interval.", text);
        Assert.Contains("Rates are percentages; their ± and differences are in percentage points (pp).", text);
    }

    [Fact]
    public async Task A_wrapped_header_of_a_figures_column_lines_up_with_its_figures_at_the_right()
    {
        var scenario = Path.Combine(CliRunner.RepoRoot(), "scenarios", "xicheng-1-1-1.yaml");
        var (exit, output, error) = await CliRunner.RunAtWidthAsync(80, "staffing", scenario, "--template", "1+1+1");
        Assert.True(exit == 0, error);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var top = lines.FindLastIndex(l => l.StartsWith('┌'));
        var rule = lines.FindIndex(top, l => l.StartsWith('├'));
        Assert.True(rule - top > 2, "the role table's header no longer wraps at 80 columns: the test needs a narrower width");
        static string[] Cells(string line) => line.Split('│')[1..^1];
        var body = lines.Skip(rule + 1).TakeWhile(l => l.StartsWith('│')).Select(Cells).ToList();
        var header = lines.Skip(top + 1).Take(rule - top - 1).Select(Cells).ToList();
        for (var k = 0; k < header[0].Length; k++)
        {
            // A figures column: some figure stands right, with room before it.
            if (!body.Any(r => r[k].StartsWith("  ", StringComparison.Ordinal)))
            {
                continue;
            }
            Assert.All(header.Select(h => h[k]).Where(c => c.Trim().Length > 0),
                c => Assert.True(c.EndsWith(' ') && !c.EndsWith("  ", StringComparison.Ordinal), $"header line '{c}' does not end where the figures do"));
        }
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("serve", "--help")]
    [InlineData("optimize", "--help")]
    public async Task Help_wraps_at_80_columns(params string[] args)
    {
        var (exit, output, error) = await CliRunner.RunAtWidthAsync(80, args);
        Assert.True(exit == 0, error);
        Assert.Contains("Usage:", output);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.All(lines, l => Assert.True(l.Length <= 80, $"wider than 80 columns: {l}"));
    }

    [Fact]
    public void A_table_too_wide_for_the_width_is_stacked_into_label_and_value_lines()
    {
        var table = new Table().AddColumn("team kind").AddColumn("closed per team min–max").AddColumn("utilization").AddColumn("workload units");
        table.AddRow("specialized", "1,121–1,215", "53.6 %", "16,725.8");
        table.AddRow("enforcement", "1,027–1,126", "67.4 %", "6,145.5");
        using var writer = new StringWriter();
        var console = new CliOutput(writer, 44).Console();
        Assert.False(FittedTable.Fits(console, table, 44));
        FittedTable.Write(console, table);
        var text = writer.ToString();
        Assert.All(text.Split('\n'), l => Assert.True(l.TrimEnd('\r').Length <= 44, l));
        foreach (var whole in new[] { "specialized", "1,121–1,215", "16,725.8", "utilization", "enforcement", "1,027–1,126" })
        {
            Assert.Contains(whole, text);
        }
    }

    [Fact]
    public void A_table_that_fits_is_written_as_a_table()
    {
        var table = new Table().AddColumn("case type").AddColumn("filed");
        table.AddRow("small_claims", "9,060");
        using var writer = new StringWriter();
        var console = new CliOutput(writer, 80).Console();
        FittedTable.Write(console, table);
        Assert.Contains("│ small_claims │ 9,060 │", writer.ToString());
    }

    [Fact]
    public void Piped_output_has_a_fixed_width_unless_columns_says_otherwise()
    {
        using var writer = new StringWriter();
        var expected = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns >= 20 ? columns : CliOutput.PipedWidth;
        Assert.Equal(expected, CliOutput.For(writer).Width);
    }
}
