using System.Security.Cryptography;
using System.Text.Json;
using Docket.Domain.Ledger;

namespace Docket.Domain.Courts;

/// <summary>
/// A court's state saved at a ledger position and taken up again, so a court need not replay its whole ledger: the
/// chain's head, seed epochs, counters, each pool's board and policy history (counts, pending work, who is away, the
/// order of the available sets, a deck's order, a rotation's place), the judges' open counts, the absences, the last
/// case number and the first filing's time, and the records of the cases in progress with the moment of their next
/// deadline check and the digest of their entries (a finished case is in storage, <see cref="FinishedCase"/>, not in the state). What can be
/// derived is derived again (the waiting queues, the teams' open sets, the key fingerprints, the policies' indexes),
/// so a state read back decides every later entry exactly as the state that was saved (tested by replaying the rest
/// of a ledger on both).
/// </summary>
public sealed partial class CourtState
{
    private const string SnapshotMagic = "docket-court-state";
    /// <summary>
    /// 11: as 10, written by a build that knows rules version 5, so that a build before it (which reads only 10, and
    /// would take up the state without asking its rules version) replays the ledger instead and refuses its genesis
    /// entry; a state of version 10 is read as before. A state whose rules version this build does not know is refused.
    /// 10: each team's and judge's tally with its seats in professional judges' meetings that sat (they count towards
    /// a quota in workload units); a state of version 9 is refused (the court replays its whole ledger once, which
    /// counts them).
    /// 9: each case in progress's <see cref="CaseDigest"/> after its next check; a state of version 8 is refused (the
    /// court replays its whole ledger once, which makes the digests).
    /// 8: no digest of every case, only the last case number, the first filing's time and the finished cases' sums
    /// (<see cref="FinishedTotals"/>; the cases themselves are rows in storage); a state of version 6 is refused, and
    /// the court's replay of its whole ledger writes those rows (7, without the sums, was never released).
    /// 5: the teams' and judges' tallies of closed cases (<see cref="DocketTally"/>), then the judges' last general
    /// problems found by quality review and each judge's files of each year under review (closed, held, drawn,
    /// reviewed), then the meeting's sittings and each member's attendance. A state of an earlier version lacks them (a judge's closures cannot be told from the digests) and is
    /// refused: the court replays its ledger.
    /// </summary>
    private const int SnapshotVersion = 11;

    /// <summary>The earlier version a state is still read in: the same bytes but for the version.</summary>
    private const int SameAsSnapshotVersion = 10;

    /// <summary>Writes the state as of its last entry (<see cref="Seq"/>, <see cref="Head"/>).</summary>
    public void WriteSnapshot(Stream stream) => CaptureSnapshot().WriteTo(stream);

    /// <summary>
    /// Takes the state as of its last entry, for writing later and on any thread (<see cref="CourtSnapshot.WriteTo"/>):
    /// the small parts are written now and the case records — immutable — kept by reference, so the court is held up
    /// only for that.
    /// </summary>
    public CourtSnapshot CaptureSnapshot() => Capture(DrawsChecked);

    /// <summary>
    /// SHA-256 (lower-case hex) of the state as its ledger makes it: <see cref="WriteSnapshot"/>'s bytes, hashed as
    /// they are written (no copy of the state), with <see cref="DrawsChecked"/> — the draws this state re-made, which
    /// a state built by appending did not — left out. Any two states of a court's ledger at one position brought to
    /// one moment (<see cref="BroughtTo"/>) have the same digest, however they were made: replayed from genesis,
    /// restored from a saved state and replayed on, appended live; one case, count or board that differs changes it.
    /// </summary>
    public string LedgerDigest() => LedgerDigestAsync(1.0).GetAwaiter().GetResult();

    /// <summary><see cref="LedgerDigest"/> at about <paramref name="share"/> of a core (<see cref="CourtSnapshot.WriteToAsync"/>).</summary>
    public async Task<string> LedgerDigestAsync(double share, CancellationToken cancellationToken = default)
    {
        using var sha = SHA256.Create();
        await using (var hashing = new CryptoStream(Stream.Null, sha, CryptoStreamMode.Write))
        {
            await Capture(drawsChecked: 0).WriteToAsync(hashing, share, cancellationToken);
        }
        return Convert.ToHexStringLower(sha.Hash!);
    }

    private CourtSnapshot Capture(long drawsChecked)
    {
        var head = new MemoryStream();
        using (var w = new BinaryWriter(head, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(SnapshotMagic);
            w.Write(SnapshotVersion);
            w.Write(_court.Id);
            w.Write(_court.OrganizationHash);
            w.Write(Seq);
            w.Write(Head);
            w.Write(Epoch);
            CourtTimes.Write(w, LastAt);
            w.Write(StartedAt is not null);
            CourtTimes.Write(w, StartedAt ?? default);
            w.Write(Commitment ?? "");
            w.Write(RulesVersion);
            w.Write(Unlocks);
            w.Write(drawsChecked);
            w.Write(Escalations);
            w.Write(Extensions);
            w.Write(WarningsIssued);
            w.Write(_commitments.Count);
            foreach (var (epoch, commitment) in _commitments.OrderBy(c => c.Key))
            {
                w.Write(epoch);
                w.Write(commitment);
            }
            _router.WriteState(w);
            _judges.WriteState(w);
            foreach (var counts in new[] { _teamAssigned, _teamClosed, _judgeAssigned, _judgeClosed, _lastTouch })
            {
                w.Write(counts.Length);
                Array.ForEach(counts, w.Write);
            }
            _presence.WriteState(w);
            foreach (var tally in _teamTally.Concat(_judgeTally))
            {
                tally.Write(w);
            }
            WriteQuality(w);
            WriteMeetings(w);
            w.Write(_lastNumber);
            w.Write(FirstFiledAt is not null);
            CourtTimes.Write(w, FirstFiledAt ?? default);
            _finishedTotals.Write(w);
        }
        return new CourtSnapshot(Seq, head.ToArray(), _held.Freeze(), _dueAt.Freeze(), _digests.Freeze());
    }

    /// <summary>
    /// A court's state read back from <see cref="WriteSnapshot"/>'s bytes; an <see cref="InvalidDataException"/> when
    /// they are not a saved state of this court under this organisation (then replay its ledger from the start).
    /// </summary>
    public static CourtState ReadSnapshot(Court court, Func<int, string?> secretOf, Stream stream, int finishedAtHand = DefaultFinishedAtHand)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        try
        {
            var version = r.ReadString() == SnapshotMagic ? r.ReadInt32() : -1;
            if (version is not (SnapshotVersion or SameAsSnapshotVersion))
            {
                throw new InvalidDataException("not a saved court state of this version");
            }
            if (r.ReadString() != court.Id || r.ReadString() != court.OrganizationHash)
            {
                throw new InvalidDataException($"not a saved state of court {court.Id} under this organisation");
            }
            var seq = r.ReadInt64();
            var head = r.ReadString();
            var epoch = r.ReadInt32();
            var lastAt = CourtTimes.Read(r);
            var started = r.ReadBoolean();
            var startedAt = CourtTimes.Read(r);
            var commitment = r.ReadString();
            var rules = r.ReadInt32();
            if (CourtRules.Unknown(rules) is { } unknown)
            {
                throw new InvalidDataException(unknown);
            }
            var counters = new long[5];
            for (var i = 0; i < counters.Length; i++)
            {
                counters[i] = r.ReadInt64();
            }
            var commitments = new Dictionary<int, string>();
            for (var n = r.ReadInt32(); n > 0; n--)
            {
                commitments[r.ReadInt32()] = r.ReadString();
            }
            var state = new CourtState(court, secretOf, finishedAtHand, r)
            {
                Seq = seq,
                Head = head,
                Epoch = epoch,
                LastAt = lastAt,
                StartedAt = started ? startedAt : null,
                Commitment = commitment.Length == 0 ? null : commitment,
                RulesVersion = rules,
                Unlocks = counters[0],
                DrawsChecked = counters[1],
                Escalations = counters[2],
                Extensions = counters[3],
                WarningsIssued = counters[4],
            };
            state.ReadRest(r, commitments);
            return state;
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or IOException or ArgumentException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"court {court.Id}'s saved state cannot be read: {e.Message}", e);
        }
    }

    private void ReadRest(BinaryReader r, Dictionary<int, string> commitments)
    {
        foreach (var (epoch, commitment) in commitments)
        {
            _commitments[epoch] = commitment;
        }
        var secret = _secretOf(Epoch);
        Seed = LedgerHash.Opens(secret, Commitment) ? LedgerHash.Seed(secret!) : null;
        _judges.ReadState(r);
        foreach (var counts in new[] { _teamAssigned, _teamClosed, _judgeAssigned, _judgeClosed, _lastTouch })
        {
            if (r.ReadInt32() != counts.Length)
            {
                throw new InvalidDataException("the saved counts are not this court's teams and judges");
            }
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] = r.ReadInt64();
            }
        }
        _presence.ReadState(r);
        for (var t = 0; t < _teamTally.Length; t++)
        {
            _teamTally[t] = DocketTally.Read(r);
        }
        for (var j = 0; j < _judgeTally.Length; j++)
        {
            _judgeTally[j] = DocketTally.Read(r);
        }
        ReadQuality(r);
        ReadMeetings(r);
        _lastNumber = r.ReadInt64();
        var hasFirst = r.ReadBoolean();
        var first = CourtTimes.Read(r);
        FirstFiledAt = hasFirst ? first : null;
        _finishedTotals = FinishedTotals.Read(r);
        var shared = SharedStrings();
        for (var n = r.ReadInt32(); n > 0; n--)
        {
            var c = Shared(JsonSerializer.Deserialize<CourtCase>(r.ReadString()) ?? throw new InvalidDataException("a saved case record is empty"), shared);
            var hasDue = r.ReadBoolean();
            var due = CourtTimes.Read(r);
            _held.Add(c.Number, c);
            _digests.Add(c.Number, CaseDigest.Read(r));
            // A state saved before the teams watched the cases they hold has a check for those too: not the court's to keep.
            if (hasDue && c.Status != CourtCaseStatus.Pending)
            {
                _due.File(c.Number, due);
                _dueAt[c.Number] = due;
            }
            if (c.Status == CourtCaseStatus.Waiting)
            {
                _waiting[_court.Layout.TypePool[_court.TypeIndex(c.Type)]].Add(c.Number, PriorityOf(c), c.EscalatedAt is not null, _court.TypeIndex(c.Type));
            }
            else if (c.Status == CourtCaseStatus.Pending && c.Team is { } team)
            {
                _open[_court.TeamIndex(team)].Add(c.Number);
            }
        }
    }

    /// <summary>The court's own instances of the strings its cases' records share: its id, case types, teams and judges.</summary>
    private Dictionary<string, string> SharedStrings()
    {
        var shared = new Dictionary<string, string>(StringComparer.Ordinal) { [_court.Id] = _court.Id };
        foreach (var s in _court.CaseTypes.Select(t => t.Id).Concat(_court.Layout.Teams.Select(t => t.Id)).Concat(_judgeNames.SelectMany(n => n)))
        {
            shared.TryAdd(s, s);
        }
        return shared;
    }

    /// <summary>
    /// A record read back with its court, type, team, judge and policy as one instance each across the records: read
    /// as they were written, each of a restored court's records would hold copies of its own.
    /// </summary>
    /// <remarks>A state saved before the court's records left out the party code's hash held it: dropped here, as a replay would.</remarks>
    private static CourtCase Shared(CourtCase c, Dictionary<string, string> shared) => c with
    {
        PartyCodeHmac = null,
        Court = Share(c.Court, shared)!,
        Type = Share(c.Type, shared)!,
        Team = Share(c.Team, shared),
        Judge = Share(c.Judge, shared),
        Policy = Share(c.Policy, shared)!,
    };

    private static string? Share(string? s, Dictionary<string, string> shared)
    {
        if (s is null)
        {
            return null;
        }
        if (shared.TryGetValue(s, out var one))
        {
            return one;
        }
        shared[s] = s;
        return s;
    }
}

/// <summary>A court's state taken at ledger position <see cref="Seq"/> (<see cref="CourtState.CaptureSnapshot"/>), to be written.</summary>
public sealed class CourtSnapshot
{
    private readonly byte[] _head;
    private readonly CaseSlots<CourtCase>.Frozen _held;
    private readonly CaseSlots<DateTimeOffset>.Frozen _due;
    private readonly CaseSlots<CaseDigest>.Frozen _digests;

    internal CourtSnapshot(long seq, byte[] head, CaseSlots<CourtCase>.Frozen held, CaseSlots<DateTimeOffset>.Frozen due, CaseSlots<CaseDigest>.Frozen digests)
    {
        Seq = seq;
        _head = head;
        _held = held;
        _due = due;
        _digests = digests;
    }

    public long Seq { get; }

    /// <summary>Cases written between two pauses of <see cref="WriteToAsync"/>.</summary>
    private const int CasesPerSlice = 2_048;

    /// <summary>Writes the state in the form <see cref="CourtState.ReadSnapshot"/> reads.</summary>
    public void WriteTo(Stream stream) => WriteToAsync(stream, 1.0).GetAwaiter().GetResult();

    /// <summary>
    /// Writes the state, using about <paramref name="share"/> of one core: after each slice of cases it pauses for
    /// the time the slice took × (1 ÷ share − 1), so a large court's save runs beside the filings instead of taking
    /// the cores from them (1: no pauses). The snapshot does not change while it is written.
    /// </summary>
    public async Task WriteToAsync(Stream stream, double share, CancellationToken cancellationToken = default)
    {
        var pace = new WorkPace(share);
        stream.Write(_head);
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(_held.Count);
        // Each record as BinaryWriter.Write(string) would write its JSON (the UTF-8 byte count, 7-bit encoded, then
        // the bytes), serialised straight to UTF-8 into one reused buffer.
        var json = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using var writer = new Utf8JsonWriter(json);
        var i = 0;
        foreach (var (number, c) in _held.Entries())
        {
            DateTimeOffset? due = _due.TryGetValue(number, out var at) ? at : null;
            json.ResetWrittenCount();
            writer.Reset(json);
            JsonSerializer.Serialize(writer, c);
            writer.Flush();
            w.Write7BitEncodedInt(json.WrittenCount);
            w.Write(json.WrittenSpan);
            w.Write(due is not null);
            CourtTimes.Write(w, due ?? default);
            (_digests.TryGetValue(number, out var digest) ? digest : throw new InvalidOperationException($"case {number} in progress has no digest")).Write(w);
            if (++i % CasesPerSlice == 0)
            {
                w.Flush();
                await pace.SliceDoneAsync(cancellationToken);
            }
        }
    }
}
