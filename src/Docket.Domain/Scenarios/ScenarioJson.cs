using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Docket.Domain.Scenarios;

/// <summary>
/// Converts a YAML scenario into JSON with typed scalars (plain numbers as numbers, true/false as booleans, ~/null as
/// null, quoted scalars as strings), so it can be checked against docs/scenario.schema.json.
/// </summary>
public static class ScenarioJson
{
    /// <summary>The first document of <paramref name="text"/> as JSON; null for an empty text.</summary>
    /// <exception cref="YamlException">The text is not well-formed YAML, or an alias refers to a node that holds it.</exception>
    public static JsonNode? FromYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? null : ToJsonNode(stream.Documents[0].RootNode);
    }

    /// <exception cref="YamlException">An alias refers to a node that holds it.</exception>
    public static JsonNode? ToJsonNode(YamlNode node) => ToJsonNode(node, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));

    private static JsonNode? ToJsonNode(YamlNode node, HashSet<YamlNode> ancestors)
    {
        if (node is not YamlScalarNode && !ancestors.Add(node))
        {
            throw new YamlException(node.Start, node.End, "an alias refers to a node that contains it");
        }
        try
        {
            return Convert(node, ancestors);
        }
        finally
        {
            ancestors.Remove(node);
        }
    }

    private static JsonNode? Convert(YamlNode node, HashSet<YamlNode> ancestors)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                {
                    var json = new JsonObject();
                    foreach (var (key, value) in mapping.Children)
                    {
                        json[((YamlScalarNode)key).Value ?? ""] = ToJsonNode(value, ancestors);
                    }
                    return json;
                }
            case YamlSequenceNode sequence:
                {
                    var json = new JsonArray();
                    foreach (var item in sequence.Children)
                    {
                        json.Add(ToJsonNode(item, ancestors));
                    }
                    return json;
                }
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                return null;
        }
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(text);
        }
        if (YamlScalars.IsNull(scalar))
        {
            return null;
        }
        if (YamlScalars.TryBoolean(text, out var flag))
        {
            return JsonValue.Create(flag);
        }
        if (YamlScalars.TryInteger(text, out var integer))
        {
            return JsonValue.Create(integer);
        }
        if (YamlScalars.TryNumber(text, out var number))
        {
            return JsonValue.Create(number);
        }
        return JsonValue.Create(text);
    }
}
