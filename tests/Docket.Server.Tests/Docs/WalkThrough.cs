using System.Text.RegularExpressions;

namespace Docket.Server.Tests.Docs;

/// <summary>
/// docs/api.md's section "A walk-through": its fenced <c>bash</c> blocks, the first starting the server, each other
/// one holding curl commands whose expected statuses are written after <c># →</c>.
/// </summary>
public sealed partial record WalkThrough(string StartCommand, IReadOnlyList<WalkThrough.Block> Blocks)
{
    public const string Heading = "## A walk-through";

    /// <summary>Where the doc's commands send their requests (the service's default address).</summary>
    public const string DocumentedBase = "http://127.0.0.1:5000";

    public sealed record Block(int Index, string Text, IReadOnlyList<int> ExpectedStatuses)
    {
        public override string ToString() => $"block {Index}";
    }

    public static WalkThrough Read(string markdownPath)
    {
        var text = File.ReadAllText(markdownPath).ReplaceLineEndings("\n");
        var start = text.IndexOf(Heading + "\n", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"{markdownPath} has no section '{Heading}'");
        }
        var end = text.IndexOf("\n## ", start + Heading.Length, StringComparison.Ordinal);
        var section = end < 0 ? text[start..] : text[start..end];
        var fenced = BashBlock().Matches(section).Select(m => m.Groups[1].Value).ToList();
        if (fenced.Count < 2)
        {
            throw new InvalidOperationException($"{markdownPath}, '{Heading}': expected a start block and request blocks, found {fenced.Count} bash blocks");
        }
        var blocks = fenced.Skip(1).Select((b, i) => new Block(i + 1, b,
            [.. Expected().Matches(b).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))])).ToList();
        return new WalkThrough(fenced[0].Trim(), blocks);
    }

    /// <summary>The statuses curl <c>-i</c> printed, in order (each response's status line).</summary>
    public static IReadOnlyList<int> Statuses(string curlOutput) =>
        [.. StatusLine().Matches(curlOutput).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"```bash\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    [GeneratedRegex(@"#\s*→\s*(\d{3})")]
    private static partial Regex Expected();

    [GeneratedRegex(@"HTTP/[0-9.]+ (\d{3}) ")]
    private static partial Regex StatusLine();
}
