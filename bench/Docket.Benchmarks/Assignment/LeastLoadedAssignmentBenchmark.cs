using BenchmarkDotNet.Attributes;
using Docket.Domain.Assignment;

namespace Docket.Benchmarks.Assignment;

/// <summary>
/// least_loaded: the team with the least weighted pending work, ties to the fewest cases of the category received,
/// then to the lower team number. <see cref="PreviousHeap"/> is the domain's policy before issue 16 (a heap per type).
/// </summary>
[MemoryDiagnoser]
public class LeastLoadedAssignmentBenchmark : AssignmentBenchmark
{
    private AssignmentPolicy _policy = null!;

    [GlobalSetup(Targets = [nameof(LinqBaseline), nameof(Domain)])]
    public void Setup()
    {
        VerifySameChoices(AssignmentPool.Create(Teams), Cap,
            board =>
            {
                var policy = AssignmentPolicy.Create(new AssignmentSpec(AssignmentPolicyKind.LeastLoaded), board);
                return type => policy.Choose(type, Random);
            },
            list => type => ChooseLinq(list, type));
        Reset();
        _policy = AssignmentPolicy.Create(new AssignmentSpec(AssignmentPolicyKind.LeastLoaded), Board);
    }

    /// <summary>The previous policy alone on its board, so that the domain's index is not kept up beside it.</summary>
    [GlobalSetup(Target = nameof(PreviousHeap))]
    public void SetupPrevious()
    {
        VerifySameChoices(AssignmentPool.Create(Teams), Cap,
            board =>
            {
                var policy = new PreviousLeastLoadedAssignment(board);
                return type => policy.Choose(type, Random);
            },
            list => type => ChooseLinq(list, type));
        Reset();
        _policy = new PreviousLeastLoadedAssignment(Board);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Decisions)]
    public int LinqBaseline()
    {
        var sum = 0;
        for (var i = 0; i < Decisions; i++)
        {
            var type = BeginLinqDecision();
            var team = ChooseLinq(Linq, type);
            CommitLinq(team, type);
            sum += team;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Decisions)]
    public int Domain() => Decide(_policy);

    [Benchmark(OperationsPerInvoke = Decisions)]
    public int PreviousHeap() => Decide(_policy);

    private static int ChooseLinq(LinqPool list, int type)
    {
        var category = list.CategoryOf(type);
        return list.Available(type)
            .OrderBy(t => t.PendingWork)
            .ThenBy(t => t.Assigned[category])
            .ThenBy(t => t.Index)
            .FirstOrDefault()?.Index ?? -1;
    }
}
