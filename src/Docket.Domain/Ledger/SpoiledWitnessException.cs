namespace Docket.Domain.Ledger;

/// <summary>
/// A line of a witness file that is not a signed checkpoint though the line after it was written: not a line torn by
/// a crash (only the file's last line, without its newline, can be that), so the witness was spoiled, and cannot vouch
/// for the chain after <see cref="AfterSeq"/>. <see cref="ChainVerifier.SpoiledWitness"/> makes it a failed verification.
/// </summary>
public sealed class SpoiledWitnessException(string file, long line, long afterSeq)
    : Exception($"line {line} of the witness file {file} is not a signed checkpoint")
{
    public string File { get; } = file;

    /// <summary>The line's number in the file, from 1.</summary>
    public long Line { get; } = line;

    /// <summary>The position of the last checkpoint read before the line (0 when none was).</summary>
    public long AfterSeq { get; } = afterSeq;
}
