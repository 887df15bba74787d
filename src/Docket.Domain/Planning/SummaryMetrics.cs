using System.Text.Json.Nodes;
using Docket.Domain.Statistics;

namespace Docket.Domain.Planning;

/// <summary>
/// The numbers of summary.json a goal may name: every number outside lists, the run settings and <c>engine</c>, by
/// its dotted path (<c>time_to_disposition_days.p90</c>, <c>long_pending.over_365</c>), plus short names for the
/// usual ones. A case type's row of <c>by_type</c> is named by the type's id: <c>by_type.civil.mean_ttd_days</c>.
/// </summary>
public static class SummaryMetrics
{
    private static readonly HashSet<string> s_settings = ["schema", "seed", "days", "warmup_days", "replications", "engine"];

    /// <summary>
    /// Short names and the paths they stand for. Each is defined by the summary field it reads, and its path is found
    /// by serialising a summary with a marker in that field, so it follows summary.json's spelling.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>
    {
        ["mean_days_to_disposition"] = PathOf(v => new Summary { TimeToDispositionDays = new DispositionTimes { Mean = v } }),
        ["p50_days_to_disposition"] = PathOf(v => new Summary { TimeToDispositionDays = new DispositionTimes { P50 = v } }),
        ["p90_days_to_disposition"] = PathOf(v => new Summary { TimeToDispositionDays = new DispositionTimes { P90 = v } }),
        ["p99_days_to_disposition"] = PathOf(v => new Summary { TimeToDispositionDays = new DispositionTimes { P99 = v } }),
        ["max_days_to_disposition"] = PathOf(v => new Summary { TimeToDispositionDays = new DispositionTimes { Max = v } }),
        ["pending_over_365"] = PathOf(v => new Summary { LongPending = new LongPending { Over365 = v } }),
        ["pending_over_548"] = PathOf(v => new Summary { LongPending = new LongPending { Over548 = v } }),
        ["pending_over_1095"] = PathOf(v => new Summary { LongPending = new LongPending { Over1095 = v } }),
        ["pending_end"] = PathOf(v => new Summary { Cases = new CaseCounts { PendingEnd = v } }),
        ["closed"] = PathOf(v => new Summary { Cases = new CaseCounts { Closed = v } }),
    };

    /// <summary>The start of a path into a case type's row of <c>by_type</c>: <c>by_type.TYPE.FIELD</c>.</summary>
    public const string ByTypePrefix = "by_type.";

    /// <summary>The numbers of a <c>by_type</c> row.</summary>
    public static IReadOnlyList<string> TypeFields { get; } =
        [.. JsonNode.Parse(SummaryJson.Serialize(new TypeRow()))!.AsObject().Where(f => f.Value is JsonValue v && v.TryGetValue<double>(out _)).Select(f => f.Key)];

    /// <summary>Every dotted path to a number of summary.json that a goal may name, in the file's order.</summary>
    public static IReadOnlyList<string> Paths { get; } = Collect();

    /// <summary>The path a name stands for (an alias or a path), or null when it names no metric.</summary>
    public static string? Resolve(string name)
    {
        if (Aliases.TryGetValue(name, out var path))
        {
            return path;
        }
        if (Paths.Contains(name, StringComparer.Ordinal))
        {
            return name;
        }
        return TypeOf(name) is { Length: > 0 } && TypeFields.Contains(name[(name.LastIndexOf('.') + 1)..], StringComparer.Ordinal) ? name : null;
    }

    /// <summary>The case type a <c>by_type.TYPE.FIELD</c> path names; null for other paths.</summary>
    public static string? TypeOf(string path)
    {
        var last = path.LastIndexOf('.');
        return path.StartsWith(ByTypePrefix, StringComparison.Ordinal) && last > ByTypePrefix.Length - 1
            ? path[ByTypePrefix.Length..last]
            : null;
    }

    /// <summary>The number at <paramref name="path"/> of a summary's JSON.</summary>
    public static double Read(JsonNode summary, string path)
    {
        if (TypeOf(path) is { } type)
        {
            var row = summary["by_type"]?.AsArray().FirstOrDefault(r => (string?)r?["type"] == type)
                ?? throw new InvalidOperationException($"summary.json has no by_type row for '{type}'");
            return Read(row, path[(path.LastIndexOf('.') + 1)..]);
        }
        JsonNode? node = summary;
        foreach (var part in path.Split('.'))
        {
            node = node?[part];
        }
        return node is JsonValue value && value.TryGetValue<double>(out var number)
            ? number
            : throw new InvalidOperationException($"summary.json has no number at '{path}'");
    }

    private static string PathOf(Func<double, Summary> withMarker)
    {
        const double Marker = 987654.321;
        var root = JsonNode.Parse(SummaryJson.Serialize(withMarker(Marker)))!;
        return Collect().Single(path => Read(root, path) == Marker);
    }

    private static List<string> Collect()
    {
        var paths = new List<string>();
        var root = JsonNode.Parse(SummaryJson.Serialize(new Summary()))!.AsObject();
        Walk(root, "", paths);
        return paths;
    }

    private static void Walk(JsonObject node, string prefix, List<string> paths)
    {
        foreach (var (key, value) in node)
        {
            if (prefix.Length == 0 && s_settings.Contains(key))
            {
                continue;
            }
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            switch (value)
            {
                case JsonObject child:
                    Walk(child, path, paths);
                    break;
                case JsonValue leaf when leaf.TryGetValue<double>(out _):
                    paths.Add(path);
                    break;
            }
        }
    }
}
