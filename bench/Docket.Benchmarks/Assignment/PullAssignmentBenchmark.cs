using BenchmarkDotNet.Attributes;
using Docket.Domain.Assignment;

namespace Docket.Benchmarks.Assignment;

/// <summary>
/// pull with a cap of 1 pending case per team and category (close-one-get-one): at random among the teams under
/// their cap. With half as many open cases as teams, a good share of the teams sit at their cap, so decisions keep
/// moving teams in and out of the available sets.
/// </summary>
[MemoryDiagnoser]
public class PullAssignmentBenchmark : AssignmentBenchmark
{
    private AssignmentPolicy _policy = null!;

    protected override int? Cap => 1;

    [GlobalSetup]
    public void Setup()
    {
        Reset();
        _policy = AssignmentPolicy.Create(new AssignmentSpec(AssignmentPolicyKind.Pull, Cap), Board);
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
