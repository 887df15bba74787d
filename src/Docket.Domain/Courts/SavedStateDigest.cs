namespace Docket.Domain.Courts;

/// <summary>
/// A court's saved state as a verification from genesis compares it with the state the court's ledger makes at the
/// same position (<see cref="Ledger.ChainVerifier.CompareSavedAsync"/>): its position and head, the moment its court
/// had been brought to (<see cref="CourtState.BroughtTo"/>), and the <see cref="CourtState.LedgerDigest"/> of the state
/// the court takes up from it — not the state, which is read back, digested and let go before the replay begins.
/// </summary>
public sealed record SavedStateDigest(long Seq, string Head, DateTimeOffset BroughtTo, string Digest)
{
    public static async Task<SavedStateDigest> OfAsync(CourtState state, double share = 1.0, CancellationToken cancellationToken = default) =>
        new(state.Seq, state.Head, state.BroughtTo, await state.LedgerDigestAsync(share, cancellationToken));

    /// <summary>
    /// Of a saved state's bytes (<see cref="CourtState.WriteSnapshot"/>) as the court reads them back at activation
    /// (<see cref="CourtState.ReadSnapshot"/>), so a state misread is found as well as one miswritten; reading and
    /// digesting take about <paramref name="share"/> of a core. An <see cref="InvalidDataException"/> when they cannot
    /// be read (the court sets such a state aside: nothing to compare).
    /// </summary>
    public static async Task<SavedStateDigest> ReadAsync(Court court, Func<int, string?> secretOf, byte[] snapshot, double share = 1.0, CancellationToken cancellationToken = default)
    {
        var pace = new WorkPace(share);
        var state = CourtState.ReadSnapshot(court, secretOf, new MemoryStream(snapshot), finishedAtHand: 0);
        await pace.SliceDoneAsync(cancellationToken);
        return await OfAsync(state, share, cancellationToken);
    }

    /// <summary>
    /// Whether <paramref name="state"/>, its court's ledger replayed to <see cref="Seq"/>, is this saved state. The state
    /// is first brought to <see cref="BroughtTo"/>: a live court is also brought forward by what it does not record (a
    /// watch with nothing to do, a refused command), which may change its boards (an absence begun); its next entry is
    /// never before that moment (<see cref="CourtState.TimeOfNext"/>), so a replay brought there decides every later
    /// entry as it would have. Then the digests must be equal.
    /// </summary>
    public async Task<bool> IsStateOfAsync(CourtState state, double share = 1.0, CancellationToken cancellationToken = default)
    {
        if (state.Seq != Seq)
        {
            throw new InvalidOperationException($"a saved state at entry {Seq} compared with a state at entry {state.Seq}");
        }
        if (state.Head != Head)
        {
            return false;
        }
        state.AsOf(BroughtTo);
        return await state.LedgerDigestAsync(share, cancellationToken) == Digest;
    }
}
