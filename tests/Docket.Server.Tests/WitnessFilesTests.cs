using Docket.Domain.Ledger;
using Docket.Server.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Docket.Server.Tests;

/// <summary>
/// The witness's files as read and written: a line that is not a checkpoint with another after it is a spoiled witness,
/// named by file and line, read forward or backward (but for a checkpoint cut short, which earlier builds ended and wrote after); a last line without its newline (torn by a crash, or still being
/// written) is skipped; and the writer, reopening a file whose last line was torn, cuts that line before it appends.
/// </summary>
public sealed class WitnessFilesTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "docket-witness-" + Guid.NewGuid().ToString("N"));
    private readonly System.Security.Cryptography.ECDsa _key = LedgerKey.Create();

    public WitnessFilesTests() => Directory.CreateDirectory(_dir);

    private string File1 => WitnessFiles.PathOf(_dir, "live");

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void A_spoiled_line_before_the_last_is_reported_by_file_and_line_reading_forward()
    {
        // One character changed ("seq" to "seq), as the line was spoiled, not cut short.
        Write(Line(1), Line(2), Line(3).Replace("\"seq\"", "\"seq", StringComparison.Ordinal), Line(4));
        var spoiled = Assert.Throws<SpoiledWitnessException>(() => WitnessFiles.ReadForward(File1).ToList());
        Assert.Equal(3, spoiled.Line);
        Assert.Equal(2, spoiled.AfterSeq);
        Assert.Equal($"line 3 of the witness file {File1} is not a signed checkpoint", spoiled.Message);
    }

    [Fact]
    public void A_spoiled_last_line_ended_by_its_newline_is_reported_reading_forward()
    {
        Write(Line(1), Line(2), Line(3).Replace("\"seq\"", "\"seq", StringComparison.Ordinal));
        Assert.Equal(3, Assert.Throws<SpoiledWitnessException>(() => WitnessFiles.ReadForward(File1).ToList()).Line);
    }

    [Fact]
    public void A_line_torn_and_ended_by_an_earlier_build_is_skipped_wherever_it_is()
    {
        // Builds before the writer cut a torn line ended it with a newline and appended after it.
        Write(Line(1), Line(2)[..20], Line(3));
        Assert.True(WitnessFiles.IsTornByAnEarlierBuild(Line(2)[..20]));
        Assert.False(WitnessFiles.IsTornByAnEarlierBuild(Line(2).Replace("\"seq\"", "\"seq", StringComparison.Ordinal)));
        Assert.False(WitnessFiles.IsTornByAnEarlierBuild("spoiled"));
        Assert.Equal([1L, 3L], WitnessFiles.ReadForward(File1).Select(c => c.Checkpoint.Seq));
        Assert.Equal([1L, 3L], WitnessFiles.ReadAfter(File1, 0).Select(c => c.Checkpoint.Seq));
    }

    [Fact]
    public void A_torn_last_line_without_its_newline_is_skipped_reading_forward_and_backward()
    {
        Write(Line(1), Line(2));
        File.AppendAllText(File1, Line(3)[..20]);
        Assert.Equal([1L, 2L], WitnessFiles.ReadForward(File1).Select(c => c.Checkpoint.Seq));
        Assert.Equal([2L], WitnessFiles.ReadAfter(File1, 1).Select(c => c.Checkpoint.Seq));
        Assert.Equal(2, WitnessFiles.Last(File1)!.Checkpoint.Seq);
    }

    [Fact]
    public void A_spoiled_line_after_the_position_asked_is_reported_reading_backward_and_one_before_it_is_not_read()
    {
        Write(Line(1), "spoiled", Line(3), Line(4), "spoiled too", Line(6));
        var spoiled = Assert.Throws<SpoiledWitnessException>(() => WitnessFiles.ReadAfter(File1, 3));
        Assert.Equal(5, spoiled.Line);
        Assert.Equal(4, spoiled.AfterSeq);
        Assert.Empty(WitnessFiles.ReadAfter(File1, 6));
        Assert.Equal(2, Assert.Throws<SpoiledWitnessException>(() => WitnessFiles.ReadAfter(File1, 0)).Line);
    }

    [Fact]
    public async Task The_writer_reopening_a_file_with_a_torn_last_line_cuts_it_and_appends_whole_lines()
    {
        Write(Line(1), Line(2));
        File.AppendAllText(File1, Line(3)[..20]);
        await using (var witness = new FileLedgerWitness(_dir, _key, TimeProvider.System, NullLogger<FileLedgerWitness>.Instance))
        {
            await witness.CheckpointAsync("live", 3, Head(3));
        }
        Assert.Equal([1L, 2L, 3L], WitnessFiles.ReadForward(File1).Select(c => c.Checkpoint.Seq));
        Assert.Equal(3, File.ReadAllLines(File1).Length);
    }

    private void Write(params string[] lines) => File.WriteAllText(File1, string.Concat(lines.Select(l => l + "\n")));

    private string Line(long seq) => LedgerKey.Sign(_key, LedgerKey.IdOf(_key), new LedgerCheckpoint("live", seq, Head(seq), At.AddSeconds(seq))).ToLine();

    private static string Head(long seq) => seq.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);
}
