using System.Buffers;

namespace Docket.Domain.Courts;

/// <summary>
/// Where a court's saved state is written: a write-only stream over one-megabyte chunks, kept from one save to the
/// next (<see cref="Restart"/>) and grown a chunk at a time. A large court's state is hundreds of megabytes; written
/// into one array, each save (or each doubling of the array) allocated and copied that much again, and the collector
/// answered with full collections of the whole heap beside the filings.
/// </summary>
public sealed class StateBuffer : Stream
{
    private const int ChunkBytes = 1 << 20;
    private readonly List<byte[]> _chunks = [];
    private long _length;

    /// <summary>Empties the buffer for the next save, keeping its chunks, with <paramref name="reserved"/> bytes left free at its start.</summary>
    public void Restart(int reserved)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(reserved, ChunkBytes);
        _length = 0;
        Write(new byte[reserved]);
    }

    /// <summary>The first <paramref name="bytes"/> bytes (those <see cref="Restart"/> reserved), to fill in place.</summary>
    public Memory<byte> Start(int bytes) => _chunks.Count == 0 ? Memory<byte>.Empty : _chunks[0].AsMemory(0, bytes);

    /// <summary>Everything written since <see cref="Restart"/>, reserved bytes included.</summary>
    public ReadOnlySequence<byte> Written
    {
        get
        {
            if (_length <= ChunkBytes)
            {
                return _length == 0 ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(_chunks[0], 0, (int)_length);
            }
            Segment first = new(_chunks[0], 0), last = first;
            var left = _length - ChunkBytes;
            for (var i = 1; left > 0; i++)
            {
                var take = (int)Math.Min(ChunkBytes, left);
                last = last.Append(_chunks[i].AsMemory(0, take));
                left -= take;
            }
            return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        }
    }

    /// <summary>
    /// A saved state a megabyte at a time (at most): the slices its sealing and its file's writing pace themselves by
    /// (<see cref="WorkPace"/>). A state written here comes in whole chunks; any other sequence is cut to the same size.
    /// </summary>
    public static IEnumerable<ReadOnlyMemory<byte>> Slices(ReadOnlySequence<byte> state)
    {
        foreach (var segment in state)
        {
            for (var at = 0; at < segment.Length; at += ChunkBytes)
            {
                yield return segment.Slice(at, Math.Min(ChunkBytes, segment.Length - at));
            }
        }
    }

    /// <summary>The chunks held (a megabyte each), for the memory a court keeps between saves.</summary>
    public int Chunks => _chunks.Count;

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var chunk = (int)(_length / ChunkBytes);
            if (chunk == _chunks.Count)
            {
                _chunks.Add(new byte[ChunkBytes]);
            }
            var at = (int)(_length % ChunkBytes);
            var take = Math.Min(buffer.Length, ChunkBytes - at);
            buffer[..take].CopyTo(_chunks[chunk].AsSpan(at));
            _length += take;
            buffer = buffer[take..];
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
