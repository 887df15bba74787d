using System.Text;
using Docket.Domain.Ledger;

namespace Docket.Server.Storage;

/// <summary>
/// The witness's files: one per court, <c>{court}.checkpoints.jsonl</c> in the witness directory, one signed checkpoint
/// a line, appended in ledger order. Read forward by verification (streamed) and backward from the end by a court at
/// activation (only the checkpoints after its saved state). Every line that ends with a newline is a checkpoint; the
/// last line may lack its newline — being written, or torn by a crash (<see cref="CutTornLine"/>) — and is skipped when
/// it is not one. A line that is not a checkpoint before another is a spoiled witness: <see cref="SpoiledWitnessException"/>.
/// </summary>
public static class WitnessFiles
{
    public const string Suffix = ".checkpoints.jsonl";

    /// <summary>The court's witness file in <paramref name="directory"/> (a court id outside [A-Za-z0-9._-] is hex-encoded).</summary>
    public static string PathOf(string directory, string court) =>
        Path.Combine(directory, (court.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') && !court.StartsWith('.')
            ? court : "x-" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(court))) + Suffix);

    /// <summary>
    /// Every checkpoint of the file in the order written; <see cref="SpoiledWitnessException"/>, when the enumeration
    /// gets there, for a line ended by a newline that is not one.
    /// </summary>
    public static IEnumerable<SignedCheckpoint> ReadForward(string path)
    {
        if (!File.Exists(path))
        {
            yield break;
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var (number, after) = (0L, 0L);
        foreach (var (text, whole) in Lines(stream))
        {
            number++;
            if (SignedCheckpoint.Parse(text) is { } checkpoint)
            {
                after = checkpoint.Checkpoint.Seq;
                yield return checkpoint;
            }
            else if (whole && !IsTornByAnEarlierBuild(text))
            {
                throw new SpoiledWitnessException(path, number, after);
            }
        }
    }

    /// <summary>
    /// The checkpoints with positions above <paramref name="afterSeq"/>, read backward from the file's end in blocks until
    /// one at or below it (the file is in ledger order), returned in the order written. Only whole lines count;
    /// <see cref="SpoiledWitnessException"/> for one after that checkpoint that is not a checkpoint.
    /// </summary>
    public static List<SignedCheckpoint> ReadAfter(string path, long afterSeq)
    {
        var lines = Tail(path, lines => lines.Find(l => l.Checkpoint is not null).Checkpoint!.Checkpoint.Seq <= afterSeq);
        var first = lines.FindLastIndex(l => l.Checkpoint?.Checkpoint.Seq <= afterSeq) + 1;
        var before = first > 0 ? lines[first - 1].Checkpoint!.Checkpoint.Seq : 0;
        var result = new List<SignedCheckpoint>();
        foreach (var (checkpoint, offset) in lines.Skip(first))
        {
            if (checkpoint is null)
            {
                throw new SpoiledWitnessException(path, LineAt(path, offset), before);
            }
            before = checkpoint.Checkpoint.Seq;
            result.Add(checkpoint);
        }
        return result;
    }

    /// <summary>
    /// The file's last checkpoint, or null. Lines that are not checkpoints are passed over: the writer only needs the
    /// last position it wrote, and verification reports a spoiled witness.
    /// </summary>
    public static SignedCheckpoint? Last(string path) =>
        Tail(path, _ => true).LastOrDefault(l => l.Checkpoint is not null).Checkpoint;

    /// <summary>
    /// Cuts the file's last line when it lacks its newline: torn by a crash while it was written, before the flush that
    /// would have let anyone be answered on it. The writer does this before it appends, so the next checkpoint starts a
    /// line of its own and every line but the last stays a whole checkpoint.
    /// </summary>
    public static void CutTornLine(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete);
        var buffer = new byte[1 << 16];
        var keep = 0L;
        var length = stream.Length;
        for (var to = length; to > 0 && keep == 0;)
        {
            var from = Math.Max(0, to - buffer.Length);
            var count = (int)(to - from);
            stream.Position = from;
            stream.ReadExactly(buffer, 0, count);
            var newline = Array.LastIndexOf(buffer, (byte)'\n', count - 1);
            keep = newline >= 0 ? from + newline + 1 : 0;
            to = from;
        }
        // Cut only what was scanned: a line another silo sharing the directory appended since is whole, and stays.
        if (keep < length && stream.Length == length)
        {
            stream.SetLength(keep);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>The file's lines as read, each with whether a newline ended it (only the last can lack one).</summary>
    private static IEnumerable<(string Text, bool Whole)> Lines(Stream stream)
    {
        var buffer = new byte[1 << 16];
        var (start, scanned, end) = (0, 0, 0);
        while (true)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', scanned, end - scanned);
            if (newline >= 0)
            {
                yield return (Encoding.UTF8.GetString(buffer, start, newline - start), true);
                start = scanned = newline + 1;
                continue;
            }
            // The rest holds no newline: moved to the front, the buffer grown when it is all one line, and more read.
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            (scanned, end, start) = (end - start, end - start, 0);
            if (end == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
            var read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                if (end > 0)
                {
                    yield return (Encoding.UTF8.GetString(buffer, 0, end), false);
                }
                yield break;
            }
            end += read;
        }
    }

    /// <summary>
    /// Whether a line that is not a checkpoint is the start of one cut short: a line torn by a crash, which builds before
    /// <see cref="CutTornLine"/> ended with a newline and wrote after. Such a line is JSON that stops before its end
    /// (read as a prefix it holds no error); a spoiled one (a changed character, a line of something else) does not.
    /// </summary>
    public static bool IsTornByAnEarlierBuild(string line)
    {
        if (line.Length == 0 || line[0] != '{')
        {
            return false;
        }
        var reader = new System.Text.Json.Utf8JsonReader(Encoding.UTF8.GetBytes(line), isFinalBlock: false, state: default);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 0 && reader.TokenType == System.Text.Json.JsonTokenType.EndObject)
                {
                    // A whole object that is not a checkpoint: not torn.
                    return false;
                }
            }
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>The number (from 1) of the line that starts at byte <paramref name="offset"/> of the file.</summary>
    private static long LineAt(string path, long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new byte[1 << 16];
        var line = 1L;
        for (var read = 0L; read < offset;)
        {
            var n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, offset - read));
            if (n == 0)
            {
                break;
            }
            line += buffer.AsSpan(0, n).Count((byte)'\n');
            read += n;
        }
        return line;
    }

    /// <summary>
    /// The whole lines of the file's end (each read as a checkpoint, null when it is not one, with the byte it starts
    /// at), read backward in growing blocks until <paramref name="enough"/> says so for a block holding a checkpoint.
    /// </summary>
    private static List<(SignedCheckpoint? Checkpoint, long Offset)> Tail(string path, Func<List<(SignedCheckpoint? Checkpoint, long Offset)>, bool> enough)
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
            // From the first whole line (the block may start inside one) to the last newline (a line without one is
            // still being written, or was torn by a crash).
            var start = from == 0 ? 0 : Array.IndexOf(bytes, (byte)'\n') + 1;
            var stop = Array.LastIndexOf(bytes, (byte)'\n');
            if (start == 0 && from > 0 || stop < start)
            {
                if (from == 0)
                {
                    return [];
                }
                continue;
            }
            var lines = new List<(SignedCheckpoint?, long)>();
            for (var at = start; at <= stop;)
            {
                var newline = Array.IndexOf(bytes, (byte)'\n', at, stop + 1 - at);
                var text = Encoding.UTF8.GetString(bytes, at, newline - at);
                if (SignedCheckpoint.Parse(text) is { } checkpoint)
                {
                    lines.Add((checkpoint, from + at));
                }
                else if (!IsTornByAnEarlierBuild(text))
                {
                    lines.Add((null, from + at));
                }
                at = newline + 1;
            }
            if (from == 0 || lines.Exists(l => l.Item1 is not null) && enough(lines))
            {
                return lines;
            }
        }
    }
}
