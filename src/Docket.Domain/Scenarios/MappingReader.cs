using YamlDotNet.RepresentationModel;

namespace Docket.Domain.Scenarios;

/// <summary>
/// A YAML mapping being read as one object of the scenario: looks keys up, treats a YAML null (<c>~</c>, <c>null</c>
/// or nothing) as an absent key, and reports keys the object does not have.
/// </summary>
internal sealed class MappingReader
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly List<(YamlScalarNode Key, YamlNode Value)> _ordered = [];
    private readonly ScenarioDiagnostics _diagnostics;

    private MappingReader(YamlMappingNode node, string path, ScenarioDiagnostics diagnostics)
    {
        Node = node;
        Path = path;
        _diagnostics = diagnostics;
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode { Value: { } name } scalar)
            {
                _entries[name] = (scalar, value);
                _ordered.Add((scalar, value));
            }
            else
            {
                diagnostics.Add(key, $"{ScenarioPaths.Prefix(path)}keys must be plain names (got {YamlScalars.Describe(key)})");
            }
        }
    }

    public YamlMappingNode Node { get; }

    /// <summary>Where this mapping is, e.g. <c>teams[0]</c>; empty for the top level.</summary>
    public string Path { get; }

    /// <summary>The entries in file order, YAML nulls included.</summary>
    public IReadOnlyList<(YamlScalarNode Key, YamlNode Value)> Entries => _ordered;

    /// <summary>
    /// Opens <paramref name="node"/> as a mapping, or reports "expected a mapping" (naming <paramref name="example"/>)
    /// and returns null.
    /// </summary>
    public static MappingReader? Open(YamlNode node, string path, ScenarioDiagnostics diagnostics, string? example = null)
    {
        if (node is YamlMappingNode mapping)
        {
            return new MappingReader(mapping, path, diagnostics);
        }
        var hint = example is null ? "" : $", such as {example}";
        diagnostics.Add(node, $"{ScenarioPaths.Prefix(path)}expected a mapping{hint} (got {YamlScalars.Describe(node)})");
        return null;
    }

    /// <summary>True when the key is present with a non-null value.</summary>
    public bool Has(string key) => Value(key) is not null;

    /// <summary>The key's value, or null when the key is absent or its value is a YAML null.</summary>
    public YamlNode? Value(string key) =>
        _entries.TryGetValue(key, out var entry) && !YamlScalars.IsNull(entry.Value) ? entry.Value : null;

    /// <summary>The key's own node (for errors about the key itself), or null when absent.</summary>
    public YamlScalarNode? KeyNode(string key) => _entries.TryGetValue(key, out var entry) ? entry.Key : null;

    public string PathOf(string key) => ScenarioPaths.Child(Path, key);

    /// <summary>Reports every key not in <paramref name="allowed"/>, at the key.</summary>
    /// <param name="reportedElsewhere">Keys not allowed here that the caller reports with a message of its own.</param>
    public void RejectUnknown(IReadOnlyList<string> allowed, string? context = null, IReadOnlyList<string>? reportedElsewhere = null)
    {
        foreach (var (key, _) in _ordered)
        {
            if (!allowed.Contains(key.Value!, StringComparer.Ordinal) && reportedElsewhere?.Contains(key.Value!, StringComparer.Ordinal) != true)
            {
                var where = Path.Length == 0 ? "at the top level" : $"in {Path}";
                _diagnostics.Add(key, $"unknown key '{key.Value}' {where} (expected one of: {string.Join(", ", allowed)}{context})");
            }
        }
    }
}
