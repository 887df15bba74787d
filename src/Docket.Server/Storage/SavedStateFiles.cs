using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Docket.Domain.Courts;
using Docket.Grains;

namespace Docket.Server.Storage;

/// <summary>
/// Courts' saved states as files in the data directory (<c>court-states/{court}.state</c>: a magic, the ledger
/// position, then the sealed state), written beside the SQLite database rather than in it: a saved state is tens of
/// megabytes, and written through the database's one writer it held up every court's ledger appends for as long as
/// it took. Each save goes to a temporary file that is flushed to disk and then renamed over the court's file, so a
/// crash leaves the old state or the new one, never half of one; an older state never replaces a newer. The file is
/// written and flushed to disk a megabyte at a time with pauses between (<see cref="WriteShare"/>): a large court's
/// state is hundreds of megabytes, and written in one stretch it queued every court's ledger commits behind it on the
/// disk for the half second it took (the filings' p99 rose from about 20 ms to 190–280 ms).
/// </summary>
public sealed class SavedStateFiles(string dataDirectory)
{
    private static readonly byte[] s_magic = "DKTS"u8.ToArray();
    private const int HeaderBytes = 12;

    /// <summary>About how much of the disk's time a save takes while it is written (<see cref="WorkPace"/>).</summary>
    public double WriteShare { get; init; } = 0.25;

    public string Directory { get; } = Path.Combine(Path.GetFullPath(dataDirectory), "court-states");

    public string PathOf(string court) => Path.Combine(Directory, $"{FileName(court)}.state");

    public async Task SaveAsync(string court, long seq, ReadOnlySequence<byte> state, CancellationToken cancellationToken = default)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = PathOf(court);
        // A state at the same position replaces the one there: the court saves there again only after setting that
        // one aside (written by an earlier version, say), and would otherwise replay its whole ledger at every start.
        if (SeqAt(path) > seq)
        {
            return;
        }
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                var header = new byte[HeaderBytes];
                s_magic.CopyTo(header, 0);
                BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(s_magic.Length), seq);
                await file.WriteAsync(header, cancellationToken);
                var pace = new WorkPace(WriteShare);
                foreach (var slice in StateBuffer.Slices(state))
                {
                    await file.WriteAsync(slice, cancellationToken);
                    file.Flush(flushToDisk: true);
                    await pace.SliceDoneAsync(cancellationToken);
                }
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The court's saved state, or null when it has none or its file is not one (a cut or foreign file).</summary>
    public async Task<SavedCourtState?> ReadAsync(string court, CancellationToken cancellationToken = default)
    {
        var path = PathOf(court);
        if (!File.Exists(path))
        {
            return null;
        }
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return bytes.Length < HeaderBytes || !bytes.AsSpan(0, s_magic.Length).SequenceEqual(s_magic)
            ? null
            : new SavedCourtState(BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(s_magic.Length)), bytes[HeaderBytes..]);
    }

    /// <summary>The ledger position of the court's saved state (0: none).</summary>
    public long SeqOf(string court) => SeqAt(PathOf(court));

    private static long SeqAt(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            Span<byte> header = stackalloc byte[HeaderBytes];
            return file.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false) == HeaderBytes && header[..s_magic.Length].SequenceEqual(s_magic)
                ? BinaryPrimitives.ReadInt64LittleEndian(header[s_magic.Length..])
                : 0;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
        catch (DirectoryNotFoundException)
        {
            return 0;
        }
    }

    /// <summary>The court id itself when it is a plain name, else its UTF-8 bytes in hex (no path tricks).</summary>
    private static string FileName(string court) =>
        court.Length > 0 && court.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && court[0] != '.'
            ? court
            : Convert.ToHexStringLower(Encoding.UTF8.GetBytes(court));
}
