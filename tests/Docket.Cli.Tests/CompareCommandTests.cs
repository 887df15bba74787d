using System.Text.Json.Nodes;
using Docket.Cli.Reports;

namespace Docket.Cli.Tests;

/// <summary>`docket compare`: intervals, paired differences, significance, compare.html, scenarios that cannot be compared.</summary>
public sealed class CompareCommandTests
{
    private const string Court = """
        name: NAME
        seed: 7
        days: 730
        warmup_days: 365
        calendar: { days_per_week: 7, hours_per_day: 24 }
        case_types:
          - id: TYPE
            effort: { judge: { dist: exponential, mean_hours: HOURS } }
        intake:
          - { type: TYPE, per_year: 292 }
        teams:
          - { id: t, count: 10, members: { judge: 1 }, accepts: [TYPE] }
        assignment: POLICY
        """;

    private static string Scenario(string name, string policy = "{ policy: random }", double hours = 240, string type = "generic") =>
        CliRunner.WriteTemp(Court.Replace("NAME", name).Replace("POLICY", policy).Replace("HOURS", hours.ToString(System.Globalization.CultureInfo.InvariantCulture)).Replace("TYPE", type));

    private static async Task<JsonNode> CompareAsync(params string[] args)
    {
        var (exit, output, error) = await CliRunner.RunAsync(["compare", .. args, "--json", "--no-report"]);
        Assert.True(exit == 0, error);
        return JsonNode.Parse(output)!;
    }

    private static JsonNode Measure(JsonNode comparison, string name) =>
        comparison["measures"]!.AsArray().Single(m => (string)m!["measure"]! == name)!;

    [Fact]
    public async Task Intervals_shrink_with_more_replications()
    {
        var random = Scenario("random");
        var pull = Scenario("pull", "{ policy: pull, cap: 1 }");
        var few = await CompareAsync(random, pull, "--replications", "3");
        var many = await CompareAsync(random, pull, "--replications", "24");
        // The half-width falls like t(n-1)/sqrt(n): from 2.48 sd to 0.42 sd. One measure's 3 replications can
        // happen to agree closely, so the test asks it of the headline measure and of the measures as a whole.
        var ratios = new List<double>();
        foreach (var measure in Comparison.MeasureDefinitions.Select(m => m.Name))
        {
            var a = Measure(few, measure);
            var b = Measure(many, measure);
            foreach (var (x, y) in new[] { (a["scenarios"]![0]!, b["scenarios"]![0]!), (a["scenarios"]![1]!, b["scenarios"]![1]!), (a["differences"]![0]!, b["differences"]![0]!) })
            {
                var (wide, narrow) = ((double)x["half_width"]!, (double)y["half_width"]!);
                if (wide > 0)
                {
                    ratios.Add(narrow / wide);
                }
                if (measure == "mean days to disposition")
                {
                    Assert.True(narrow < wide, $"{measure}: the interval did not shrink from 3 to 24 replications ({wide} -> {narrow})");
                }
            }
        }
        ratios.Sort();
        Assert.True(ratios.Count >= 12, "too few measures vary between replications to test");
        Assert.True(ratios[ratios.Count / 2] < 0.5, $"the median interval shrank only to {ratios[ratios.Count / 2]:P0} of its width");
        Assert.True(ratios.Count(r => r < 1) >= 0.8 * ratios.Count, $"only {ratios.Count(r => r < 1)} of {ratios.Count} intervals shrank");
    }

    [Fact]
    public async Task Identical_scenarios_show_no_significant_difference_while_slower_judges_do()
    {
        var first = Scenario("first");
        var same = Scenario("same");
        var slower = Scenario("slower", hours: 300);
        var comparison = await CompareAsync(first, same, slower, "--replications", "4");
        foreach (var measure in comparison["measures"]!.AsArray())
        {
            var identical = measure!["differences"]![0]!;
            Assert.Equal("same", (string)identical["scenario"]!);
            Assert.False((bool)identical["significant"]!, $"{measure["measure"]}: identical scenarios differ significantly");
            Assert.Equal(0.0, (double)identical["mean"]!);
        }
        var ttd = Measure(comparison, "mean days to disposition")["differences"]![1]!;
        Assert.True((bool)ttd["significant"]! && (double)ttd["low"]! > 0, "25% slower judges did not lengthen time to disposition significantly");
    }

    [Fact]
    public async Task The_table_marks_significant_differences_and_compare_html_is_written()
    {
        var outDir = Path.Combine(Path.GetTempPath(), $"docket-compare-{Guid.NewGuid():N}");
        var (exit, output, error) = await CliRunner.RunAsync("compare", Scenario("base"), Scenario("slower", hours: 300), "--replications", "3", "--out", outDir);
        Assert.True(exit == 0, error);
        Assert.Contains("slower − base", output);
        Assert.Matches(@"mean days to disposition.*±.*\[.*\] \*", output);
        Assert.Contains("* the 95% interval of the paired difference leaves out zero", output);
        // Rates as percentages, their spreads and differences in percentage points; no fraction like 0.8443.
        Assert.Matches(@"│ closure rate +│ +[0-9.]+ % ± [0-9.]+ pp │", output);
        Assert.DoesNotMatch(@"│ closure rate +│ +0\.[0-9]+ ±", output);
        Assert.True(File.Exists(Path.Combine(outDir, "compare.html")));
        Assert.Contains(Path.Combine(outDir, "compare.html"), output);
    }

    [Fact]
    public async Task The_problems_of_every_scenario_compared_are_named_in_one_run()
    {
        var first = CliRunner.WriteTemp("name: a\ndays: 0\n");
        var second = CliRunner.WriteTemp("name: b\nseed: -1\n");
        var (exit, _, error) = await CliRunner.RunAsync("compare", first, second, "--no-report");
        Assert.Equal(2, exit);
        Assert.Contains($"{first}:2:7: days", error, StringComparison.Ordinal);
        Assert.Contains($"{second}:2:7: seed", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scenarios_that_share_no_case_type_are_bad_input()
    {
        var civil = Scenario("civil", type: "civil");
        var criminal = Scenario("criminal", type: "criminal");
        var (exit, _, error) = await CliRunner.RunAsync("compare", civil, criminal, "--replications", "2", "--no-report");
        Assert.Equal(2, exit);
        Assert.Contains("shares no case type", error);
        Assert.Contains("'criminal'", error);
        Assert.Contains(criminal, error);
    }

    [Fact]
    public async Task Compare_html_loads_in_headless_chromium_with_every_overlaid_chart_and_every_measure()
    {
        var outDir = Path.Combine(Path.GetTempPath(), $"docket-compare-{Guid.NewGuid():N}");
        var (exit, _, error) = await CliRunner.RunAsync("compare", Scenario("random"), Scenario("pull", "{ policy: pull, cap: 1 }"), "--replications", "2", "--out", outDir);
        Assert.True(exit == 0, error);
        var page = await HeadlessChromium.LoadAsync(Path.Combine(outDir, "compare.html"));
        ReportTests.AssertRendered(page, ComparisonCharts.Ids);
        foreach (var name in Comparison.MeasureDefinitions.Select(m => m.Name))
        {
            Assert.Contains($"data-measure=\"{System.Net.WebUtility.HtmlEncode(name)}\"", page.Dom);
        }
    }
}
