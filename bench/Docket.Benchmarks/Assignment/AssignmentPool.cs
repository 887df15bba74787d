using Docket.Domain.Assignment;

namespace Docket.Benchmarks.Assignment;

/// <summary>
/// The pool every assignment benchmark decides on, generated reproducibly for a team count: 4 case types in 2
/// categories (types 0–1 in category 0, types 2–3 in category 1, workload weights 1, 1.5, 0.5, 2); every team accepts
/// 1–3 of the types (type <c>team % 4</c> and up to two more), has 1–3 judges and a coefficient of 1–3.5; every tenth
/// team is led by a division head (team 0 by the president); every twentieth team (team 7, 27, …) is away.
/// Filings arrive in a fixed 40/30/20/10 mix of the four types.
/// </summary>
public sealed class AssignmentPool
{
    public const int TypeCount = 4;

    /// <summary>Length of the filing sequence (a power of two: the benchmarks cycle through it with a mask).</summary>
    public const int FilingCount = 4096;

    private AssignmentPool(BoardTeam[] teams, bool[] absent, int[] filings)
    {
        Teams = teams;
        Absent = absent;
        Filings = filings;
    }

    public static IReadOnlyList<int> TypeCategory { get; } = [0, 0, 1, 1];

    public static IReadOnlyList<double> TypeWeight { get; } = [1.0, 1.5, 0.5, 2.0];

    public IReadOnlyList<BoardTeam> Teams { get; }

    public IReadOnlyList<bool> Absent { get; }

    /// <summary>Case types of the filings, in arrival order.</summary>
    public int[] Filings { get; }

    /// <summary>Open assignments kept in the ring: half the pool, at least 4.</summary>
    public int RingSize => Math.Max(4, Teams.Count / 2);

    public static AssignmentPool Create(int teamCount)
    {
        var random = new Random(20261125);
        var teams = new BoardTeam[teamCount];
        var absent = new bool[teamCount];
        for (var team = 0; team < teamCount; team++)
        {
            var accepts = new SortedSet<int> { team % TypeCount };
            var extra = random.Next(3);
            while (accepts.Count < 1 + extra)
            {
                accepts.Add(random.Next(TypeCount));
            }
            var judges = 1 + random.Next(3);
            // Coefficients in quarter steps keep weighted sums exact, so the LINQ baselines and the domain agree on ties.
            var coefficient = judges + (random.Next(3) * 0.25);
            teams[team] = new BoardTeam($"team-{team}", [.. accepts], null, coefficient, judges, Leader: team % 10 == 0, Chief: team == 0);
            absent[team] = team % 20 == 7;
        }
        var mix = new[] { 0.4, 0.7, 0.9, 1.0 };
        var filings = new int[FilingCount];
        for (var i = 0; i < filings.Length; i++)
        {
            var u = random.NextDouble();
            var type = 0;
            while (u >= mix[type])
            {
                type++;
            }
            filings[i] = type;
        }
        return new AssignmentPool(teams, absent, filings);
    }

    /// <summary>The domain's board for this pool, with the away teams marked.</summary>
    public TeamBoard CreateBoard(int? cap)
    {
        var board = new TeamBoard(Teams, TypeCategory, TypeWeight, cap);
        for (var team = 0; team < Teams.Count; team++)
        {
            if (Absent[team])
            {
                board.SetAbsent(team, true);
            }
        }
        return board;
    }

    /// <summary>The baseline's list of teams for this pool.</summary>
    public LinqPool CreateLinqPool(int? cap) => new(Teams, Absent, TypeCategory, TypeWeight, cap);
}
