using System.Buffers;
using Docket.Domain.Courts;

namespace Docket.Domain.Tests.Courts;

public sealed class StateBufferTests
{
    [Fact]
    public void What_is_written_across_chunks_reads_back_whole_with_the_reserved_start_filled_in_place()
    {
        var buffer = new StateBuffer();
        var data = new byte[(2 << 20) + 12345];
        new Random(3).NextBytes(data);
        buffer.Restart(72);
        foreach (var piece in data.Chunk(70_001))
        {
            buffer.Write(piece);
        }
        buffer.Start(72).Span.Fill(9);

        var written = buffer.Written.ToArray();
        Assert.Equal(72 + data.Length, written.Length);
        Assert.All(written[..72], b => Assert.Equal(9, b));
        Assert.Equal(data, written[72..]);
        Assert.Equal(3, buffer.Chunks);
    }

    [Fact]
    public void A_restarted_buffer_keeps_its_chunks_and_holds_only_the_new_save()
    {
        var buffer = new StateBuffer();
        buffer.Restart(0);
        buffer.Write(new byte[3 << 20]);
        buffer.Restart(8);
        buffer.Write([1, 2, 3]);

        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3 }, buffer.Written.ToArray());
        Assert.Equal(3, buffer.Chunks);
        Assert.Equal(11, buffer.Length);
    }
}
