using BenchmarkDotNet.Attributes;
using Docket.Domain.Assignment;

namespace Docket.Benchmarks.Assignment;

/// <summary>random: uniformly among the teams that can take the case.</summary>
[MemoryDiagnoser]
public class RandomAssignmentBenchmark : AssignmentBenchmark
{
    private AssignmentPolicy _policy = null!;

    [GlobalSetup]
    public void Setup()
    {
        Reset();
        _policy = AssignmentPolicy.Create(new AssignmentSpec(AssignmentPolicyKind.Random), Board);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Decisions)]
    public int LinqBaseline()
    {
        var sum = 0;
        for (var i = 0; i < Decisions; i++)
        {
            var type = BeginLinqDecision();
            var candidates = Linq.Available(type).ToList();
            var team = candidates.Count == 0 ? -1 : candidates[Random.Next(candidates.Count)].Index;
            CommitLinq(team, type);
            sum += team;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Decisions)]
    public int Domain() => Decide(_policy);
}
