using System.Text.Json;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Docket.Domain.Scenarios;

/// <summary>
/// docs/scenario.schema.json, embedded in this assembly, as the loader's last check: a scenario the hand-written
/// reader accepts must also pass the schema, or loading fails with the schema's findings, each at its YAML node.
/// The reader runs first and its messages are the ones users normally see; the schema adds an error only where the
/// two disagree — a key or value the reader takes and the schema does not, so the schema cannot fall behind the
/// reader. (A key in the schema that the reader does not know is the reader's "unknown key" error.)
/// </summary>
public static class ScenarioSchema
{
    /// <summary>The embedded resource's name (docs/scenario.schema.json).</summary>
    public const string ResourceName = "Docket.Domain.Scenarios.scenario.schema.json";

    /// <summary>The schema's text, as committed in docs/scenario.schema.json.</summary>
    public static string Text { get; } = ReadResource();

    private static readonly Lazy<JsonSchema> s_schema = new(() => Parse(Text));

    /// <summary>The embedded schema.</summary>
    public static JsonSchema Schema => s_schema.Value;

    public static JsonSchema Parse(string text) =>
        JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    /// <summary>
    /// Adds an error for every place where <paramref name="root"/> fails <paramref name="schema"/> (the embedded one
    /// when null), at the node the schema names, with its path as the reader prints paths.
    /// </summary>
    internal static void Check(YamlNode root, ScenarioDiagnostics diagnostics, JsonSchema? schema = null)
    {
        JsonElement instance;
        try
        {
            using var document = JsonDocument.Parse(ScenarioJson.ToJsonNode(root)?.ToJsonString() ?? "null");
            instance = document.RootElement.Clone();
        }
        catch (YamlException e)
        {
            diagnostics.Add(e.Start, $"malformed YAML: {e.Message}");
            return;
        }
        var results = (schema ?? Schema).Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        if (results.IsValid)
        {
            return;
        }
        var seen = new HashSet<(string, string)>();
        Report(results);

        void Report(EvaluationResults node)
        {
            if (node.IsValid || IsBranch(node.EvaluationPath.ToString()))
            {
                // A branch of oneOf, anyOf, not or if: its failure is the parent's error ("oneOf") when it matters,
                // and noise when another branch matched.
                return;
            }
            foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
            {
                var pointer = node.InstanceLocation.ToString();
                if (seen.Add((pointer, message)))
                {
                    var (at, path) = Locate(root, pointer);
                    diagnostics.Add(at, $"{ScenarioPaths.Prefix(path)}{Sentence(message)} (docs/scenario.schema.json: {keyword} at {node.EvaluationPath})");
                }
            }
            foreach (var detail in node.Details ?? [])
            {
                Report(detail);
            }
        }
    }

    /// <summary>The deepest node of <paramref name="root"/> on the JSON pointer, and its path as errors print it
    /// (<c>courts[0].teams[1].cap</c>).</summary>
    internal static (YamlNode Node, string Path) Locate(YamlNode root, string pointer)
    {
        var node = root;
        var path = "";
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            YamlNode? next = null;
            if (node is YamlMappingNode mapping)
            {
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: { } name } && name == segment)
                    {
                        next = value;
                        path = ScenarioPaths.Child(path, segment);
                        break;
                    }
                }
            }
            else if (node is YamlSequenceNode sequence && int.TryParse(segment, out var index) && index >= 0 && index < sequence.Children.Count)
            {
                next = sequence.Children[index];
                path = ScenarioPaths.Index(path, index);
            }
            if (next is null)
            {
                break;
            }
            node = next;
        }
        return (node, path);
    }

    private static bool IsBranch(string evaluationPath)
    {
        var segments = evaluationPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Any(s => s is "oneOf" or "anyOf" or "not" or "if");
    }

    private static string Sentence(string message)
    {
        var text = message.Trim().TrimEnd('.');
        return text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
    }

    private static string ReadResource()
    {
        using var stream = typeof(ScenarioSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing from {typeof(ScenarioSchema).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
