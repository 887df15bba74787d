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
