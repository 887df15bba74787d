using BenchmarkDotNet.Attributes;
using Docket.Domain.Assignment;

namespace Docket.Benchmarks.Assignment;

/// <summary>
/// designated (random first, designated second): every filing is flagged and goes to the least-loaded team led by a
/// president or division head that can take it (every tenth team); when none can, it is drawn at random like any other.
/// <see cref="PreviousScan"/> is the designation before issue 16 (a scan of the leader-led teams on every decision).
/// </summary>
[MemoryDiagnoser]
public class DesignatedAssignmentBenchmark : AssignmentBenchmark
{
    private DesignatedAssignment _designated = null!;
    private PreviousDesignatedAssignment _previous = null!;
    private AssignmentPolicy _policy = null!;

    [GlobalSetup(Targets = [nameof(LinqBaseline), nameof(Domain)])]
    public void Setup()
    {
        // The designation rule must match; the fallback draw differs in order between the two, so the check falls
        // back to the first team in team order on both sides instead.
        VerifySameChoices(AssignmentPool.Create(Teams), Cap,
            board =>
            {
                var designated = new DesignatedAssignment(board);
                return type =>
                {
                    var team = designated.Choose(type);
                    if (team < 0)
                    {
                        foreach (var t in board.Eligible(type))
                        {
                            if (board.IsAvailable(t, type))
                            {
                                return t;
                            }
                        }
                    }
                    return team;
                };
            },
            list => type => ChooseLeaderLinq(list, type) is var team and >= 0 ? team : list.Available(type).FirstOrDefault()?.Index ?? -1);
        Reset();
        _designated = new DesignatedAssignment(Board);
        _policy = AssignmentPolicy.Create(new AssignmentSpec(AssignmentPolicyKind.Random), Board);
        // The designation builds its index on the first choice; build it here, outside the measurement.
        _designated.Choose(0);
    }

    /// <summary>The previous designation alone on its board, so that the domain's index is not kept up beside it.</summary>
    [GlobalSetup(Target = nameof(PreviousScan))]
    public void SetupPrevious()
    {
        VerifySameChoices(AssignmentPool.Create(Teams), Cap,
            board =>
            {
                var previous = new PreviousDesignatedAssignment(board);
                return type => previous.Choose(type) is var team and >= 0 ? team : FirstAvailable(board, type);
            },
            list => type => ChooseLeaderLinq(list, type) is var team and >= 0 ? team : list.Available(type).FirstOrDefault()?.Index ?? -1);
        Reset();
        _previous = new PreviousDesignatedAssignment(Board);
        _policy = AssignmentPolicy.Create(new AssignmentSpec(AssignmentPolicyKind.Random), Board);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Decisions)]
    public int LinqBaseline()
    {
        var sum = 0;
        for (var i = 0; i < Decisions; i++)
        {
            var type = BeginLinqDecision();
            var team = ChooseLeaderLinq(Linq, type);
            if (team < 0)
            {
                var candidates = Linq.Available(type).ToList();
                team = candidates.Count == 0 ? -1 : candidates[Random.Next(candidates.Count)].Index;
            }
            CommitLinq(team, type);
            sum += team;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Decisions)]
    public int Domain()
    {
        var sum = 0;
        for (var i = 0; i < Decisions; i++)
        {
            var type = BeginDecision();
            var team = _designated.Choose(type);
            if (team < 0)
            {
                team = _policy.Choose(type, Random);
            }
            Commit(team, type);
            sum += team;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Decisions)]
    public int PreviousScan()
    {
        var sum = 0;
        for (var i = 0; i < Decisions; i++)
        {
            var type = BeginDecision();
            var team = _previous.Choose(type);
            if (team < 0)
            {
                team = _policy.Choose(type, Random);
            }
            Commit(team, type);
            sum += team;
        }
        return sum;
    }

    private static int FirstAvailable(TeamBoard board, int type)
    {
        foreach (var t in board.Eligible(type))
        {
            if (board.IsAvailable(t, type))
            {
                return t;
            }
        }
        return -1;
    }

    private static int ChooseLeaderLinq(LinqPool list, int type) =>
        list.Available(type).Where(t => t.Board.Leader).OrderBy(t => t.PendingWork).FirstOrDefault()?.Index ?? -1;
}
