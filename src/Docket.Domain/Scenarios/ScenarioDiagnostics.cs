using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Docket.Domain.Scenarios;

/// <summary>Collects positioned errors while a scenario is read.</summary>
internal sealed class ScenarioDiagnostics(string source)
{
    private readonly List<ScenarioError> _errors = [];

    public string Source { get; } = source;

    public int Count => _errors.Count;

    public void Add(Mark mark, string message) =>
        _errors.Add(new ScenarioError(Source, ToInt(mark.Line), ToInt(mark.Column), message));

    public void Add(YamlNode node, string message) => Add(node.Start, message);

    /// <summary>The errors in file order (stable for errors at the same place).</summary>
    public IReadOnlyList<ScenarioError> Sorted() =>
        [.. _errors.Select((e, i) => (e, i)).OrderBy(x => x.e.Line).ThenBy(x => x.e.Column).ThenBy(x => x.i).Select(x => x.e)];

    private static int ToInt(long value) => value < 1 ? 1 : value > int.MaxValue ? int.MaxValue : (int)value;
}
