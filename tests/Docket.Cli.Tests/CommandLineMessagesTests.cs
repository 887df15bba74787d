namespace Docket.Cli.Tests;

/// <summary>Bad input on the command line: messages in words, "did you mean", exit code 2.</summary>
public sealed class CommandLineMessagesTests
{
    private static string Minimal => Path.Combine(CliRunner.RepoRoot(), "scenarios", "minimal.yaml");

    [Theory]
    [InlineData("--days", "abc", "--days: 'abc' is not a whole number")]
    [InlineData("--replications", "2.5", "--replications: '2.5' is not a whole number")]
    [InlineData("--seed", "-1", "--seed: '-1' is not a whole number from 0 to")]
    [InlineData("--days", "99999999999", "--days: '99999999999' is too large")]
    [InlineData("--days", "36526", "--days must be between 1 and 36525 (got 36526)")]
    [InlineData("--replications", "1000000000", "--replications must be between 1 and 1000 (got 1000000000)")]
    public async Task A_bad_value_is_named_in_words_never_as_a_clr_type(string option, string value, string expected)
    {
        var (exit, _, error) = await CliRunner.RunAsync("simulate", Minimal, option, value);
        Assert.Equal(2, exit);
        Assert.Contains(expected, error);
        Assert.DoesNotContain("System.", error);
        Assert.DoesNotContain("Nullable", error);
    }

    [Fact]
    public async Task A_value_that_is_not_a_number_for_staffing_says_so()
    {
        var (exit, _, error) = await CliRunner.RunAsync("staffing", Minimal, "--judge-year", "lots");
        Assert.Equal(2, exit);
        Assert.Equal("--judge-year: 'lots' is not a number", error.Trim());
    }

    [Fact]
    public async Task A_mistyped_command_gets_the_nearest_command_and_nothing_about_its_arguments()
    {
        var (exit, _, error) = await CliRunner.RunAsync("simualte", Minimal);
        Assert.Equal(2, exit);
        Assert.Contains("'simualte' is not a command. Did you mean 'simulate'?", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_mistyped_subcommand_gets_the_nearest_of_its_command_in_one_line()
    {
        var (exit, _, error) = await CliRunner.RunAsync("scenario", "nationl");
        Assert.Equal(2, exit);
        Assert.Contains("docket scenario: 'nationl' is not one of its commands. Did you mean 'national'?", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_mistyped_option_gets_the_nearest_option_and_its_value_is_not_called_stray()
    {
        var (exit, _, error) = await CliRunner.RunAsync("simulate", Minimal, "--replication", "5");
        Assert.Equal(2, exit);
        Assert.Contains("'--replication' is not an option of 'simulate'. Did you mean '--replications'?", error);
        Assert.DoesNotContain("'5'", error);
    }

    [Fact]
    public async Task A_stray_argument_is_named()
    {
        var (exit, _, error) = await CliRunner.RunAsync("validate", Minimal, "extra.yaml");
        Assert.Equal(2, exit);
        Assert.Contains("unexpected argument 'extra.yaml'", error);
    }

    [Fact]
    public async Task A_name_far_from_every_command_gets_the_list_without_a_guess()
    {
        var (exit, _, error) = await CliRunner.RunAsync("frobnicate");
        Assert.Equal(2, exit);
        Assert.DoesNotContain("Did you mean", error);
        Assert.Contains("Commands: simulate, validate, compare", error);
    }

    [Fact]
    public async Task Compare_with_one_scenario_says_it_needs_two()
    {
        var pooled = Path.Combine(CliRunner.RepoRoot(), "scenarios", "xicheng-pooled.yaml");
        var (exit, _, error) = await CliRunner.RunAsync("compare", pooled);
        Assert.Equal(2, exit);
        Assert.Contains("compare needs at least two scenarios, got one", error);
        Assert.DoesNotContain("missing", error);
    }

    [Theory]
    [InlineData("docket simulate: SCENARIO is missing: scenario file (YAML or JSON). Usage: docket simulate <scenario> [options].", "simulate")]
    [InlineData("docket simulate: --days needs a value: a whole number. See docket simulate --help.", "simulate", "MINIMAL", "--days")]
    [InlineData("docket simulate: --seed needs a value: a whole number from 0 up. See docket simulate --help.", "simulate", "MINIMAL", "--seed")]
    [InlineData("docket staffing: --template needs a value: lay every judge out in this team template", "staffing", "MINIMAL", "--template")]
    [InlineData("docket optimize: --goal needs a value: METRIC OP VALUE over summary.json", "optimize", "MINIMAL", "--goal")]
    [InlineData("docket serve: --scenario is required: scenario file whose courts, teams, case types and policies the service runs.", "serve")]
    [InlineData("docket serve: --scenario needs a value: scenario file whose courts", "serve", "--scenario")]
    [InlineData("docket replay: LEDGER is missing: the court's ledger, one entry a line", "replay", "MINIMAL")]
    public async Task A_missing_argument_or_value_says_what_is_missing_and_what_it_is(string expected, params string[] args)
    {
        var (exit, _, error) = await CliRunner.RunAsync([.. args.Select(a => a == "MINIMAL" ? Minimal : a)]);
        Assert.Equal(2, exit);
        Assert.StartsWith(expected, error.Trim(), StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("Required argument", error);
    }

    [Fact]
    public async Task Serve_passes_configuration_settings_on_but_still_names_a_mistyped_option()
    {
        // A setting of the server's configuration is not an error; a mistyped option among them still is.
        var (exit, _, error) = await CliRunner.RunAsync("serve", "--scenario", Minimal, "--Docket:Limits:MaxBodyBytes=4096", "--sillo-port", "11111");
        Assert.Equal(2, exit);
        Assert.Contains("'--sillo-port' is not an option of 'serve'. Did you mean '--silo-port'?", error);
        Assert.DoesNotContain("MaxBodyBytes", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--Docket:Limits:MaxBodyBytes=4096", true)]
    [InlineData("--Docket:Cluster:ClusterId=docket-a", true)]
    [InlineData("--Logging:LogLevel:Default=Warning", true)]
    [InlineData("--Docket:Limits:MaxBodyBytes", false)]
    [InlineData("--days=3", false)]
    [InlineData("Docket:Limits:MaxBodyBytes=1", false)]
    [InlineData("--:Limits=1", false)]
    [InlineData("--Docket:=1", false)]
    public void A_serve_setting_is_a_double_dash_section_and_key_with_a_value(string token, bool setting) =>
        Assert.Equal(setting, Commands.ServeCommand.IsSetting(token));

    [Theory]
    [InlineData("simualte", "simulate", 1)]
    [InlineData("--replication", "--replications", 1)]
    [InlineData("valdiate", "validate", 1)]
    public void Distance_counts_insertions_deletions_substitutions_and_swaps(string typed, string name, int distance) =>
        Assert.Equal(distance, Commands.ParseErrorMessages.Distance(typed, name));
}
