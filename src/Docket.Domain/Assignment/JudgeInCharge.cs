namespace Docket.Domain.Assignment;

/// <summary>
/// Which of a team's judges is in charge of a case: named when the case is assigned to the team, as a court names the
/// judge in charge when it assigns a case, and kept until the case closes; the case's hearing work is that judge's.
/// The rule: the team's judge with the fewest open cases, ties to the lowest number. Keeps each judge's open cases,
/// per court team index; both the simulator and the live service call it. Judges are numbered from 0 here; the live
/// service names judge <c>k</c> of a team <c>{team}/judge-{k + 1}</c> (<see cref="Name"/>).
/// </summary>
public sealed class JudgeInCharge
{
    private readonly int[] _first;
    private readonly int[] _open;

    /// <param name="judgesPerTeam">Judges of each court team; a team listed with none still has one who hears its cases.</param>
    public JudgeInCharge(IEnumerable<int> judgesPerTeam)
    {
        var counts = judgesPerTeam.Select(n => Math.Max(1, n)).ToArray();
        _first = new int[counts.Length + 1];
        for (var t = 0; t < counts.Length; t++)
        {
            _first[t + 1] = _first[t] + counts[t];
        }
        _open = new int[_first[^1]];
    }

    public int TeamCount => _first.Length - 1;

    /// <summary>Judges of the whole court.</summary>
    public int Count => _open.Length;


    internal void WriteState(BinaryWriter w)
    {
        w.Write(_open.Length);
        Array.ForEach(_open, w.Write);
    }

    internal void ReadState(BinaryReader r)
    {
        if (r.ReadInt32() != _open.Length)
        {
            throw new InvalidDataException("the saved judges are not this court's");
        }
        for (var i = 0; i < _open.Length; i++)
        {
            _open[i] = r.ReadInt32();
        }
    }

    /// <summary>The judges of a team (at least 1).</summary>
    public int JudgeCount(int team) => _first[team + 1] - _first[team];

    /// <summary>The open cases a judge of the team is in charge of.</summary>
    public int OpenCases(int team, int judge) => _open[Slot(team, judge)];

    /// <summary>The judge who would be put in charge of the team's next case: fewest open cases, ties to the lowest number. Changes nothing.</summary>
    public int Next(int team)
    {
        var from = _first[team];
        var best = 0;
        for (var j = 1; j < _first[team + 1] - from; j++)
        {
            if (_open[from + j] < _open[from + best])
            {
                best = j;
            }
        }
        return best;
    }

    /// <summary>
    /// The judge of the team's next case under the rules a ledger began with (its genesis entry's <c>rules</c>): this
    /// rule (<see cref="Next"/>) from <see cref="Courts.CourtRules.JudgeInChargeVersion"/> on; before it, the team's
    /// judges in turn, by the number of cases ever assigned to the team (<paramref name="assignedToTeam"/>).
    /// </summary>
    public int NextUnder(int rulesVersion, int team, long assignedToTeam) =>
        rulesVersion >= Courts.CourtRules.JudgeInChargeVersion ? Next(team) : (int)(assignedToTeam % JudgeCount(team));

    /// <summary>Puts <see cref="Next"/> in charge of a new case of the team and returns that judge.</summary>
    public int Assign(int team)
    {
        var judge = Next(team);
        _open[_first[team] + judge]++;
        return judge;
    }

    /// <summary>Records that a judge of the team took charge of a case (as a ledger recorded it).</summary>
    public void Open(int team, int judge) => _open[Slot(team, judge)]++;

    /// <summary>Records that a case of the judge closed or left the team.</summary>
    public void Close(int team, int judge)
    {
        var slot = Slot(team, judge);
        if (_open[slot] == 0)
        {
            throw new InvalidOperationException($"judge {judge} of team {team} has no open case to close");
        }
        _open[slot]--;
    }

    /// <summary>The live service's name of judge <paramref name="judge"/> (0-based) of a team: <c>{team}/judge-{judge + 1}</c>.</summary>
    public static string Name(string teamId, int judge) => $"{teamId}/judge-{judge + 1}";

    /// <summary>The team id in a judge's name (<see cref="Name"/>: what comes before <c>/judge-k</c>), or null when the name is not of that form.</summary>
    public static string? TeamIdOf(string name) =>
        name.LastIndexOf("/judge-", StringComparison.Ordinal) is var cut and > 0 ? name[..cut] : null;

    /// <summary>The number (0-based) of a judge named by <see cref="Name"/> in the team, or -1 when the name is not one of its judges'.</summary>
    public int NumberOf(int team, string teamId, string? name) => NumberOf(teamId, JudgeCount(team), name);

    /// <summary>The number (0-based) of a judge named by <see cref="Name"/> in a team of <paramref name="judges"/> judges, or -1 when the name is not one of its judges'.</summary>
    public static int NumberOf(string teamId, int judges, string? name)
    {
        var prefix = $"{teamId}/judge-";
        return name is not null && name.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k)
            && k >= 1 && k <= judges && name == Name(teamId, k - 1)
            ? k - 1
            : -1;
    }

    /// <summary>A judge's place among the court's judges (0 to <see cref="Count"/> − 1).</summary>
    public int Slot(int team, int judge)
    {
        if ((uint)judge >= (uint)JudgeCount(team))
        {
            throw new ArgumentOutOfRangeException(nameof(judge), judge, $"team {team} has {JudgeCount(team)} judge(s)");
        }
        return _first[team] + judge;
    }
}
