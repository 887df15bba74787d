using System.Security.Cryptography;
using Docket.Domain.Courts;

namespace Docket.Domain.Ledger;

/// <summary>
/// Verifies a court's ledger as it streams past, page by page, holding only the court's state (bounded by its cases in
/// progress) and the witness's checkpoints: every entry's hash, link, time order, actor's right and re-made decision
/// (<see cref="CourtState.Replay"/>), and that the chain passes through every signed checkpoint the witness holds —
/// so a chain rewritten and re-hashed, or cut at its tail, fails at the first position the witness can tell. Can be
/// resumed: fed more entries later, it goes on from where it stopped (the audit's incremental verification). Fed to a
/// court's saved position, it compares its state with the court's saved state there (<see cref="CompareSavedAsync"/>).
/// </summary>
public sealed class ChainVerifier
{
    private readonly Court _court;
    private readonly CourtState _state;
    private readonly List<LedgerCheckpoint> _checkpoints = [];
    private int _next;
    private long _lastMatched;
    private DateTimeOffset? _savedMoment;

    /// <param name="court">The court the ledger is of.</param>
    /// <param name="secretOf">The court's stored secret of an epoch (checked against the ledger's commitments).</param>
    /// <param name="finishedCasesAtHand">How many finished cases the state keeps in memory (0: none).</param>
    public ChainVerifier(Court court, Func<int, string?> secretOf, int finishedCasesAtHand = 0)
        : this(court, new CourtState(court, secretOf, finishedCasesAtHand))
    {
    }

    /// <summary>
    /// Goes on from <paramref name="state"/> (a court's saved state, trusted up to its position): the entries fed next
    /// are replayed into it, so a court taking up its ledger's tail ends with its state built from verified entries only.
    /// </summary>
    public ChainVerifier(Court court, CourtState state)
    {
        _court = court;
        _state = state;
    }

    /// <summary>Entries verified so far (the position reached).</summary>
    public long Seq => _state.Seq;

    /// <summary>The hash of the last entry verified.</summary>
    public string Head => _state.Head;

    public long DrawsChecked => _state.DrawsChecked;

    /// <summary>Signed checkpoints the chain has been found to pass through.</summary>
    public long CheckpointsMatched { get; private set; }

    /// <summary>The first problem found (verification stops there), or null.</summary>
    public LedgerVerification? Failure { get; private set; }

    /// <summary>The position at which the state was found to be the court's saved state (<see cref="CompareSavedAsync"/>), or null.</summary>
    public long? SavedStateMatched { get; private set; }

    /// <summary>
    /// Compares the state, fed exactly to <paramref name="saved"/>'s position, with the court's saved state there
    /// (<see cref="SavedStateDigest.IsStateOfAsync"/>, which brings the state to the moment the saved one had been
    /// brought to): one that differs fails the verification at that position, as a broken chain does, and so does one
    /// brought to a moment after the ledger's next entry, which the court that saved it could not have written. A saved
    /// state ending at another head is not compared: the court sets it aside at activation and takes up its whole
    /// ledger. Returns the failure, if any.
    /// </summary>
    public async Task<LedgerVerification?> CompareSavedAsync(SavedStateDigest saved, double share = 1.0, CancellationToken cancellationToken = default)
    {
        if (Failure is not null || saved.Head != _state.Head)
        {
            return Failure;
        }
        if (!await saved.IsStateOfAsync(_state, share, cancellationToken))
        {
            return Fail(saved.Seq, $"the court's saved state at entry {saved.Seq} differs from the state its ledger makes there");
        }
        SavedStateMatched = saved.Seq;
        _savedMoment = saved.BroughtTo;
        return null;
    }

    /// <summary>
    /// Takes the witness's checkpoints of this court (any order, duplicates allowed), each of whose signature is
    /// checked against <paramref name="publicKey"/>. Returns the failure when a checkpoint is not signed by that key,
    /// or two checkpoints of one position name different heads. On a resumed verification, checkpoints at positions
    /// already verified are passed over: the chain from there on must link to the head already verified.
    /// </summary>
    /// <param name="lastSignatureOnly">
    /// Checks only the signature of the last checkpoint (a court taking up its tail at activation, where every
    /// signature would cost a tenth of a millisecond): enough for the chain, since the entries are hash-linked and
    /// an edited earlier checkpoint can only fail a sound chain, never pass a rewritten one through the last signed head.
    /// </param>
    public LedgerVerification? Witness(IEnumerable<SignedCheckpoint> checkpoints, ECDsa publicKey, bool lastSignatureOnly = false)
    {
        var keyId = LedgerKey.IdOf(publicKey);
        var known = _checkpoints.Where(c => c.Seq > _state.Seq).ToDictionary(c => c.Seq);
        var latest = (SignedCheckpoint?)null;
        foreach (var signed in checkpoints)
        {
            var c = signed.Checkpoint;
            if (c.Court != _court.Id || c.Seq <= _state.Seq)
            {
                continue;
            }
            if (lastSignatureOnly)
            {
                latest = latest is null || c.Seq >= latest.Checkpoint.Seq ? signed : latest;
            }
            else if (signed.Key != keyId || !signed.IsSignedBy(publicKey))
            {
                return NotSigned(c, keyId);
            }
            if (known.TryGetValue(c.Seq, out var other))
            {
                if (other.Head != c.Head)
                {
                    return Fail(c.Seq, $"the witness holds two signed checkpoints at entry {c.Seq} with different heads");
                }
                continue;
            }
            known[c.Seq] = c;
        }
        if (latest is not null && (latest.Key != keyId || !latest.IsSignedBy(publicKey)))
        {
            return NotSigned(latest.Checkpoint, keyId);
        }
        _checkpoints.Clear();
        _checkpoints.AddRange(known.Values.Where(c => c.Seq > _state.Seq).OrderBy(c => c.Seq));
        _next = 0;
        return null;
    }

    /// <summary>
    /// The witness's file holds a line that is not a signed checkpoint where it should vouch for the chain: fails at
    /// the entry after the last checkpoint read before it, naming the file and the line, as a checkpoint not signed by
    /// the ledger key fails (<see cref="Witness"/>).
    /// </summary>
    public LedgerVerification SpoiledWitness(SpoiledWitnessException spoiled) =>
        Fail(spoiled.AfterSeq + 1, $"{spoiled.Message}, nor a checkpoint cut short by a crash");

    /// <summary>Verifies the next entries (in order, following what was verified). Returns the failure, if any.</summary>
    public LedgerVerification? Feed(IEnumerable<LedgerRecord> records) => Feed(records.Select(ReadRecord.Of));

    /// <summary>Verifies the next entries, already read (<see cref="ReadRecord.Of"/>), as <see cref="Feed(IEnumerable{LedgerRecord})"/> does.</summary>
    public LedgerVerification? Feed(IEnumerable<ReadRecord> records)
    {
        if (Failure is not null)
        {
            return Failure;
        }
        foreach (var read in records)
        {
            var record = read.Record;
            if (record.Seq != _state.Seq + 1)
            {
                return Fail(_state.Seq + 1, $"entry {_state.Seq + 1} is missing (found {record.Seq} next)");
            }
            var problem = _state.Replay(read);
            if (_savedMoment is { } moment)
            {
                _savedMoment = null;
                if (_state.Seq == record.Seq && _state.LastAt < moment)
                {
                    return Fail(record.Seq - 1, $"the court's saved state at entry {record.Seq - 1} was brought to {moment:O}, after the time of entry {record.Seq} ({_state.LastAt:O})");
                }
            }
            if (problem is not null)
            {
                return Fail(record.Seq, problem);
            }
            while (_next < _checkpoints.Count && _checkpoints[_next].Seq == record.Seq)
            {
                var c = _checkpoints[_next++];
                if (c.Head != record.Hash)
                {
                    var from = _lastMatched + 1;
                    return Fail(from, from == c.Seq
                        ? $"entry {c.Seq} differs from the signed checkpoint the witness holds for it ({c.At:O})"
                        : $"the chain differs from the signed checkpoint at entry {c.Seq} ({c.At:O}): an entry from {from} to {c.Seq} was rewritten");
                }
                _lastMatched = c.Seq;
                CheckpointsMatched++;
            }
        }
        return null;
    }

    /// <summary>
    /// The result once the ledger's last entry has been fed: valid unless a problem was found or the witness holds a
    /// checkpoint past the ledger's end (its tail was cut).
    /// </summary>
    public LedgerVerification Finish()
    {
        if (Failure is not null)
        {
            return Failure;
        }
        if (_next < _checkpoints.Count)
        {
            var last = _checkpoints[^1];
            return Fail(_state.Seq + 1, $"the ledger ends at entry {_state.Seq} but the witness holds a signed checkpoint at entry {last.Seq} ({last.At:O}): entries {_state.Seq + 1} to {last.Seq} were cut");
        }
        return Result(true, null, null);
    }

    private LedgerVerification NotSigned(LedgerCheckpoint c, string keyId) =>
        Fail(c.Seq, $"the witness's checkpoint at entry {c.Seq} ({c.At:O}) is not signed by the ledger key {keyId}");

    private LedgerVerification Fail(long seq, string problem) => Failure = Result(false, seq, problem);

    private LedgerVerification Result(bool valid, long? seq, string? problem) =>
        new(_court.Id, valid, _state.Seq, _state.DrawsChecked, _state.Head, seq, problem) { CheckpointsMatched = CheckpointsMatched };
}
