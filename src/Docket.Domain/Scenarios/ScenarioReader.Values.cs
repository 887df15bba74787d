using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Docket.Domain.Scenarios;

/// <summary>Reading typed values from YAML nodes, reporting each problem at the node with its field path.</summary>
internal sealed partial class ScenarioReader
{
    private void Error(YamlNode node, string path, string message) => _diagnostics.Add(node, ScenarioPaths.Prefix(path) + message);

    private void Missing(MappingReader m, string key, string? context = null) =>
        Error(m.Node, m.Path, $"'{key}' is required{context}");

    private static string Names(IEnumerable<string> names, int max = 15)
    {
        var list = names.ToList();
        return list.Count <= max ? string.Join(", ", list) : string.Join(", ", list.Take(max)) + $", ... ({list.Count} in all)";
    }

    private string? ScalarText(YamlNode node, string path, string expected)
    {
        if (node is YamlScalarNode { Value: { } text } scalar && !YamlScalars.IsNull(scalar))
        {
            return text;
        }
        Error(node, path, $"expected {expected} (got {YamlScalars.Describe(node)})");
        return null;
    }

    private bool TryReadInteger(YamlNode node, string path, out long value)
    {
        value = 0;
        var text = ScalarText(node, path, "an integer");
        if (text is null || Quoted(node, path, text, "an integer"))
        {
            return false;
        }
        if (YamlScalars.TryInteger(text, out value))
        {
            return true;
        }
        if (YamlScalars.TryNumber(text, out var number))
        {
            if (number == Math.Floor(number) && Math.Abs(number) <= long.MaxValue / 2)
            {
                value = (long)number;
                return true;
            }
            Error(node, path, number == Math.Floor(number) ? $"{text} is too large" : $"must be a whole number (got {text})");
            return false;
        }
        Error(node, path, $"expected an integer (got '{text}')");
        return false;
    }

    private bool TryReadNumber(YamlNode node, string path, out double value)
    {
        value = 0;
        var text = ScalarText(node, path, "a number");
        if (text is null || Quoted(node, path, text, "a number"))
        {
            return false;
        }
        if (YamlScalars.TryNumber(text, out value))
        {
            if (Math.Abs(value) <= LargestNumber)
            {
                return true;
            }
            Error(node, path, $"{text} is too large: no quantity of a scenario is over {LargestNumber:0e0}");
            return false;
        }
        Error(node, path, $"expected a number (got '{text}')");
        return false;
    }

    /// <summary>The largest number a scenario's quantities take (hours, days, rates, shares…): larger ones are mistakes that overflow the figures to infinity.</summary>
    private const double LargestNumber = 1e12;

    /// <summary>The most cases a court files in a year, or holds as its backlog at the start: more would not fit a year's run in memory.</summary>
    private const double MostCases = 10_000_000;

    /// <summary>
    /// Reports a number or boolean written in quotes (<c>"240"</c>): YAML and the JSON Schema read it as a string, so
    /// the reader refuses it too, saying to drop the quotes. True when reported; other text is left to the caller's
    /// "expected a number" message.
    /// </summary>
    private bool Quoted(YamlNode node, string path, string text, string expected)
    {
        if (!YamlScalars.IsQuoted(node) || !(YamlScalars.TryNumber(text, out _) || YamlScalars.TryBoolean(text, out _)))
        {
            return false;
        }
        Error(node, path, $"expected {expected}, not the quoted text \"{text}\": write {text} without quotes");
        return true;
    }

    /// <summary>A scalar's text as written (numbers are quoted back as the user wrote them).</summary>
    private static string Raw(YamlNode node) => node is YamlScalarNode { Value: { } text } ? text : YamlScalars.Describe(node);

    private bool InBounds(double value, YamlNode node, string path, Bounds bounds)
    {
        if (bounds.Contains(value))
        {
            return true;
        }
        var got = node is YamlScalarNode { Value: { } text } ? text : value.ToString(CultureInfo.InvariantCulture);
        Error(node, path, $"{bounds.Describe()} (got {got})");
        return false;
    }

    private bool TryReadInt(YamlNode node, string path, Bounds bounds, out int value)
    {
        value = 0;
        if (!TryReadInteger(node, path, out var raw) || !InBounds(raw, node, path, bounds))
        {
            return false;
        }
        if (raw is > int.MaxValue or < int.MinValue)
        {
            Error(node, path, $"is too large (got {raw})");
            return false;
        }
        value = (int)raw;
        return true;
    }

    private bool TryReadNumber(YamlNode node, string path, Bounds bounds, out double value) =>
        TryReadNumber(node, path, out value) && InBounds(value, node, path, bounds);

    /// <summary>The key's integer, or <paramref name="fallback"/> when absent (or wrong: the error is reported).</summary>
    private int ReadInt(MappingReader m, string key, int fallback, Bounds bounds) =>
        m.Value(key) is { } node && TryReadInt(node, m.PathOf(key), bounds, out var value) ? value : fallback;

    private int? ReadOptionalInt(MappingReader m, string key, Bounds bounds) =>
        m.Value(key) is { } node && TryReadInt(node, m.PathOf(key), bounds, out var value) ? value : null;

    private int? ReadRequiredInt(MappingReader m, string key, Bounds bounds)
    {
        if (m.Value(key) is not { } node)
        {
            Missing(m, key);
            return null;
        }
        return TryReadInt(node, m.PathOf(key), bounds, out var value) ? value : null;
    }

    private double ReadNumber(MappingReader m, string key, double fallback, Bounds bounds) =>
        m.Value(key) is { } node && TryReadNumber(node, m.PathOf(key), bounds, out var value) ? value : fallback;

    private double? ReadOptionalNumber(MappingReader m, string key, Bounds bounds) =>
        m.Value(key) is { } node && TryReadNumber(node, m.PathOf(key), bounds, out var value) ? value : null;

    private double? ReadRequiredNumber(MappingReader m, string key, Bounds bounds, string? context = null)
    {
        if (m.Value(key) is not { } node)
        {
            Missing(m, key, context);
            return null;
        }
        return TryReadNumber(node, m.PathOf(key), bounds, out var value) ? value : null;
    }

    private string? ReadString(MappingReader m, string key)
    {
        if (m.Value(key) is not { } node)
        {
            return null;
        }
        var text = ScalarText(node, m.PathOf(key), "a string");
        if (text is not null && text.Trim().Length == 0)
        {
            Error(node, m.PathOf(key), "must not be empty");
            return null;
        }
        return text;
    }

    private string? ReadRequiredString(MappingReader m, string key)
    {
        if (!m.Has(key))
        {
            Missing(m, key);
            return null;
        }
        return ReadString(m, key);
    }

    private T ReadEnum<T>(MappingReader m, string key, T fallback, IReadOnlyList<(string Name, T Value)> names)
    {
        if (m.Value(key) is not { } node)
        {
            return fallback;
        }
        return TryReadEnum(node, m.PathOf(key), names, out var value) ? value : fallback;
    }

    private bool TryReadEnum<T>(YamlNode node, string path, IReadOnlyList<(string Name, T Value)> names, out T value)
    {
        value = default!;
        var text = ScalarText(node, path, "one of: " + string.Join(", ", names.Select(n => n.Name)));
        if (text is null)
        {
            return false;
        }
        foreach (var (name, v) in names)
        {
            if (name == text)
            {
                value = v;
                return true;
            }
        }
        Error(node, path, $"must be one of: {string.Join(", ", names.Select(n => n.Name))} (got '{text}')");
        return false;
    }

    private bool? ReadBoolean(YamlNode node, string path)
    {
        var text = ScalarText(node, path, "true or false");
        if (text is null || Quoted(node, path, text, "true or false"))
        {
            return null;
        }
        if (YamlScalars.TryBoolean(text, out var value))
        {
            return value;
        }
        Error(node, path, $"expected true or false (got '{text}')");
        return null;
    }

    /// <summary>The key's list; null when absent (reported when <paramref name="required"/>) or not a list.</summary>
    private YamlSequenceNode? ReadList(MappingReader m, string key, bool required, string? context = null)
    {
        if (m.Value(key) is not { } node)
        {
            if (required)
            {
                Missing(m, key, context);
            }
            return null;
        }
        if (node is YamlSequenceNode list)
        {
            return list;
        }
        Error(node, m.PathOf(key), $"expected a list (got {YamlScalars.Describe(node)})");
        return null;
    }

    /// <summary>A closed or open interval for a number, and the message saying so.</summary>
    private readonly record struct Bounds(double? Min, bool MinExclusive, double? Max, bool MaxExclusive)
    {
        public static Bounds AtLeast(double min) => new(min, false, null, false);

        public static Bounds Above(double min) => new(min, true, null, false);

        public static Bounds Between(double min, double max) => new(min, false, max, false);

        public static Bounds AboveAtMost(double min, double max) => new(min, true, max, false);

        public bool Contains(double value) =>
            (Min is not { } min || (MinExclusive ? value > min : value >= min)) &&
            (Max is not { } max || (MaxExclusive ? value < max : value <= max));

        public string Describe()
        {
            var min = Min?.ToString(CultureInfo.InvariantCulture);
            var max = Max?.ToString(CultureInfo.InvariantCulture);
            return (Min, Max) switch
            {
                (not null, not null) when !MinExclusive && !MaxExclusive => $"must be between {min} and {max}",
                (not null, not null) => $"must be {(MinExclusive ? "greater than" : "at least")} {min} and {(MaxExclusive ? "less than" : "at most")} {max}",
                (not null, null) => MinExclusive ? $"must be greater than {min}" : $"must be at least {min}",
                (null, not null) => MaxExclusive ? $"must be less than {max}" : $"must be at most {max}",
                _ => "is out of range",
            };
        }
    }
}
