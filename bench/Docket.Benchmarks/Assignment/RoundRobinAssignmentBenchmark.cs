using BenchmarkDotNet.Attributes;
using Docket.Domain.Assignment;

namespace Docket.Benchmarks.Assignment;

/// <summary>round_robin: in turn per category over the teams accepting it, skipping those that cannot take the case.</summary>
[MemoryDiagnoser]
public class RoundRobinAssignmentBenchmark : AssignmentBenchmark
{
    private AssignmentPolicy _policy = null!;
    private int[] _cursor = [];

    [GlobalSetup]
    public void Setup()
    {
        VerifySameChoices(AssignmentPool.Create(Teams), Cap,
            board =>
            {
                var policy = AssignmentPolicy.Create(new AssignmentSpec(AssignmentPolicyKind.RoundRobin), board);
                return type => policy.Choose(type, Random);
            },
            list =>
            {
                var cursor = new int[2];
                return type => ChooseLinq(list, cursor, type);
            });
        Reset();
        _policy = AssignmentPolicy.Create(new AssignmentSpec(AssignmentPolicyKind.RoundRobin), Board);
        _cursor = new int[2];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Decisions)]
    public int LinqBaseline()
    {
        var sum = 0;
        for (var i = 0; i < Decisions; i++)
        {
            var type = BeginLinqDecision();
            var team = ChooseLinq(Linq, _cursor, type);
            CommitLinq(team, type);
            sum += team;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Decisions)]
    public int Domain() => Decide(_policy);

    private static int ChooseLinq(LinqPool list, int[] cursor, int type)
    {
        var category = list.CategoryOf(type);
        var ring = list.Teams.Where(t => t.Board.Accepts.Any(a => list.CategoryOf(a) == category)).ToList();
        for (var k = 0; k < ring.Count; k++)
        {
            var at = (cursor[category] + k) % ring.Count;
            if (list.CanTake(ring[at], type))
            {
                cursor[category] = (at + 1) % ring.Count;
                return ring[at].Index;
            }
        }
        return -1;
    }
}
