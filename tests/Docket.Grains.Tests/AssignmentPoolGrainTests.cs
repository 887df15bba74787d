using Docket.Abstractions.Assignment;

namespace Docket.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class AssignmentPoolGrainTests(ClusterFixture fixture)
{
    private static PoolConfiguration Configuration(string policy, int? cap = null) => new(
        Seed: 42,
        Policy: policy,
        Cap: cap,
        CaseTypes: [new PoolCaseType("loan", "simple", 0.3), new PoolCaseType("labour", "labour", 1.0)],
        Teams:
        [
            new PoolTeam("fast-1", ["loan"], null, 1.6, 1, false, false),
            new PoolTeam("fast-2", ["loan"], null, 1.6, 1, false, false),
            new PoolTeam("labour-1", ["labour"], null, 1.6, 1, false, false),
            new PoolTeam("head-1", ["loan", "labour"], null, 0.5, 1, true, false),
        ]);

    [Fact]
    public async Task A_pool_gives_each_case_to_a_team_that_accepts_its_type()
    {
        var pool = fixture.Grains.GetGrain<IAssignmentPoolGrain>("court-a/civil");
        await pool.ConfigureAsync(Configuration("random"));
        var decisions = await pool.AssignBatchAsync([.. Enumerable.Range(0, 200).Select(i => new CaseFiling(i, i % 3 == 0 ? "labour" : "loan", false))]);
        Assert.All(decisions.Where(d => d.CaseNumber % 3 == 0), d => Assert.Contains(d.Team, new[] { "labour-1", "head-1" }));
        Assert.All(decisions.Where(d => d.CaseNumber % 3 != 0), d => Assert.Contains(d.Team, new[] { "fast-1", "fast-2", "head-1" }));
    }

    [Fact]
    public async Task A_draw_can_be_recomputed_from_the_seed_pool_and_case_number()
    {
        var filings = Enumerable.Range(0, 50).Select(i => new CaseFiling(1000 + i, "loan", false)).ToArray();
        var pool = fixture.Grains.GetGrain<IAssignmentPoolGrain>("court-b/civil");
        await pool.ConfigureAsync(Configuration("random"));
        var batched = await pool.AssignBatchAsync(filings);

        // Reconfigured from scratch and asked one case at a time, the pool draws the same teams.
        await pool.ConfigureAsync(Configuration("random"));
        var oneByOne = new List<string?>();
        foreach (var filing in filings)
        {
            oneByOne.Add((await pool.AssignAsync(filing)).Team);
        }
        Assert.Equal(batched.Select(d => d.Team), oneByOne);
        Assert.True(batched.Select(d => d.Team).Distinct().Count() > 1);
    }

    [Fact]
    public async Task A_flagged_case_is_designated_to_a_leader_and_a_saturated_pool_answers_no_team()
    {
        var pool = fixture.Grains.GetGrain<IAssignmentPoolGrain>("court-c/civil");
        await pool.ConfigureAsync(Configuration("pull", cap: 1));
        var flagged = await pool.AssignAsync(new CaseFiling(1, "labour", Flagged: true));
        Assert.Equal("head-1", flagged.Team);
        Assert.True(flagged.Designated);
        var next = await pool.AssignAsync(new CaseFiling(2, "labour", false));
        Assert.Equal("labour-1", next.Team);
        var none = await pool.AssignAsync(new CaseFiling(3, "labour", false));
        Assert.Null(none.Team);
        await pool.CloseAsync("labour-1", "labour");
        Assert.Equal("labour-1", (await pool.AssignAsync(new CaseFiling(4, "labour", false))).Team);
    }
}
