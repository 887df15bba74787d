using System.Text.Json.Nodes;
using Docket.Domain.Planning;
using Docket.Domain.Scenarios;

namespace Docket.Domain.Tests.Planning;

public sealed class StaffingLeverTests
{
    private const string TwoCourts = """
        name: two
        case_types: [ { id: civil, effort: { judge: { dist: fixed, hours: 8 }, hearing_record: { dist: fixed, hours: 1 } } } ]
        courts:
          - id: city
            intake: [ { type: civil, per_year: 100 } ]
            teams: [ { id: civil, count: 4, template: "1+1", accepts: [civil] } ]
            pools: [ { id: records, members: { clerk: 3, assistant: 1 }, tasks: [hearing_record] } ]
          - id: county
            intake: [ { type: civil, per_year: 50 } ]
            teams: [ { id: civil, count: 2, template: "1+1", accepts: [civil] }, { id: lead, members: { president: 1 }, accepts: [civil] } ]
        """;

    private static Scenario Load(string text)
    {
        var result = ScenarioLoader.Load(text, "two.yaml");
        Assert.True(result.Scenario is not null, string.Join("\n", result.Errors));
        return result.Scenario;
    }

    [Fact]
    public void A_team_groups_count_is_set_in_its_court_only_and_the_variant_loads()
    {
        var lever = StaffingLever.TeamGroup(TwoCourts, Load(TwoCourts), "civil", "county");
        Assert.Equal(2, lever.Current);
        var variant = Load(lever.WithCount(7));
        Assert.Equal(7, variant.Courts.Single(c => c.Id == "county").Teams.Single(g => g.Id == "civil").Count);
        Assert.Equal(4, variant.Courts.Single(c => c.Id == "city").Teams.Single(g => g.Id == "civil").Count);
    }

    [Fact]
    public void A_group_in_several_courts_needs_a_court_and_an_unknown_one_lists_the_known()
    {
        var scenario = Load(TwoCourts);
        var several = Assert.Throws<ArgumentException>(() => StaffingLever.TeamGroup(TwoCourts, scenario, "civil", null));
        Assert.Contains("in several courts (city, county): say which with --court", several.Message, StringComparison.Ordinal);
        var unknown = Assert.Throws<ArgumentException>(() => StaffingLever.TeamGroup(TwoCourts, scenario, "fast", null));
        Assert.Contains("unknown team group 'fast' (known: civil, lead)", unknown.Message, StringComparison.Ordinal);
        var lead = StaffingLever.TeamGroup(TwoCourts, scenario, "lead", null);     // only in county: no --court needed
        Assert.Equal(1, lead.Current);
        Assert.Equal(2, Load(lead.WithCount(2)).Courts.Single(c => c.Id == "county").Teams.Single(g => g.Id == "lead").Count);
    }

    [Fact]
    public void A_pool_role_is_set_and_a_pool_of_several_roles_needs_the_role()
    {
        var scenario = Load(TwoCourts);
        var e = Assert.Throws<ArgumentException>(() => StaffingLever.PoolMembers(TwoCourts, scenario, "records", null, null));
        Assert.Contains("several roles", e.Message, StringComparison.Ordinal);
        var lever = StaffingLever.PoolMembers(TwoCourts, scenario, "records", "clerk", null);
        Assert.Equal(3, lever.Current);
        var members = JsonNode.Parse(lever.WithCount(9))!["courts"]![0]!["pools"]![0]!["members"]!;
        Assert.Equal((9, 1), ((int)members["clerk"]!, (int)members["assistant"]!));
        Assert.Throws<ArgumentException>(() => StaffingLever.PoolMembers(TwoCourts, scenario, "records", "bailiff", null));
    }
}
