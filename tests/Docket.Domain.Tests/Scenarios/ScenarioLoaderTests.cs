using Docket.Domain.Assignment;
using Docket.Domain.Cases;
using Docket.Domain.Intake;
using Docket.Domain.Scenarios;
using Docket.Domain.Staffing;
using static Docket.Domain.Tests.Scenarios.ScenarioTestSupport;

namespace Docket.Domain.Tests.Scenarios;

public class ScenarioLoaderTests
{
    [Fact]
    public void Minimal_contract_scenario_loads_with_its_values()
    {
        var s = LoadValid(Minimal);

        Assert.Equal("minimal", s.Name);
        Assert.Equal(7UL, s.Seed);
        Assert.Equal(3650, s.Days);
        Assert.Equal(365, s.WarmupDays);
        Assert.Equal(1, s.Replications);
        Assert.True(s.Calendar.IsContinuous);
        Assert.Equal(1.0, s.Roles.Coefficient(RoleCatalog.Judge));

        var type = Assert.Single(s.CaseTypes);
        Assert.Equal("generic", type.Id);
        Assert.Equal("generic", type.Category);
        Assert.Equal(CaseTrack.Ordinary, type.Track);
        Assert.Equal(1.0, type.Weight);
        Assert.Null(type.TimeLimitDays);
        Assert.Equal(0, type.Priority);
        Assert.Equal(0.0, type.FlaggedShare);
        var stage = Assert.Single(type.Stages);
        Assert.Equal(RoleCatalog.Judge, stage.Task);
        Assert.Equal(RoleCatalog.Judge, stage.Role);
        Assert.Equal(new ExponentialEffort(240), stage.Effort);

        var court = Assert.Single(s.Courts);
        Assert.Equal("minimal", court.Id);
        Assert.Equal(1, court.Count);
        var stream = Assert.Single(court.Intake);
        Assert.Equal(292, stream.PerYear);
        Assert.Equal(new TypeShare("generic", 1.0), Assert.Single(stream.Mix));
        Assert.Null(stream.Seasonality);
        Assert.Null(stream.Mediation);

        var team = Assert.Single(court.Teams);
        Assert.Equal("t", team.Id);
        Assert.Equal(10, team.Count);
        Assert.Equal(TeamKind.General, team.Kind);
        Assert.Equal(1, Assert.Single(team.Members).Value);
        Assert.Equal(["generic"], team.Accepts);
        Assert.Null(team.Quota);
        Assert.Null(team.Cap);
        Assert.Null(team.Assignment);
        Assert.Equal(AssignmentSpec.Random, court.Assignment);
        Assert.Empty(court.Pools);
        Assert.Empty(court.Absences);
        Assert.Empty(court.Backlog);
        Assert.Null(court.QuotaTarget);
    }

    [Fact]
    public void Defaults_apply_when_keys_are_left_out()
    {
        var s = LoadValid("""
            name: d
            case_types:
              - { id: a, effort: { judge: { dist: fixed, hours: 2 } } }
            teams:
              - { id: t, members: { judge: 1 }, accepts: [a] }
            """);
        Assert.Equal(1UL, s.Seed);
        Assert.Equal(365, s.Days);
        Assert.Equal(0, s.WarmupDays);
        Assert.Equal(1, s.Replications);
        Assert.Equal(new Docket.Domain.Calendar.WorkCalendar(5, 8), s.Calendar);
        Assert.Empty(s.Courts[0].Intake);
        Assert.Equal(AssignmentSpec.Random, s.Courts[0].Assignment);
        Assert.Equal(1, s.Courts[0].Teams[0].Count);
    }

    [Fact]
    public void Pull_policy_with_cap_and_a_group_override_load()
    {
        var s = LoadValid(Minimal.Replace("assignment: { policy: random }", "assignment: { policy: pull, cap: 1 }", StringComparison.Ordinal));
        Assert.Equal(new AssignmentSpec(AssignmentPolicyKind.Pull, Cap: 1), s.Courts[0].Assignment);

        var overridden = LoadValid("""
            name: o
            case_types:
              - { id: a, effort: { judge: { dist: exponential, mean_hours: 10 } } }
            teams:
              - { id: t, members: { judge: 1 }, accepts: [a], cap: 3,
                  assignment: { policy: deck, cards_per_judge: 3, chief_cards: 0, designated: none } }
            assignment: { policy: weighted_random, weight_by: leader_share, leader_share: 1.2, escalate_after_days: 30 }
            """);
        var court = overridden.Courts[0];
        Assert.Equal(new AssignmentSpec(AssignmentPolicyKind.WeightedRandom, null, WeightBasis.LeaderShare, 1.2, 2, 1, 30, DesignationTarget.Leader), court.Assignment);
        Assert.Equal(new AssignmentSpec(AssignmentPolicyKind.Deck, CardsPerJudge: 3, ChiefCards: 0, Designated: DesignationTarget.None), court.Teams[0].Assignment);
        Assert.Equal(LeaderShareReading.AboveOrdinary, court.Assignment.LeaderShareReading);
        Assert.Equal(3, court.Teams[0].Cap);
    }

    [Fact]
    public void Multi_court_form_gives_one_court_spec_per_entry_and_the_top_assignment_as_default()
    {
        var s = LoadValid("""
            name: province
            days: 730
            case_types:
              - { id: simple, track: fast_track, weight: 0.25, time_limit_days: 60, effort: { judge: { dist: exponential, mean_hours: 4 } } }
              - { id: complex, time_limit_days: 180, priority: 2, effort: { judge: { dist: gamma, mean_hours: 60, shape: 2 } } }
            assignment: { policy: least_loaded }
            courts:
              - id: city
                intake:
                  - { mix: { simple: 3, complex: 1 }, per_year: 4000 }
                teams:
                  - { id: fast, count: 4, template: "1+2+2", accepts: [simple] }
                  - { id: civil, count: 12, template: "1+1+2", accepts: [complex] }
                assignment: { policy: random }
              - id: county
                count: 3
                quota_target: 900
                intake:
                  - { type: complex, per_year: 300 }
                teams:
                  - { id: t, count: 3, members: { judge: 1, assistant: 1 }, accepts: [complex, simple], quota: { by_coefficient: true } }
            """);
        Assert.Equal(2, s.Courts.Count);
        var city = s.Courts[0];
        var county = s.Courts[1];
        Assert.Equal("city", city.Id);
        Assert.Equal(AssignmentPolicyKind.Random, city.Assignment.Policy);
        Assert.Equal(AssignmentPolicyKind.LeastLoaded, county.Assignment.Policy);
        Assert.Equal(3, county.Count);
        Assert.Equal(900, county.QuotaTarget);
        Assert.Equal(new QuotaSpec(null, true), county.Teams[0].Quota);
        Assert.Equal(4, s.CourtCount);
        Assert.Equal(["city", "county-1", "county-2", "county-3"], s.ExpandCourts().Select(c => c.CourtId));

        var mix = city.Intake[0].Mix;
        Assert.Equal(0.75, mix.Single(m => m.Type == "simple").Share, 12);
        Assert.Equal(0.25, mix.Single(m => m.Type == "complex").Share, 12);
        Assert.Equal(TeamKind.FastTrack, city.Teams[0].Kind);
        Assert.Equal(TeamKind.General, city.Teams[1].Kind);
        // Accepted types come back in case-type order whatever the order written.
        Assert.Equal(["simple", "complex"], county.Teams[0].Accepts);

        var simple = s.CaseTypes[0];
        Assert.Equal(CaseTrack.FastTrack, simple.Track);
        Assert.Equal(0.25, simple.Weight);
        Assert.Equal(60, simple.TimeLimitDays);
        Assert.Equal(2, s.CaseTypes[1].Priority);
    }

    [Fact]
    public void Template_members_are_merged_with_the_groups_members()
    {
        var s = LoadValid("""
            name: merge
            case_types:
              - { id: a, effort: { judge: { dist: exponential, mean_hours: 10 } } }
            teams:
              - { id: x, template: "1+2+1", members: { clerk: 0, mediator: 1, assistant: 3 }, accepts: [a] }
              - { id: lead, template: "1+1+1+1", accepts: [a] }
              - { id: enf, template: enforcement, accepts: [a] }
            """);
        var teams = s.Courts[0].Teams;
        Assert.Equal(
            new Dictionary<string, int> { ["judge"] = 1, ["assistant"] = 3, ["mediator"] = 1 },
            teams[0].Members);
        Assert.Equal(TeamKind.General, teams[0].Kind);
        Assert.Equal(TeamTemplates.All["1+1+1+1"], teams[1].Members);
        Assert.Equal(TeamKind.Leadership, teams[1].Kind);
        Assert.Equal(2, teams[2].Members[RoleCatalog.Bailiff]);
    }

    [Fact]
    public void Categories_in_accepts_expand_to_their_types_and_set_the_kind()
    {
        var s = LoadValid("""
            name: cat
            case_types:
              - { id: loan, category: finance, track: specialized, effort: { judge: { dist: exponential, mean_hours: 10 } } }
              - { id: lease, category: finance, track: specialized, effort: { judge: { dist: exponential, mean_hours: 10 } } }
              - { id: exec, track: enforcement, effort: { asset_search: { dist: fixed, hours: 3 }, judge: { dist: fixed, hours: 1 } } }
            teams:
              - { id: fin, members: { judge: 1 }, accepts: [finance] }
              - { id: enf, members: { judge: 1 }, accepts: [exec] }
              - { id: pre, kind: pre_litigation, members: { judge: 1, mediator: 4 }, accepts: [loan] }
            """);
        var teams = s.Courts[0].Teams;
        Assert.Equal(["loan", "lease"], teams[0].Accepts);
        Assert.Equal(TeamKind.Specialized, teams[0].Kind);
        Assert.Equal(TeamKind.Enforcement, teams[1].Kind);
        Assert.Equal(TeamKind.PreLitigation, teams[2].Kind);
        Assert.Equal("finance", s.CaseTypes[0].Category);
        var stages = s.CaseTypes[2].Stages;
        Assert.Equal(["asset_search", "judge"], stages.Select(st => st.Task));
        Assert.Equal([RoleCatalog.Assistant, RoleCatalog.Judge], stages.Select(st => st.Role));
    }

    [Fact]
    public void Every_distribution_form_maps_to_its_effort_type_in_the_stated_unit()
    {
        var s = LoadValid("""
            name: dists
            case_types:
              - id: a
                effort:
                  service: { dist: lognormal, mean_hours: 5, sd_hours: 2 }
                  hearing: { dist: gamma, mean_hours: 6, shape: 3 }
                  judgment: { dist: fixed, hours: 2.5 }
                  archiving: { dist: empirical, hours: [1, 2, 4], weights: [1, 1, 2] }
                  drafting: { dist: empirical, hours: [3] }
            intake:
              - type: a
                per_year: 100
                seasonality: [1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1]
                mediation: { share: 0.4, success_rate: 0.5, duration: { dist: exponential, mean_days: 20 } }
            teams:
              - { id: t, members: { judge: 1, assistant: 1, clerk: 1 }, accepts: [a] }
            backlog:
              - { type: a, count: 50, age_days: { dist: empirical, days: [10, 100] } }
            """);
        var stages = s.CaseTypes[0].Stages;
        Assert.Equal(["service", "hearing", "judgment", "archiving", "drafting"], stages.Select(st => st.Task));
        Assert.Equal(new LogNormalEffort(5, 2), stages[0].Effort);
        Assert.Equal(new GammaEffort(6, 3), stages[1].Effort);
        Assert.Equal(new FixedEffort(2.5), stages[2].Effort);
        var empirical = Assert.IsType<EmpiricalEffort>(stages[3].Effort);
        Assert.Equal([1.0, 2.0, 4.0], empirical.Values);
        Assert.Equal(2.75, empirical.MeanHours, 12);
        Assert.Equal(3.0, stages[4].Effort.MeanHours);

        var stream = s.Courts[0].Intake[0];
        Assert.NotNull(stream.Seasonality);
        Assert.Equal(12, stream.Seasonality.Count);
        Assert.Equal(1.0, stream.Seasonality.Average(), 12);
        Assert.Equal(1.2, stream.Seasonality[0], 12);
        Assert.Equal(0.0, stream.Seasonality[6]);
        Assert.NotNull(stream.Mediation);
        Assert.Equal(0.4, stream.Mediation.Share);
        Assert.Equal(0.5, stream.Mediation.SuccessRate);
        Assert.Equal(new ExponentialEffort(20), stream.Mediation.DurationDays);

        var backlog = Assert.Single(s.Courts[0].Backlog);
        Assert.Equal(50, backlog.Count);
        Assert.Equal(55.0, backlog.AgeDays.MeanHours, 12);
    }

    [Fact]
    public void Roles_override_and_extend_the_coefficients_and_pools_absences_load()
    {
        var s = LoadValid("""
            name: roles
            roles: { clerk: 0.3, intern: 0.05 }
            case_types:
              - { id: a, effort: { judge: { dist: exponential, mean_hours: 10 }, hearing_record: { dist: fixed, hours: 1 } } }
            teams:
              - { id: core, count: 3, template: core, members: { intern: 1 }, accepts: [a], quota: 220 }
              - { id: other, members: { president: 1 }, accepts: [a] }
            pools:
              - { id: clerks, members: { clerk: 40 }, tasks: [hearing_record, clerk], serves: [core] }
              - { id: centre, members: { clerk: 8, assistant: 0 }, tasks: [service, scheduling] }
            absences:
              - { team: core-3, from_day: 10, to_day: 20.5 }
              - { team: other-1, from_day: 0, to_day: 5, reason: illness }
            """);
        Assert.Equal(0.3, s.Roles.Coefficient("clerk"));
        Assert.Equal(0.05, s.Roles.Coefficient("intern"));
        Assert.Equal(0.6, s.Roles.Coefficient("assistant"));
        var court = s.Courts[0];
        Assert.Equal(1, court.Teams[0].Members["intern"]);
        Assert.Equal(new QuotaSpec(220, false), court.Teams[0].Quota);
        Assert.Equal(TeamKind.Leadership, court.Teams[1].Kind);
        Assert.Equal(["core"], court.Pools[0].ServesGroups);
        Assert.Null(court.Pools[1].ServesGroups);
        Assert.Equal(40, court.Pools[0].Servers);
        Assert.Equal(8, court.Pools[1].Servers);
        Assert.Equal(["service", "scheduling"], court.Pools[1].Tasks);
        Assert.Equal(new Absence("core-3", 10, 20.5, "leave"), court.Absences[0]);
        Assert.Equal("illness", court.Absences[1].Reason);
    }

    [Fact]
    public void Json_input_loads_like_yaml()
    {
        const string json = """
            {
              "name": "minimal",
              "seed": 7,
              "days": 3650,
              "warmup_days": 365,
              "calendar": { "days_per_week": 7, "hours_per_day": 24 },
              "case_types": [
                { "id": "generic", "effort": { "judge": { "dist": "exponential", "mean_hours": 240 } } }
              ],
              "intake": [ { "type": "generic", "per_year": 292 } ],
              "teams": [ { "id": "t", "count": 10, "members": { "judge": 1 }, "accepts": ["generic"] } ],
              "assignment": { "policy": "random" }
            }
            """;
        var fromJson = LoadValid(json);
        var fromYaml = LoadValid(Minimal);
        Assert.Equal(fromYaml.Name, fromJson.Name);
        Assert.Equal(fromYaml.Seed, fromJson.Seed);
        Assert.Equal(fromYaml.Days, fromJson.Days);
        Assert.Equal(fromYaml.Calendar, fromJson.Calendar);
        Assert.Equal(fromYaml.CaseTypes[0].Stages, fromJson.CaseTypes[0].Stages);
        Assert.Equal(fromYaml.Courts[0].Teams[0].Count, fromJson.Courts[0].Teams[0].Count);
        Assert.Equal(fromYaml.Courts[0].Intake[0].PerYear, fromJson.Courts[0].Intake[0].PerYear);
    }

    [Fact]
    public void Floats_that_are_whole_count_as_integers()
    {
        var s = LoadValid(Minimal.Replace("days: 3650", "days: 3650.0", StringComparison.Ordinal));
        Assert.Equal(3650, s.Days);
    }

    [Theory]
    [InlineData("per_year: 292", "per_year: \"292\"", "intake[0].per_year: expected a number, not the quoted text \"292\": write 292 without quotes")]
    [InlineData("days: 3650", "days: '3650'", "days: expected an integer, not the quoted text \"3650\": write 3650 without quotes")]
    public void Quoted_numbers_are_refused_with_a_hint_to_drop_the_quotes(string good, string bad, string message)
    {
        var yaml = Minimal.Replace(good, bad, StringComparison.Ordinal);
        Assert.NotEqual(Minimal, yaml);
        var error = Assert.Single(Load(yaml).Errors);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Wait_stages_take_a_days_distribution_and_no_role()
    {
        var s = LoadValid("""
            name: waits
            case_types:
              - id: a
                effort:
                  service: { dist: exponential, mean_hours: 1 }
                  wait_answer: { dist: gamma, mean_days: 15, shape: 4 }
                  judge: { dist: exponential, mean_hours: 10 }
                  wait: { dist: fixed, days: 2 }
            teams: [ { id: t, members: { judge: 1, clerk: 1 }, accepts: [a] } ]
            """);
        var stages = s.CaseTypes[0].Stages;
        Assert.Equal(["service", "wait_answer", "judge", "wait"], stages.Select(st => st.Task));
        Assert.True(stages[1].IsWait);
        Assert.Equal("", stages[1].Role);
        Assert.Equal(new GammaEffort(15, 4), stages[1].Effort);
        Assert.Equal(new FixedEffort(2), stages[3].Effort);
        Assert.Equal(11.0, s.CaseTypes[0].MeanEffortHours, 12);
    }

    [Fact]
    public void A_byte_order_mark_and_crlf_line_ends_are_fine()
    {
        var s = LoadValid("\uFEFF" + Minimal.Replace("\n", "\r\n", StringComparison.Ordinal));
        Assert.Equal("minimal", s.Name);
    }

    [Fact]
    public void Yaml_anchors_and_aliases_can_share_parts()
    {
        var s = LoadValid("""
            name: shared
            case_types:
              - { id: a, effort: { judge: &effort { dist: exponential, mean_hours: 10 } } }
              - { id: b, effort: { judge: *effort } }
            teams: [ { id: t, members: { judge: 1 }, accepts: [a, b] } ]
            """);
        Assert.Equal(s.CaseTypes[0].Stages, s.CaseTypes[1].Stages);
    }

    [Fact]
    public void Load_file_reads_a_file_and_names_it_in_errors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"docket-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "name: x\nbogus: 1\n");
        try
        {
            var result = ScenarioLoader.LoadFile(path);
            Assert.Null(result.Scenario);
            Assert.Contains(result.Errors, e => e.ToString() == $"{path}:2:1: unknown key 'bogus' at the top level (expected one of: {string.Join(", ", TopKeys)})");
        }
        finally
        {
            File.Delete(path);
        }
        var missing = ScenarioLoader.LoadFile(path);
        var error = Assert.Single(missing.Errors);
        Assert.StartsWith($"{path}:1:1: cannot read the file", error.ToString(), StringComparison.Ordinal);
    }

    private static readonly string[] TopKeys =
    [
        "name", "seed", "days", "warmup_days", "replications", "calendar", "roles", "case_types",
        "intake", "teams", "pools", "assignment", "absences", "backlog", "quota_target", "supervision", "courts",
        "balance", "scores", "quality_review", "closed_cases",
    ];

    [Fact]
    public void A_leader_share_written_as_a_reduced_share_and_its_raise_is_the_raised_reduced_share_reading()
    {
        var s = LoadValid(Minimal.Replace("assignment: { policy: random }",
            "assignment: { policy: weighted_random, weight_by: leader_share, leader_share: { reduced: 0.5, raised_by: 0.2 } }", StringComparison.Ordinal));

        Assert.Equal(0.5 * 1.2, s.Courts[0].Assignment.LeaderShare, 12);
        Assert.Equal(LeaderShareReading.RaisedReducedShare, s.Courts[0].Assignment.LeaderShareReading);
        var defaultRaise = LoadValid(Minimal.Replace("assignment: { policy: random }",
            "assignment: { policy: weighted_random, weight_by: leader_share, leader_share: { reduced: 0.4 } }", StringComparison.Ordinal));
        Assert.Equal(0.4 * 1.15, defaultRaise.Courts[0].Assignment.LeaderShare, 12);
    }
}
