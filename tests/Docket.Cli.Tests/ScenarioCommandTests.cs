using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Docket.Cli.Tests;

public sealed partial class ScenarioCommandTests
{
    [Fact]
    public async Task The_committed_national_scenario_is_what_the_generator_writes_with_its_defaults()
    {
        var (exit, output, error) = await CliRunner.RunAsync("scenario", "national");
        Assert.True(exit == 0, error);
        var committed = await File.ReadAllTextAsync(Path.Combine(CliRunner.RepoRoot(), "scenarios", "national.yaml"));
        Assert.Equal(committed.ReplaceLineEndings("\n"), output.ReplaceLineEndings("\n"));
        Assert.Contains("3058 basic courts", committed);
    }

    [Fact]
    public async Task A_generated_system_has_the_courts_judges_and_yearly_intake_asked_for()
    {
        var path = Path.Combine(Path.GetTempPath(), $"national-{Guid.NewGuid():N}.yaml");
        var (exit, output, error) = await CliRunner.RunAsync("scenario", "national", "--courts", "60", "--high-courts", "2",
            "--intermediate-courts", "8", "--judges", "2400", "--cases", "600000", "--warmup-days", "0", "--out", path);
        Assert.True(exit == 0, error);
        Assert.Contains("written", output);
        var text = await File.ReadAllTextAsync(path);
        Assert.Equal(0, (await CliRunner.RunAsync("validate", path)).Exit);

        // Courts: the groups' counts add up; judges: one per team, teams × courts.
        var groups = CourtGroup().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(60, groups.Sum());
        var judges = 0;
        var courtCount = 0;
        foreach (var line in text.Split('\n'))
        {
            if (CourtGroup().Match(line) is { Success: true } court)
            {
                courtCount = int.Parse(court.Groups[1].Value, CultureInfo.InvariantCulture);
            }
            if (TeamCount().Match(line) is { Success: true } team)
            {
                judges += courtCount * int.Parse(team.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }
        Assert.InRange(judges, 2400 * 0.9, 2400 * 1.1);

        // Its first 60 days file cases at the yearly rate asked for (appeals and mediated disputes as the header says).
        var outDir = Path.Combine(Path.GetTempPath(), $"national-run-{Guid.NewGuid():N}");
        var run = await CliRunner.RunAsync("simulate", path, "--days", "60", "--no-report", "--out", outDir);
        Assert.True(run.Exit == 0, run.Error);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "summary.json")));
        var filed = summary.RootElement.GetProperty("cases").GetProperty("filed").GetInt64();
        Assert.InRange(filed * 365.0 / 60, 600_000 * 0.85, 600_000 * 1.1);
    }

    [Fact]
    public async Task A_system_with_the_fewest_judges_allowed_still_seats_a_meeting_in_every_court()
    {
        var path = Path.Combine(Path.GetTempPath(), $"national-{Guid.NewGuid():N}.yaml");
        var (exit, _, error) = await CliRunner.RunAsync("scenario", "national", "--courts", "20", "--high-courts", "1",
            "--intermediate-courts", "2", "--judges", "160", "--cases", "20000", "--out", path);
        Assert.True(exit == 0, error);
        var validated = await CliRunner.RunAsync("validate", path);
        Assert.True(validated.Exit == 0, validated.Error);
    }

    [Theory]
    [InlineData("--judges", "100", "--judges must be at least 8 per court")]
    [InlineData("--intermediate-courts", "3000", "--courts must leave at least as many basic courts")]
    [InlineData("--cases", "10", "--cases must be at least 100 per court")]
    public async Task Figures_that_cannot_make_a_court_system_exit_2_naming_the_option(string option, string value, string message)
    {
        var (exit, output, error) = await CliRunner.RunAsync("scenario", "national", option, value);
        Assert.Equal(2, exit);
        Assert.Contains(message, error);
        Assert.Equal("", output);
    }

    [GeneratedRegex(@"^    count: (\d+)", RegexOptions.Multiline)]
    private static partial Regex CourtGroup();

    [GeneratedRegex(@"^      - \{ id: [a-z-]+, template: ""[^""]+"", count: (\d+),")]
    private static partial Regex TeamCount();
}
