using Docket.Domain.Assignment;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Simulation;

/// <summary>
/// Where queueing theory applies (Poisson intake, exponential effort, one-judge FCFS teams, continuous time) the
/// simulator must reproduce it. λ = 292 a year over 10 teams, 1/μ = 240 h = 10 days, so ρ = 0.8.
/// </summary>
public sealed class QueueingTheoryTests
{
    private const double Lambda = 292.0 / 365.0;
    private const double Mu = 0.1;

    [Fact]
    public void Random_assignment_behaves_as_independent_MM1_queues()
    {
        // Each team sees Poisson(λ/10): W = 1 / (μ − λ/10) = 50 days. 20,000 years of intake, ≈ 5.8 million cases
        // would be slow; 2,000 years (≈ 584,000 cases) puts the standard error near 1.5%, so 5% is an honest bound.
        var (_, summary) = TestCourts.Run(TestCourts.Minimal(AssignmentSpec.Random, days: 730_365, warmup: 365));
        var expected = 1.0 / (Mu - (Lambda / 10));
        Assert.InRange(summary.TimeToDispositionDays.Mean, expected * 0.95, expected * 1.05);
    }

    [Fact]
    public void Pull_with_cap_one_behaves_as_one_MMc_queue()
    {
        var (_, summary) = TestCourts.Run(TestCourts.Minimal(new AssignmentSpec(AssignmentPolicyKind.Pull, Cap: 1), days: 365_365));
        var expected = ErlangCWaitingTime(servers: 10, Lambda, Mu) + (1 / Mu);
        Assert.InRange(summary.TimeToDispositionDays.Mean, expected * 0.97, expected * 1.03);
    }

    [Theory]
    [InlineData(AssignmentPolicyKind.Random)]
    [InlineData(AssignmentPolicyKind.Pull)]
    public void Littles_law_holds_between_pending_intake_and_time_to_disposition(AssignmentPolicyKind policy)
    {
        var (_, summary) = TestCourts.Run(TestCourts.Minimal(new AssignmentSpec(policy, Cap: policy == AssignmentPolicyKind.Pull ? 1 : null), days: 73_365));
        var window = summary.Days - summary.WarmupDays;
        var arrivalRate = summary.Cases.Filed / window;
        // L = λW up to the cases open at the window's edges: well within 2% over 200 years.
        Assert.InRange(summary.PendingTimeAverage / (arrivalRate * summary.TimeToDispositionDays.Mean), 0.98, 1.02);
    }

    [Fact]
    public void Utilization_of_one_judge_teams_is_the_offered_load()
    {
        var (_, summary) = TestCourts.Run(TestCourts.Minimal(AssignmentSpec.Random, days: 73_365));
        Assert.InRange(summary.Teams.Average(t => t.Utilization), 0.78, 0.82);
    }

    /// <summary>Mean time in queue of an M/M/c queue (Erlang C formula).</summary>
    private static double ErlangCWaitingTime(int servers, double lambda, double mu)
    {
        var a = lambda / mu;
        var rho = a / servers;
        double term = 1, sum = 1;
        for (var k = 1; k < servers; k++)
        {
            term *= a / k;
            sum += term;
        }
        var last = term * a / servers / (1 - rho);
        var probabilityOfWaiting = last / (sum + last);
        return probabilityOfWaiting / ((servers * mu) - lambda);
    }
}
