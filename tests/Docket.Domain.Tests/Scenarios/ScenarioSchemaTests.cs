using System.Text.Json;
using System.Text.RegularExpressions;
using Docket.Domain.Scenarios;
using Json.Schema;
using static Docket.Domain.Tests.Scenarios.ScenarioTestSupport;

namespace Docket.Domain.Tests.Scenarios;

/// <summary>docs/scenario.schema.json agrees with the loader on the shipped scenarios and the docs' examples.</summary>
public partial class ScenarioSchemaTests
{
    private static readonly Lazy<JsonSchema> s_schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoRoot(), "docs", "scenario.schema.json"))));

    private static EvaluationResults Evaluate(string yaml, OutputFormat format = OutputFormat.List)
    {
        var node = ScenarioJson.FromYaml(yaml);
        using var document = JsonDocument.Parse(node?.ToJsonString() ?? "null");
        return s_schema.Value.Evaluate(document.RootElement.Clone(), new EvaluationOptions { OutputFormat = format });
    }

    /// <summary>The schema's errors for a failing text, without the noise of the failed branches of passing oneOfs.</summary>
    private static string Describe(string yaml)
    {
        var lines = new List<string>();
        Walk(Evaluate(yaml, OutputFormat.Hierarchical));
        return string.Join("\n", lines);

        void Walk(EvaluationResults results)
        {
            if (results.IsValid)
            {
                return;
            }
            foreach (var (keyword, message) in results.Errors ?? [])
            {
                lines.Add($"{results.InstanceLocation} ({results.EvaluationPath}): {keyword}: {message}");
            }
            foreach (var detail in results.Details ?? [])
            {
                Walk(detail);
            }
        }
    }

    public static TheoryData<string> ScenarioFiles()
    {
        var dir = Path.Combine(RepoRoot(), "scenarios");
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(dir, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Fact]
    public void There_is_at_least_one_scenario_to_check()
    {
        Assert.NotEmpty(ScenarioFiles());
    }

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void Every_shipped_scenario_passes_the_loader_and_the_schema(string fileName)
    {
        var path = Path.Combine(RepoRoot(), "scenarios", fileName);
        var loaded = ScenarioLoader.LoadFile(path);
        Assert.True(loaded.Errors.Count == 0, string.Join("\n", loaded.Errors));
        var text = File.ReadAllText(path);
        var valid = Evaluate(text).IsValid;
        Assert.True(valid, valid ? "" : $"{fileName} fails the schema:\n{Describe(text)}");
    }

    [Fact]
    public void Every_complete_scenario_in_the_docs_passes_the_loader_and_the_schema()
    {
        var docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "scenarios.md"));
        var blocks = YamlBlock().Matches(docs).Select(m => m.Groups[1].Value).Where(b => b.StartsWith("name:", StringComparison.Ordinal)).ToList();
        Assert.True(blocks.Count >= 3, "docs/scenarios.md should hold complete example scenarios");
        foreach (var block in blocks)
        {
            var loaded = ScenarioLoader.Load(block, "docs/scenarios.md");
            Assert.True(loaded.Errors.Count == 0, block + "\n" + string.Join("\n", loaded.Errors));
            var valid = Evaluate(block).IsValid;
            Assert.True(valid, valid ? "" : block + "\n" + Describe(block));
        }
    }

    [Fact]
    public void The_minimal_contract_scenario_passes_the_schema()
    {
        var valid = Evaluate(Minimal).IsValid;
        Assert.True(valid, valid ? "" : Describe(Minimal));
    }

    [Theory]
    [InlineData("teams:\n  - { id: t, capp: 1, members: { judge: 1 }, accepts: [generic] }", "/teams/0/capp")]
    [InlineData("teams:\n  - { id: t, members: { judge: 1 }, accepts: [generic] }\nbogus: 1", "/bogus")]
    [InlineData("teams:\n  - { id: t, members: { judge: 1 }, accepts: [generic], assignment: { policy: random, foo: 2 } }", "/teams/0/assignment/foo")]
    public void The_schema_rejects_unknown_keys(string teamsAndMore, string location)
    {
        var yaml = Minimal.Replace("teams:\n  - { id: t, count: 10, members: { judge: 1 }, accepts: [generic] }", teamsAndMore, StringComparison.Ordinal);
        Assert.NotEqual(Minimal, yaml);
        var results = Evaluate(yaml);
        Assert.False(results.IsValid);
        Assert.Contains(results.Details ?? [], d => d.Errors is { Count: > 0 } && d.InstanceLocation.ToString() == location);
    }

    [Theory]
    [InlineData("case_types:\n  - id: generic\n    effort: { judge: { dist: exponential, mean_hours: 240, sd_hours: 3 } }")]
    [InlineData("case_types:\n  - id: generic\n    effort: { judge: { dist: exponential } }")]
    [InlineData("case_types:\n  - id: generic\n    effort: { judge: { dist: poisson, mean_hours: 3 } }")]
    [InlineData("case_types:\n  - id: generic\n    effort: { judge: { dist: fixed, hours: [1] } }")]
    [InlineData("case_types:\n  - id: generic\n    weight: 0\n    effort: { judge: { dist: fixed, hours: 1 } }")]
    [InlineData("case_types:\n  - id: generic\n    effort: { judge: { dist: fixed, hours: 1 }, wait_answer: { dist: fixed, hours: 1 } }")]
    public void The_schema_rejects_bad_distributions_and_values(string caseTypes)
    {
        var yaml = Minimal.Replace("case_types:\n  - id: generic\n    effort: { judge: { dist: exponential, mean_hours: 240 } }", caseTypes, StringComparison.Ordinal);
        Assert.NotEqual(Minimal, yaml);
        Assert.False(Evaluate(yaml).IsValid);
        Assert.Null(Load(yaml).Scenario);
    }

    [Fact]
    public void The_schema_rejects_court_keys_at_the_top_level_in_the_multi_court_form()
    {
        var yaml = Minimal + "\ncourts:\n  - { id: c, teams: [ { id: t, members: { judge: 1 }, accepts: [generic] } ] }\n";
        Assert.False(Evaluate(yaml).IsValid);
        Assert.Null(Load(yaml).Scenario);
    }

    /// <summary>A valid scenario using every key of issue 3; the theories below break one value at a time.</summary>
    private const string Supervised = """
        name: s
        case_types:
          - id: a
            time_limit_days: 90
            closes_after: judge
            effort:
              service: { dist: fixed, hours: 1 }
              judge: { dist: fixed, hours: 2 }
              publishing: { dist: fixed, hours: 1 }
            nodes:
              - { id: served, stage: service, from: filing, within_days: 15, lock: false }
              - { id: online, stage: publishing, from: closure, within_days: 7, lock: true }
            risk: { ordinary: 0.3, larger: 0.007, major: 0.0007 }
            extension: { share: 0.5, days: 90 }
            flagged_share: 0.01
        intake: [ { type: a, per_year: 100 } ]
        teams:
          - { id: x, count: 3, members: { judge: 1 }, accepts: [a] }
          - { id: y, count: 3, members: { judge: 1 }, accepts: [a] }
          - { id: z, count: 3, members: { judge: 1 }, accepts: [a] }
        supervision:
          staff: { division_head: 2, vice_president: 1, president: 1 }
          unlock_hours: { dist: fixed, hours: 1 }
          risk_hours: { ordinary: { dist: fixed, hours: 1 }, larger: { dist: fixed, hours: 2 }, major: { dist: fixed, hours: 4 } }
          extension_approval_hours: { dist: fixed, hours: 0.5 }
          warn_before_hours: 48
          limit_warn_days: 30
          referral_after_days: 7
          meeting: { every_days: 7, judges: 7, hours: { dist: fixed, hours: 2 }, participations_per_case: 10 }
        balance:
          monthly_baseline: 0.08
          annual_baseline: 0.9
          weights: { time_limit_change: 1, trial_time: 1, mediation_and_simple: 1, file_transfer: 1, long_pending: 1 }
        scores:
          coins: { a: 2.5 }
          rebalance_every_days: 91
          sensitivity: 0.5
        """;

    [Fact]
    public void A_scenario_with_nodes_supervision_balance_and_scores_passes_the_loader_and_the_schema()
    {
        LoadValid(Supervised);
        var valid = Evaluate(Supervised).IsValid;
        Assert.True(valid, valid ? "" : Describe(Supervised));
        var list = Supervised.Replace("monthly_baseline: 0.08", "monthly_baseline: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]", StringComparison.Ordinal);
        LoadValid(list);
        Assert.True(Evaluate(list).IsValid);
    }

    [Theory]
    [InlineData("within_days: 15", "within_days: -15")]
    [InlineData("id: served", "id: filing")]
    [InlineData("lock: false", "locks: false")]
    [InlineData("lock: false", "lock: 1")]
    [InlineData("{ id: online, stage: publishing, ", "{ id: online, ")]
    [InlineData("larger: 0.007", "larger: 1.007")]
    [InlineData("extension: { share: 0.5, days: 90 }", "extension: { share: 0.5 }")]
    [InlineData("closes_after: judge", "closes_after: \"\"")]
    [InlineData("president: 1 }", "president: 1, judge: 3 }")]
    [InlineData("vice_president: 1", "vice_president: -1")]
    [InlineData("warn_before_hours: 48", "warn_before_hours: 0")]
    [InlineData("judges: 7", "judges: 2")]
    [InlineData("participations_per_case: 10", "participations_per_case: 0")]
    [InlineData("referral_after_days: 7", "referral_days: 7")]
    [InlineData("monthly_baseline: 0.08", "monthly_baseline: 1.08")]
    [InlineData("monthly_baseline: 0.08", "monthly_baseline: [0.1, 0.1]")]
    [InlineData("annual_baseline: 0.9", "annual_baseline: -0.9")]
    [InlineData("{ time_limit_change: 1, trial_time: 1, mediation_and_simple: 1, file_transfer: 1, long_pending: 1 }", "{ time_limit_change: 0, trial_time: 0, mediation_and_simple: 0, file_transfer: 0.0, long_pending: 0 }")]
    [InlineData("coins: { a: 2.5 }", "coins: { a: 0 }")]
    [InlineData("sensitivity: 0.5", "sensitivity: -1")]
    [InlineData("rebalance_every_days: 91", "rebalance_every_days: -91")]
    public void The_schema_and_the_loader_reject_bad_supervision_values(string good, string bad)
    {
        var yaml = Supervised.Replace(good, bad, StringComparison.Ordinal);
        Assert.NotEqual(Supervised, yaml);
        Assert.False(Evaluate(yaml).IsValid, yaml);
        Assert.Null(Load(yaml).Scenario);
    }

    [Fact]
    public void The_schema_rejects_supervision_at_the_top_level_in_the_multi_court_form()
    {
        var yaml = Minimal.Replace("intake:\n  - { type: generic, per_year: 292 }\nteams:\n  - { id: t, count: 10, members: { judge: 1 }, accepts: [generic] }\n",
            "supervision: { warn_before_hours: 24 }\ncourts:\n  - { id: c, teams: [ { id: t, members: { judge: 1 }, accepts: [generic] } ] }\n", StringComparison.Ordinal);
        Assert.NotEqual(Minimal, yaml);
        Assert.False(Evaluate(yaml).IsValid);
        Assert.Null(Load(yaml).Scenario);
        var inside = yaml.Replace("supervision: { warn_before_hours: 24 }\n", "", StringComparison.Ordinal)
            .Replace("accepts: [generic] } ] }", "accepts: [generic] } ], supervision: { warn_before_hours: 24 } }", StringComparison.Ordinal);
        Assert.True(Evaluate(inside).IsValid, Describe(inside));
        Assert.Equal(24, LoadValid(inside).Courts[0].Supervision.WarnBeforeHours);
    }

    [Fact]
    public void Yaml_converts_to_typed_json()
    {
        var node = ScenarioJson.FromYaml("a: 1\nb: 2.5\nc: true\nd: ~\ne: '3'\nf: x\ng: [1, \"y\"]\n")!;
        Assert.Equal("""{"a":1,"b":2.5,"c":true,"d":null,"e":"3","f":"x","g":[1,"y"]}""", node.ToJsonString());
    }

    [Fact]
    public void A_recursive_alias_is_a_yaml_error_not_a_stack_overflow()
    {
        Assert.Throws<YamlDotNet.Core.YamlException>(() => ScenarioJson.FromYaml("a: &x [*x]\n"));
        Assert.NotEmpty(Load("name: &x [*x]\n").Errors);
    }

    [GeneratedRegex("```yaml\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
