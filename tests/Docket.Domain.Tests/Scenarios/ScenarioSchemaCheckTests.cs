using System.Text.Json.Nodes;
using Docket.Domain.Scenarios;
using Json.Schema;
using static Docket.Domain.Tests.Scenarios.ScenarioTestSupport;

namespace Docket.Domain.Tests.Scenarios;

/// <summary>
/// The loader checks every scenario its reader accepts against the embedded docs/scenario.schema.json, so the
/// reader and the schema cannot drift apart: a key or value the reader takes and the schema does not is an error at
/// its node. The hand-written messages stay the ones users see for everything the reader itself refuses.
/// </summary>
public class ScenarioSchemaCheckTests
{
    private static JsonSchema SchemaWith(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "docs", "scenario.schema.json")))!.AsObject();
        change(node);
        return ScenarioSchema.Parse(node.ToJsonString());
    }

    [Fact]
    public void The_embedded_schema_is_docs_scenario_schema_json_byte_for_byte()
    {
        Assert.Equal(File.ReadAllText(Path.Combine(RepoRoot(), "docs", "scenario.schema.json")), ScenarioSchema.Text);
    }

    [Fact]
    public void A_key_the_reader_reads_but_the_schema_does_not_have_fails_loading_at_that_key()
    {
        var schema = SchemaWith(s => s["properties"]!.AsObject().Remove("seed"));
        var result = ScenarioLoader.Load(Minimal, "test.yaml", schema);
        Assert.Null(result.Scenario);
        var error = Assert.Single(result.Errors);
        Assert.Equal((2, 7), (error.Line, error.Column));
        Assert.StartsWith("seed: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("(docs/scenario.schema.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("/additionalProperties", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_the_schema_bounds_tighter_than_the_reader_fails_loading_at_that_value()
    {
        var schema = SchemaWith(s => s["properties"]!["days"]!["maximum"] = 1000);
        var error = Assert.Single(ScenarioLoader.Load(Minimal, "test.yaml", schema).Errors);
        Assert.Equal((3, 7), (error.Line, error.Column));
        Assert.StartsWith("days: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("docs/scenario.schema.json: maximum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_where_the_format_wants_text_is_refused_at_its_node()
    {
        var error = Assert.Single(Load(Minimal.Replace("name: minimal", "name: 2024", StringComparison.Ordinal)).Errors);
        Assert.Equal((1, 7), (error.Line, error.Column));
        Assert.StartsWith("name: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("docs/scenario.schema.json: type", error.Message, StringComparison.Ordinal);
        LoadValid(Minimal.Replace("name: minimal", "name: \"2024\"", StringComparison.Ordinal));
    }

    [Fact]
    public void What_the_reader_refuses_is_reported_in_the_reader_s_words_only()
    {
        var error = Assert.Single(Load(Minimal.Replace("days: 3650", "days: 0", StringComparison.Ordinal)).Errors);
        Assert.DoesNotContain("scenario.schema.json", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("days: ", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> RepositoryScenarioFiles()
    {
        var root = RepoRoot();
        var files = Directory.GetFiles(Path.Combine(root, "scenarios"), "*.yaml")
            .Concat(Directory.GetDirectories(Path.Combine(root, "tests"))
                .Select(project => Path.Combine(project, "Scenarios"))
                .Where(Directory.Exists)
                .SelectMany(dir => Directory.GetFiles(dir, "*.yaml")))
            .Select(f => Path.GetRelativePath(root, f))
            .Order(StringComparer.Ordinal);
        var data = new TheoryData<string>();
        foreach (var file in files)
        {
            data.Add(file);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RepositoryScenarioFiles))]
    public void Every_scenario_file_of_the_repository_passes_the_reader_and_the_schema(string file)
    {
        var result = ScenarioLoader.LoadFile(Path.Combine(RepoRoot(), file));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }
}
