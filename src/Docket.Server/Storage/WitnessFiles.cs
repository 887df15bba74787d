using System.Text;
using Docket.Domain.Ledger;

namespace Docket.Server.Storage;

/// <summary>
/// The witness's files: one per court, <c>{court}.checkpoints.jsonl</c> in the witness directory, one signed checkpoint
/// a line, appended in ledger order. Read forward by verification (streamed) and backward from the end by a court at
/// activation (only the checkpoints after its saved state).
/// </summary>
public static class WitnessFiles
{
    public const string Suffix = ".checkpoints.jsonl";

    /// <summary>The court's witness file in <paramref name="directory"/> (a court id outside [A-Za-z0-9._-] is hex-encoded).</summary>
    public static string PathOf(string directory, string court) =>
        Path.Combine(directory, (court.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') && !court.StartsWith('.')
            ? court : "x-" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(court))) + Suffix);

    /// <summary>Every readable checkpoint of the file in the order written; lines that are not checkpoints (a line torn by a crash) are skipped.</summary>
    public static IEnumerable<SignedCheckpoint> ReadForward(string path)
    {
        if (!File.Exists(path))
        {
            yield break;
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (SignedCheckpoint.Parse(line) is { } checkpoint)
            {
                yield return checkpoint;
            }
        }
    }

    /// <summary>
    /// The checkpoints with positions above <paramref name="afterSeq"/>, read backward from the file's end in blocks until
    /// one at or below it (the file is in ledger order), returned in the order written. Only whole lines count.
    /// </summary>
    public static List<SignedCheckpoint> ReadAfter(string path, long afterSeq) =>
        [.. Tail(path, lines => lines[0].Checkpoint.Seq <= afterSeq).Where(c => c.Checkpoint.Seq > afterSeq)];

    /// <summary>The file's last readable checkpoint, or null.</summary>
    public static SignedCheckpoint? Last(string path) => Tail(path, _ => true) is { Count: > 0 } lines ? lines[^1] : null;

    /// <summary>The whole lines of the file's end, read backward in growing blocks until <paramref name="enough"/> says so for a non-empty block.</summary>
    private static List<SignedCheckpoint> Tail(string path, Func<List<SignedCheckpoint>, bool> enough)
    {
        if (!File.Exists(path))
        {
            return [];
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var end = stream.Length;
        for (long size = 1 << 16; ; size *= 2)
        {
            var from = Math.Max(0, end - size);
            var bytes = new byte[end - from];
            stream.Position = from;
            stream.ReadExactly(bytes);
            var text = Encoding.UTF8.GetString(bytes);
            // From the first whole line (the block may start inside one) to the last newline (a line without one is
            // still being written, or was torn by a crash).
            var start = from == 0 ? 0 : text.IndexOf('\n') + 1;
            var stop = text.LastIndexOf('\n');
            if (start == 0 && from > 0 || stop < start)
            {
                if (from == 0)
                {
                    return [];
                }
                continue;
            }
            var lines = text[start..stop].Split('\n').Select(SignedCheckpoint.Parse).OfType<SignedCheckpoint>().ToList();
            if (from == 0 || lines.Count > 0 && enough(lines))
            {
                return lines;
            }
        }
    }
}
