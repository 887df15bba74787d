using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Docket.Domain.Scenarios;

/// <summary>
/// Reads a scenario file (YAML, or JSON, which YAML parses) into a <see cref="Scenario"/>, checking every rule of
/// docs/scenarios.md. All errors are collected in one pass, each with the line and column of the offending node;
/// bad input never throws. A scenario the reader accepts is then checked against the embedded
/// docs/scenario.schema.json (<see cref="ScenarioSchema"/>), so the reader and the schema cannot drift apart.
/// </summary>
public static class ScenarioLoader
{
    public static ScenarioLoadResult LoadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new ScenarioLoadResult(null, [new ScenarioError(path, 1, 1, $"cannot read the file: {e.Message}")]);
        }
        var (text, error) = Decode(bytes, path);
        return text is null ? new ScenarioLoadResult(null, [error!]) : Load(text, path);
    }

    /// <summary>
    /// A scenario file's bytes as text: UTF-8 (a byte-order mark skipped), or the error at the first byte that is not
    /// UTF-8 — never a replacement character quietly taken into a name or an id.
    /// </summary>
    public static (string? Text, ScenarioError? Error) Decode(ReadOnlySpan<byte> bytes, string sourceName)
    {
        var start = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        var body = bytes[start..];
        var chars = new char[body.Length];
        var status = System.Text.Unicode.Utf8.ToUtf16(body, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status == System.Buffers.OperationStatus.Done)
        {
            return (new string(chars, 0, written), null);
        }
        var before = body[..read];
        var line = before.Count((byte)'\n') + 1;
        var column = System.Text.Encoding.UTF8.GetCharCount(before[(before.LastIndexOf((byte)'\n') + 1)..]) + 1;
        return (null, new ScenarioError(sourceName, line, column, $"the file is not UTF-8 text: byte 0x{body[read]:X2} at byte {start + read + 1} cannot be read (save the file as UTF-8)"));
    }

    public static ScenarioLoadResult Load(string text, string sourceName) => Load(text, sourceName, null);

    /// <summary>As <see cref="Load(string, string)"/>, checking against <paramref name="schema"/> (the embedded
    /// schema when null).</summary>
    internal static ScenarioLoadResult Load(string text, string sourceName, Json.Schema.JsonSchema? schema)
    {
        var diagnostics = new ScenarioDiagnostics(sourceName);
        var root = Parse(text, diagnostics);
        Scenario? scenario = null;
        if (root is not null)
        {
            scenario = new ScenarioReader(diagnostics).Read(root);
            if (scenario is not null && diagnostics.Count == 0)
            {
                ScenarioSchema.Check(root, diagnostics, schema);
            }
        }
        return new ScenarioLoadResult(scenario, diagnostics.Sorted());
    }

    /// <summary>
    /// Parses YAML (or JSON) text into its single document's root node; null, with an error recorded, when the text is
    /// not well-formed, is empty, or holds several documents.
    /// </summary>
    internal static YamlNode? Parse(string text, ScenarioDiagnostics diagnostics)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        var scanner = new Scanner(new StringReader(text), skipComments: true);
        var stream = new YamlStream();
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (AnchorNotFoundException e)
        {
            diagnostics.Add(FirstUnknownAlias(text) ?? PlaceOf(e, scanner), $"malformed YAML: {CleanMessage(e)}");
            return null;
        }
        catch (YamlException e)
        {
            diagnostics.Add(PlaceOf(e, scanner), $"malformed YAML: {CleanMessage(e)}");
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // YamlDotNet's scanner throws other exceptions on some malformed inputs (an InvalidOperationException for
            // an unclosed flow sequence): report them where the scanner stopped.
            diagnostics.Add(scanner.CurrentPosition, "malformed YAML: cannot be parsed here (an unclosed bracket or quote before?)");
            return null;
        }
        if (stream.Documents.Count == 0)
        {
            diagnostics.Add(new Mark(0, 1, 1), "the scenario is empty");
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            diagnostics.Add(stream.Documents[1].RootNode.Start, "a scenario file holds one YAML document; found another one here");
            return null;
        }
        return stream.Documents[0].RootNode;
    }

    /// <summary>Where the parser stopped: some of YamlDotNet's errors (a tab as indentation) carry no place of their own.</summary>
    private static Mark PlaceOf(YamlException e, Scanner scanner) => e.Start.Index > 0 ? e.Start : scanner.CurrentPosition;

    /// <summary>The first alias (<c>*name</c>) naming no anchor before it: the representation model reports none.</summary>
    private static Mark? FirstUnknownAlias(string text)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case YamlDotNet.Core.Events.DocumentStart:
                        // Anchors are a document's own.
                        anchors.Clear();
                        break;
                    case YamlDotNet.Core.Events.AnchorAlias alias when !anchors.Contains(alias.Value.Value):
                        return alias.Start;
                    case YamlDotNet.Core.Events.NodeEvent node when !node.Anchor.IsEmpty:
                        anchors.Add(node.Anchor.Value);
                        break;
                }
            }
        }
        catch (YamlException)
        {
            // Malformed past the alias it looks for: the place is the parser's.
        }
        return null;
    }

    private static string CleanMessage(YamlException e)
    {
        // YamlDotNet's messages repeat the position as "(Line: 3, Col: 2, Idx: 17) - (...): ": keep the text only.
        var message = e.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && cut >= 0)
        {
            message = message[(cut + 3)..];
        }
        return message.Trim().TrimEnd('.');
    }
}
