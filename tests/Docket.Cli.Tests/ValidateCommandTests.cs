namespace Docket.Cli.Tests;

public sealed class ValidateCommandTests
{
    private const string Good = """
        name: small
        days: 100
        case_types:
          - id: generic
            effort: { judge: { dist: exponential, mean_hours: 8 } }
        intake:
          - { type: generic, per_year: 200 }
        teams:
          - { id: t, count: 2, members: { judge: 1 }, accepts: [generic] }
        """;

    public static TheoryData<string, string, int, string> BadScenarios => new()
    {
        { "unknown key", Good.Replace("count: 2,", "count: 2, capp: 3,"), 9, "capp" },
        { "negative count", Good.Replace("count: 2", "count: -2"), 9, "count" },
        { "type no team accepts", Good.Replace("intake:\n", "intake:\n  - { type: orphan, per_year: 5 }\n").Replace("case_types:\n", "case_types:\n  - id: orphan\n    effort: { judge: { dist: fixed, hours: 1 } }\n"), 0, "'orphan' is filed in court 'small' but no team accepts it" },
        { "cap below 1", Good.Replace("accepts: [generic] }", "accepts: [generic], cap: 0 }"), 9, "cap" },
        { "distribution without mean", Good.Replace("dist: exponential, mean_hours: 8", "dist: exponential"), 5, "mean_hours" },
        { "malformed YAML", Good.Replace("effort: { judge:", "effort: [ judge:"), 0, "" },
    };

    [Fact]
    public async Task A_scenario_without_warm_up_or_backlog_validates_with_a_starts_empty_warning_and_exit_0()
    {
        var (exit, output, _) = await CliRunner.RunAsync("validate", CliRunner.WriteTemp(Good));
        Assert.Equal(0, exit);
        Assert.Contains("ok", output);
        Assert.Contains("warning starts_empty: starts empty: figures under-report waiting", output);

        var (warmExit, warm, _) = await CliRunner.RunAsync("validate", CliRunner.WriteTemp(Good.Replace("days: 100", "days: 100\nwarmup_days: 30")));
        Assert.Equal(0, warmExit);
        Assert.DoesNotContain("warning", warm);
    }

    [Fact]
    public async Task Every_sample_scenario_validates()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(CliRunner.RepoRoot(), "scenarios"), "*.yaml"))
        {
            var (exit, output, error) = await CliRunner.RunAsync("validate", file);
            Assert.True(exit == 0, $"{file}: {error}");
            Assert.Contains("ok", output);
        }
    }

    [Theory]
    [MemberData(nameof(BadScenarios))]
    public async Task Bad_input_exits_2_with_a_positioned_message_naming_the_problem_and_no_stack_trace(string problem, string text, int line, string field)
    {
        var path = CliRunner.WriteTemp(text);
        var (exit, _, error) = await CliRunner.RunAsync("validate", path);
        Assert.True(exit == 2, problem);
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(path)}:\d+:\d+: ", error);
        if (line > 0)
        {
            Assert.StartsWith($"{path}:{line}:", error);
        }
        Assert.Contains(field, error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task A_missing_file_or_an_unknown_option_exits_2()
    {
        Assert.Equal(2, (await CliRunner.RunAsync("validate", "/no/such/scenario.yaml")).Exit);
        Assert.Equal(2, (await CliRunner.RunAsync("simulate", "x.yaml", "--speed", "3")).Exit);
        Assert.Equal(2, (await CliRunner.RunAsync("frobnicate")).Exit);
    }
}
