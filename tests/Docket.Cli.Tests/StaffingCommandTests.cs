using System.Text.Json.Nodes;

namespace Docket.Cli.Tests;

public sealed class StaffingCommandTests
{
    private static string Sample(string file) => Path.Combine(CliRunner.RepoRoot(), "scenarios", file);

    [Fact]
    public async Task The_table_shows_xichengs_clerks_short_by_95_of_170_under_one_plus_one_plus_one()
    {
        var (exit, output, error) = await CliRunner.RunAsync("staffing", Sample("xicheng-1-1-1.yaml"), "--template", "1+1+1");
        Assert.True(exit == 0, error);
        var clerkRow = output.Split('\n').Single(l => l.Contains("│ clerk ", StringComparison.Ordinal));
        Assert.Contains("│      75 │", clerkRow, StringComparison.Ordinal);
        Assert.Contains("│    95 │", clerkRow, StringComparison.Ordinal);
        Assert.Contains("55.9", clerkRow, StringComparison.Ordinal);
        Assert.Contains("32,024.5", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_is_snake_case_with_every_figure()
    {
        var (exit, output, error) = await CliRunner.RunAsync("staffing", Sample("xicheng-1-1-1.yaml"), "--template", "1+1+1", "--judge-year", "200", "--json");
        Assert.True(exit == 0, error);
        var report = JsonNode.Parse(output)!;
        Assert.Equal("1+1+1", (string)report["template"]!);
        Assert.Equal(200, (double)report["judge_year_units"]!);
        var court = report["courts"]![0]!;
        Assert.Equal(32_024.5, (double)court["workload_units"]!, 6);
        Assert.Equal(32_024.5 / 200, (double)court["judges_needed"]!, 6);
        Assert.Equal(170, (int)court["judges_on_hand"]!);
        var full = court["quotas"]!.AsArray().Single(q => (string)q!["group"]! == "full")!;
        Assert.Equal(84, (int)full["teams_needed"]!); // 360 cases a team (quota_unit: cases): 30,192.2 cases ÷ 360
        Assert.Equal("cases", (string)full["quota_unit"]!);
        Assert.Equal(59_700 * 150 / 296.6, (double)full["cases"]!, 6);
        var clerk = court["layout"]!["roles"]!.AsArray().Single(r => (string)r!["role"]! == "clerk")!;
        Assert.Equal(95, (int)clerk["short_for_judges_on_hand"]!);
        Assert.Equal(95.0 / 170, (double)clerk["short_share_for_judges_on_hand"]!, 9);
    }

    [Theory]
    [InlineData("--template", "2+2", "unknown team template '2+2'")]
    [InlineData("--judge-year", "0", "--judge-year must be between 1 and 1000000 workload units (got 0)")]
    [InlineData("--judge-year", "1e-320", "--judge-year must be between 1 and 1000000 workload units (got 1E-320)")]
    [InlineData("--judge-year", "2e6", "--judge-year must be between 1 and 1000000 workload units (got 2000000)")]
    public async Task Bad_options_are_bad_input(string option, string value, string message)
    {
        var (exit, _, error) = await CliRunner.RunAsync("staffing", Sample("minimal.yaml"), option, value);
        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
