using Docket.Domain.Assignment;
using Docket.Domain.Cases;
using Docket.Domain.Intake;
using Docket.Domain.Randomness;
using Docket.Domain.Simulation;
using Docket.Domain.Staffing;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Simulation;

/// <summary>The simulator draws a case's team as the live service does: from (seed, the pool's stream key, the case number).</summary>
public sealed class DrawModelTests
{
    [Theory]
    [InlineData(AssignmentPolicyKind.Random)]
    [InlineData(AssignmentPolicyKind.WeightedRandom)]
    [InlineData(AssignmentPolicyKind.Deck)]
    public void The_simulators_draw_for_case_n_is_the_draw_made_by_hand_from_the_seed_the_pools_key_and_n(AssignmentPolicyKind kind)
    {
        // Teams of different sizes (so weights and decks are not uniform); no caps, so every case is drawn at filing.
        var small = new Dictionary<string, int> { [RoleCatalog.Judge] = 1 };
        var large = new Dictionary<string, int> { [RoleCatalog.Judge] = 2, [RoleCatalog.Assistant] = 1 };
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("generic", 30)], [TestCourts.Intake("generic", 400)],
            [TestCourts.Teams("s", 3, ["generic"], small), TestCourts.Teams("l", 2, ["generic"], large)],
            new AssignmentSpec(kind), 365, seed: 11);
        var simulation = TestCourts.Simulate(scenario);
        var layout = simulation.Layout;

        // By hand: a fresh board and policy of the pool, and for case N the stream AssignmentDraw keys by
        // (seed, "court/court", N) — the scenario's single court and its court-wide pool.
        var board = layout.CreateBoard(0);
        var policy = AssignmentPolicy.Create(layout.PoolSpecs[0], board);
        var key = AssignmentDraw.PoolStreamKey("court", "court");
        var draw = new AssignmentDraw();
        var cases = simulation.Cases.ToArray().Where(c => c.Number > 0).OrderBy(c => c.Number).ToList();
        Assert.True(cases.Count > 300, $"{cases.Count} cases");
        Assert.Equal(Enumerable.Range(1, cases.Count), cases.Select(c => c.Number));
        foreach (var c in cases)
        {
            var team = policy.Choose(c.Type, draw.For(scenario.Seed, key, c.Number));
            Assert.True(team == c.Team, $"case {c.Number}: by hand team {team}, the simulator gave {c.Team}");
            board.Assign(team, c.Type);
        }
    }

    [Fact]
    public void A_pool_with_its_own_assignment_is_keyed_by_its_groups_id()
    {
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("a", 30), TestCourts.JudgeOnly("b", 30)],
            [TestCourts.Intake("a", 200), TestCourts.Intake("b", 200)],
            [TestCourts.Teams("general", 3, ["a"]), TestCourts.Teams("fast", 3, ["b"], assignment: AssignmentSpec.Random)],
            AssignmentSpec.Random, 365, seed: 5);
        var simulation = TestCourts.Simulate(scenario);
        var layout = simulation.Layout;
        var fastPool = layout.TypePool[1];

        Assert.Equal(["court", "fast"], layout.PoolNames);
        var key = AssignmentDraw.PoolStreamKey("court", "fast");
        Assert.Equal(StreamKey.Of("court/fast"), key);
        var draw = new AssignmentDraw();
        var fastCases = simulation.Cases.ToArray().Where(c => c.Type == 1).ToList();
        Assert.NotEmpty(fastCases);
        foreach (var c in fastCases)
        {
            // Uniform over the pool's three teams, none ever capped or away: the n-th team of the pool.
            var expected = layout.PoolTeams[fastPool][draw.For(scenario.Seed, key, c.Number).Next(3)];
            Assert.Equal(expected, c.Team);
        }
    }

    [Fact]
    public void Cases_are_numbered_in_filing_order_backlog_first_oldest_first_and_mediated_disputes_get_no_number()
    {
        var mediation = new MediationSpec(0.5, 0.5, new FixedEffort(20));
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("generic", 30)], [TestCourts.Intake("generic", 300, mediation: mediation)],
            [TestCourts.Teams("t", 4, ["generic"])], AssignmentSpec.Random, 365,
            backlog: [new BacklogEntry("generic", 20, new ExponentialEffort(100))]);
        var simulation = TestCourts.Simulate(scenario);
        var cases = simulation.Cases.ToArray();

        var filed = cases.Where(c => !double.IsNaN(c.Filed)).OrderBy(c => c.Number).ToList();
        Assert.Equal(Enumerable.Range(1, filed.Count), filed.Select(c => c.Number));
        Assert.Equal(filed.Count, simulation.FiledCount);
        // Filing order: the backlog (1–20) oldest first, then by filing time.
        Assert.All(filed.Take(20), c => Assert.True((c.Flags & CaseFlags.Backlog) != 0));
        for (var i = 1; i < filed.Count; i++)
        {
            Assert.True(filed[i - 1].Filed <= filed[i].Filed, $"case {filed[i].Number} filed before case {filed[i - 1].Number}");
        }
        var settled = cases.Where(c => c.Status is CaseStatus.Mediated or CaseStatus.InMediation).ToList();
        Assert.NotEmpty(settled);
        Assert.All(settled, c => Assert.Equal(0, c.Number));
        // A dispute mediated without success is numbered when it is filed, among the cases filed then.
        Assert.Contains(filed, c => (c.Flags & CaseFlags.Mediation) != 0);
    }
}
