using BenchmarkDotNet.Attributes;
using Docket.Domain.Assignment;

namespace Docket.Benchmarks.Assignment;

/// <summary>weighted_random: among the teams that can take the case, in proportion to their coefficient sum.</summary>
[MemoryDiagnoser]
public class WeightedRandomAssignmentBenchmark : AssignmentBenchmark
{
    private AssignmentPolicy _policy = null!;

    [GlobalSetup]
    public void Setup()
    {
        Reset();
        _policy = AssignmentPolicy.Create(new AssignmentSpec(AssignmentPolicyKind.WeightedRandom, WeightBy: WeightBasis.Coefficient), Board);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Decisions)]
    public int LinqBaseline()
    {
        var sum = 0;
        for (var i = 0; i < Decisions; i++)
        {
            var type = BeginLinqDecision();
            var candidates = Linq.Available(type).ToList();
            var team = -1;
            if (candidates.Count > 0)
            {
                var target = Random.NextDouble() * candidates.Sum(t => t.Board.Coefficient);
                team = candidates[^1].Index;
                foreach (var candidate in candidates)
                {
                    target -= candidate.Board.Coefficient;
                    if (target < 0)
                    {
                        team = candidate.Index;
                        break;
                    }
                }
            }
            CommitLinq(team, type);
            sum += team;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Decisions)]
    public int Domain() => Decide(_policy);
}
