namespace Docket.Domain.Supervision;

/// <summary>
/// The rule of a professional judges' meeting (cases 164, 165): at least <c>minimumJudges</c> judges, and no more
/// than half of them from one department.
/// </summary>
public static class ProfessionalMeeting
{
    /// <summary>The most judges of a meeting of <paramref name="judges"/> that one department (team group) may seat: half, rounded down.</summary>
    public static int MostFromOneDepartment(int judges) => judges / 2;

    /// <summary>How many of a meeting of <paramref name="judges"/> departments with these judge counts can seat.</summary>
    public static long Seats(IEnumerable<long> judgesByDepartment, int judges) =>
        judgesByDepartment.Sum(j => Math.Min(j, MostFromOneDepartment(judges)));

    /// <summary>Whether judges from these departments (one entry per judge) make a valid meeting.</summary>
    public static bool IsValid(IReadOnlyList<int> departments, int minimumJudges)
    {
        if (departments.Count < minimumJudges)
        {
            return false;
        }
        var largest = departments.GroupBy(d => d).Max(g => g.Count());
        return largest * 2 <= departments.Count;
    }

    /// <summary>
    /// Chooses <paramref name="judges"/> participants, one per team, taking departments in turn (and within each
    /// department the team after the one that sat last), so that no department has more than half. Returns null when
    /// the departments cannot make a valid meeting.
    /// </summary>
    /// <param name="teamsByDepartment">Teams (any ids) of each department, in order.</param>
    /// <param name="cursor">Per department, the next team to sit; advanced for the teams chosen.</param>
    public static IReadOnlyList<(int Department, int Team)>? Choose(IReadOnlyList<IReadOnlyList<int>> teamsByDepartment, int[] cursor, int judges)
    {
        var cap = MostFromOneDepartment(judges);
        var taken = new int[teamsByDepartment.Count];
        var chosen = new List<(int, int)>(judges);
        var progress = true;
        while (chosen.Count < judges && progress)
        {
            progress = false;
            for (var d = 0; d < teamsByDepartment.Count && chosen.Count < judges; d++)
            {
                var teams = teamsByDepartment[d];
                if (taken[d] >= Math.Min(cap, teams.Count))
                {
                    continue;
                }
                chosen.Add((d, teams[(cursor[d] + taken[d]) % teams.Count]));
                taken[d]++;
                progress = true;
            }
        }
        if (chosen.Count < judges || !IsValid([.. chosen.Select(c => c.Item1)], judges))
        {
            return null;
        }
        for (var d = 0; d < cursor.Length; d++)
        {
            if (teamsByDepartment[d].Count > 0)
            {
                cursor[d] = (cursor[d] + taken[d]) % teamsByDepartment[d].Count;
            }
        }
        return chosen;
    }
}
