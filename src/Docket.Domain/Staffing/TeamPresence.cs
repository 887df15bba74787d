using Docket.Domain.Assignment;
using Docket.Domain.Courts;
using Orleans;

namespace Docket.Domain.Staffing;

/// <summary>
/// An absence as the ledger recorded it: its period, reason and the entry that recorded it; once withdrawn, the
/// withdrawal's entry in <see cref="Withdrawn"/> and <see cref="To"/> the moment the team came back (its start when it
/// had not begun).
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.live.recorded-absence")]
public readonly record struct RecordedAbsence(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset To,
    [property: Id(2)] string Reason,
    [property: Id(3)] long Seq,
    [property: Id(4)] long? Withdrawn = null)
{
    /// <summary>
    /// The absence withdrawn at <paramref name="at"/> by entry <paramref name="seq"/>: it ends then, or, not yet begun,
    /// never begins (it ends at its start).
    /// </summary>
    public RecordedAbsence WithdrawnAt(DateTimeOffset at, long seq) =>
        this with { To = at < From ? From : at < To ? at : To, Withdrawn = seq };
}

/// <summary>
/// Which teams of a court are away, from the absences recorded (<see cref="AbsenceRule"/>), kept on a
/// <see cref="CaseRouter"/>'s boards. A team's going and coming back changes its pool's state (its place in the
/// eligible set, the catch-up of its counts), so the changes are made in the order of the moments they happen,
/// whenever the court is next brought forward: the live court, which is also brought forward by watches that record
/// nothing, and a replay of its ledger, which is brought forward only at the ledger's entries, make the same changes
/// in the same order. An absence over by the moment brought to can change nothing more: it is kept apart, for the
/// team's list and a withdrawal's refusal, so bringing the court forward looks only at the absences in force or to come.
/// </summary>
public sealed class TeamPresence
{
    private readonly CaseRouter _router;
    private readonly List<RecordedAbsence>[] _absences;
    private readonly List<RecordedAbsence>[] _over;
    private readonly List<int> _teamsWithAbsences = [];
    private readonly List<(DateTimeOffset At, int Team)> _changes = [];
    private DateTimeOffset _broughtTo = DateTimeOffset.MinValue;
    private bool _returned;

    public TeamPresence(CaseRouter router, int teams)
    {
        _router = router;
        _absences = new List<RecordedAbsence>[teams];
        _over = new List<RecordedAbsence>[teams];
    }

    internal void WriteState(BinaryWriter w)
    {
        w.Write(_broughtTo.UtcTicks);
        w.Write(_teamsWithAbsences.Count);
        foreach (var team in _teamsWithAbsences)
        {
            w.Write(team);
            var recorded = Of(team);
            w.Write(recorded.Count);
            foreach (var a in recorded)
            {
                CourtTimes.Write(w, a.From);
                CourtTimes.Write(w, a.To);
                w.Write(a.Reason);
                w.Write(a.Seq);
                w.Write(a.Withdrawn ?? 0);
            }
        }
    }

    /// <summary>
    /// Takes the absences <see cref="WriteState"/> wrote; the boards already hold who is away.
    /// </summary>
    internal void ReadState(BinaryReader r)
    {
        _broughtTo = new DateTimeOffset(r.ReadInt64(), TimeSpan.Zero);
        for (var teams = r.ReadInt32(); teams > 0; teams--)
        {
            var team = r.ReadInt32();
            _teamsWithAbsences.Add(team);
            _absences[team] = [];
            for (var n = r.ReadInt32(); n > 0; n--)
            {
                var absence = new RecordedAbsence(CourtTimes.Read(r), CourtTimes.Read(r), r.ReadString(), r.ReadInt64());
                _absences[team].Add(r.ReadInt64() is var withdrawn and > 0 ? absence with { Withdrawn = withdrawn } : absence);
            }
            SetAsideOver(team);
        }
    }

    /// <summary>
    /// Whether a team has come back (an absence over or withdrawn) since this was last asked; asking clears it. Not part
    /// of the saved state: a court taken up pulls for every team at its first look anyway.
    /// </summary>
    public bool TakeReturned()
    {
        var returned = _returned;
        _returned = false;
        return returned;
    }

    /// <summary>Sets whether the team is away, noting a return.</summary>
    private void SetAway(int team, bool away)
    {
        _returned |= !away && _router.IsAbsent(team);
        _router.SetAbsent(team, away);
    }

    /// <summary>The moment the boards were last brought to (<see cref="BringTo"/>): no later decision is made before it.</summary>
    public DateTimeOffset BroughtTo => _broughtTo;

    /// <summary>A team's absences, in the order recorded.</summary>
    public IReadOnlyList<RecordedAbsence> Of(int team) => _over[team] is not { Count: > 0 } over
        ? _absences[team] ?? (IReadOnlyList<RecordedAbsence>)[]
        : [.. over.Concat(_absences[team]).OrderBy(a => a.Seq)];

    /// <summary>Whether one of the team's absences covers <paramref name="at"/>, a moment not before the one last brought to.</summary>
    public bool IsAway(int team, DateTimeOffset at) =>
        _absences[team] is { } absences && AbsenceRule.IsAway(absences.Select(a => (a.From, a.To)), at);

    /// <summary>
    /// Records an absence at <paramref name="recordedAt"/> (the moment the court was last brought to): when it covers
    /// that moment the team leaves at once, otherwise it leaves when brought past the absence's start.
    /// </summary>
    public void Add(int team, RecordedAbsence absence, DateTimeOffset recordedAt)
    {
        if (_absences[team] is null)
        {
            _absences[team] = [];
            _teamsWithAbsences.Add(team);
        }
        _absences[team].Add(absence);
        SetAway(team, IsAway(team, recordedAt));
    }

    /// <summary>The team's absence recorded by entry <paramref name="seq"/>, or null.</summary>
    public RecordedAbsence? Find(int team, long seq) => Locate(team, seq) is var (list, i) ? list[i] : null;

    /// <summary>The list holding the team's absence of entry <paramref name="seq"/> — those in force or to come, or those set apart — and its place.</summary>
    private (List<RecordedAbsence> List, int Index)? Locate(int team, long seq)
    {
        foreach (var list in (ReadOnlySpan<List<RecordedAbsence>?>)[_absences[team], _over[team]])
        {
            if (list?.FindIndex(a => a.Seq == seq) is >= 0 and var i)
            {
                return (list, i);
            }
        }
        return null;
    }

    /// <summary>
    /// Withdraws the team's absence recorded by entry <paramref name="seq"/> at <paramref name="at"/> (the moment the
    /// court was last brought to, by entry <paramref name="withdrawal"/>, <see cref="RecordedAbsence.WithdrawnAt"/>):
    /// the team is back at once unless another absence covers that moment.
    /// </summary>
    public void Withdraw(int team, long seq, long withdrawal, DateTimeOffset at)
    {
        var (absences, i) = Locate(team, seq) ?? throw new InvalidOperationException($"team {team} has no absence {seq}");
        absences[i] = absences[i].WithdrawnAt(at, withdrawal);
        SetAway(team, IsAway(team, at));
        SetAsideOver(team);
    }

    /// <summary>
    /// Brings the boards to <paramref name="at"/>: every start and end of an absence after the last moment brought to
    /// and at or before <paramref name="at"/>, in order of time (teams in layout order at the same moment).
    /// </summary>
    public void BringTo(DateTimeOffset at)
    {
        if (at <= _broughtTo)
        {
            return;
        }
        _changes.Clear();
        foreach (var team in _teamsWithAbsences)
        {
            foreach (var a in _absences[team])
            {
                if (a.From > _broughtTo && a.From <= at)
                {
                    _changes.Add((a.From, team));
                }
                if (a.To > _broughtTo && a.To <= at)
                {
                    _changes.Add((a.To, team));
                }
            }
        }
        _changes.Sort();
        foreach (var (moment, team) in _changes)
        {
            SetAway(team, IsAway(team, moment));
        }
        _broughtTo = at;
        foreach (var (_, team) in _changes)
        {
            SetAsideOver(team);
        }
    }

    /// <summary>Moves the team's absences over by the moment brought to out of those looked at when the court moves on.</summary>
    private void SetAsideOver(int team)
    {
        var absences = _absences[team];
        if (absences.Exists(a => a.To <= _broughtTo))
        {
            (_over[team] ??= []).AddRange(absences.Where(a => a.To <= _broughtTo));
            absences.RemoveAll(a => a.To <= _broughtTo);
        }
    }
}
