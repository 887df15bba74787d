using System.Buffers;
using System.Security.Cryptography;
using System.Threading.Channels;
using Docket.Domain.Ledger;
using Docket.Grains;

namespace Docket.Server.Storage;

/// <summary>
/// The witness as append-only files outside the database (<see cref="WitnessFiles"/>), signed with the ledger key.
/// Group commit, as the database's writer: the checkpoints queued while a write is on its way are taken together, each
/// court's latest one signed and appended to its file, the files flushed to disk, and then every waiter released — so
/// one signature and one flush cover many acknowledgements. A checkpoint at or below one already written is covered
/// by it and released at once.
/// </summary>
public sealed partial class FileLedgerWitness : ILedgerWitness, IAsyncDisposable
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, (FileStream File, long Seq)> _files = new(StringComparer.Ordinal);
    private readonly ECDsa _key;
    private readonly string _keyId;
    private readonly TimeProvider _time;
    private readonly ILogger<FileLedgerWitness> _logger;
    private readonly Task _loop;

    public FileLedgerWitness(string directory, ECDsa key, TimeProvider time, ILogger<FileLedgerWitness> logger)
    {
        Directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Directory);
        _key = key;
        _keyId = LedgerKey.IdOf(key);
        _time = time;
        _logger = logger;
        PublicKey = ECDsa.Create();
        PublicKey.ImportSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo(), out _);
        _loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>The witness directory.</summary>
    public string Directory { get; }

    public bool Enabled => true;

    public ECDsa? PublicKey { get; }

    public Task CheckpointAsync(string court, long seq, string head, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(court, seq, head, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(FileLedgerWitness), "the witness is closed");
        }
        return pending.Done.Task;
    }

    public Task<IReadOnlyList<SignedCheckpoint>> ReadAfterAsync(string court, long afterSeq, CancellationToken cancellationToken = default) =>
        Task.Run<IReadOnlyList<SignedCheckpoint>>(() => WitnessFiles.ReadAfter(WitnessFiles.PathOf(Directory, court), afterSeq), cancellationToken);

    public int SealBytes => LedgerKey.SealBytes;

    public Task SealAsync(string court, long seq, ReadOnlySequence<byte> state, Memory<byte> seal, double share, CancellationToken cancellationToken = default) =>
        LedgerKey.SealInPlaceAsync(_key, court, seq, state, seal, share, cancellationToken);

    public byte[]? Unseal(string court, long seq, byte[] sealedState) => LedgerKey.Unseal(_key, court, seq, sealedState);

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>();
        var latest = new Dictionary<string, Pending>(StringComparer.Ordinal);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            latest.Clear();
            while (batch.Count < 4096 && _queue.Reader.TryRead(out var p))
            {
                batch.Add(p);
                if (!latest.TryGetValue(p.Court, out var l) || l.Seq < p.Seq)
                {
                    latest[p.Court] = p;
                }
            }
            try
            {
                var now = _time.GetUtcNow();
                var written = new List<(string Court, FileStream File, long Seq)>();
                foreach (var p in latest.Values)
                {
                    var (file, seq) = FileOf(p.Court);
                    if (p.Seq <= seq)
                    {
                        continue;
                    }
                    var line = LedgerKey.Sign(_key, _keyId, new LedgerCheckpoint(p.Court, p.Seq, p.Head, now)).ToLine() + "\n";
                    file.Write(System.Text.Encoding.UTF8.GetBytes(line));
                    written.Add((p.Court, file, p.Seq));
                }
                foreach (var (court, file, seq) in written)
                {
                    file.Flush(flushToDisk: true);
                    _files[court] = (file, seq);
                }
                foreach (var p in batch)
                {
                    p.Done.TrySetResult();
                }
            }
            catch (Exception e)
            {
                LogWriteFailed(e, Directory);
                // A file whose write or flush failed may hold part of a line, and its stream the rest, which it would write
                // again in front of the next line: closed and dropped, the file is reopened, its torn line cut, next time.
                foreach (var court in latest.Keys)
                {
                    if (_files.Remove(court, out var failed))
                    {
                        try
                        {
                            failed.File.Dispose();
                        }
                        catch (IOException)
                        {
                        }
                    }
                }
                foreach (var p in batch)
                {
                    p.Done.TrySetException(e);
                }
            }
        }
    }

    /// <summary>The court's file open for appending, and the last position it holds (read from its end the first time).</summary>
    private (FileStream File, long Seq) FileOf(string court)
    {
        if (_files.TryGetValue(court, out var open))
        {
            return open;
        }
        var path = WitnessFiles.PathOf(Directory, court);
        WitnessFiles.CutTornLine(path);
        var last = WitnessFiles.Last(path)?.Checkpoint.Seq ?? 0;
        var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read | FileShare.Delete);
        _files[court] = (file, last);
        return (file, last);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        foreach (var (file, _) in _files.Values)
        {
            await file.DisposeAsync();
        }
        _files.Clear();
        PublicKey?.Dispose();
    }

    private sealed record Pending(string Court, long Seq, string Head, TaskCompletionSource Done);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing checkpoints to the witness in {Directory} failed")]
    private partial void LogWriteFailed(Exception e, string directory);
}
