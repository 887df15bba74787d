using Docket.Domain.Scenarios;
using static Docket.Domain.Tests.Scenarios.ScenarioTestSupport;

namespace Docket.Domain.Tests.Scenarios;

/// <summary>Each rule of docs/scenarios.md: the error names the field and sits at the offending node (marked »).</summary>
public class ScenarioValidationTests
{
    private const string Types = """
        case_types:
          - { id: a, effort: { judge: { dist: exponential, mean_hours: 10 } } }
        """;

    [Fact]
    public void Unknown_key_in_a_team_names_the_key_the_team_and_the_expected_keys()
    {
        var error = AssertErrorAt($$"""
            name: v
            {{Types}}
            teams:
              - { id: t, »capp: 1, members: { judge: 1 }, accepts: [a] }
            """, "unknown key 'capp' in teams[0] (expected one of: id, template, members, count, kind, accepts, quota, quota_unit, cap, assignment)");
        Assert.Equal("test.yaml", error.Source);
    }

    [Fact]
    public void Unknown_key_at_the_top_level_and_deep_inside()
    {
        AssertErrorAt($$"""
            name: v
            »nmae: w
            {{Types}}
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, "unknown key 'nmae' at the top level");
        AssertErrorAt($$"""
            name: v
            calendar: { days_per_week: 5, »hours: 8 }
            {{Types}}
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, "unknown key 'hours' in calendar (expected one of: days_per_week, hours_per_day, start_date, holidays, make_up_days, utc_offset_hours)");
        AssertErrorAt($$"""
            name: v
            {{Types}}
            teams: [ { id: t, members: { judge: 1 }, accepts: [a], assignment: { policy: pull, cap: 2, »caps: 3 } } ]
            """, "unknown key 'caps' in teams[0].assignment");
    }

    [Fact]
    public void Unknown_key_in_a_distribution_lists_that_distributions_keys()
    {
        AssertErrorAt("""
            name: v
            case_types:
              - { id: a, effort: { judge: { dist: exponential, mean_hours: 10, »sd_hours: 2 } } }
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, "unknown key 'sd_hours' in case_types[0].effort.judge (expected one of: dist, mean_hours, suspends_limit for dist exponential)");
    }

    [Fact]
    public void Duplicate_ids_are_reported_at_the_second_one()
    {
        AssertErrorAt("""
            name: v
            case_types:
              - { id: a, effort: { judge: { dist: exponential, mean_hours: 10 } } }
              - { id: »a, effort: { judge: { dist: exponential, mean_hours: 10 } } }
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, "case_types[1].id: duplicate case type id 'a' (first at line 3)");
        AssertErrorAt($$"""
            name: v
            {{Types}}
            teams:
              - { id: t, members: { judge: 1 }, accepts: [a] }
              - { id: »t, members: { judge: 1 }, accepts: [a] }
            """, "teams[1].id: duplicate team group id 't'");
        AssertErrorAt($$"""
            name: v
            {{Types}}
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            pools:
              - { id: p, members: { clerk: 1 }, tasks: [service] }
              - { id: »p, members: { clerk: 1 }, tasks: [service] }
            """, "pools[1].id: duplicate pool id 'p'");
        AssertErrorAt($$"""
            name: v
            {{Types}}
            courts:
              - { id: c, teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ] }
              - { id: »c, teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ] }
            """, "courts[1].id: duplicate court id 'c'");
    }

    [Fact]
    public void A_duplicate_yaml_key_is_reported_at_the_key()
    {
        AssertErrorAt("""
            name: v
            »name: w
            """, "Duplicate key");
    }

    [Theory]
    [InlineData("count: »0", "teams[0].count: must be between 1 and 10000 (got 0)")]
    [InlineData("count: »-2", "teams[0].count: must be between 1 and 10000 (got -2)")]
    [InlineData("count: »20000", "teams[0].count: must be between 1 and 10000 (got 20000)")]
    [InlineData("count: »2.5", "teams[0].count: must be a whole number (got 2.5)")]
    [InlineData("cap: »0", "teams[0].cap: must be at least 1 (got 0)")]
    [InlineData("kind: »fast", "teams[0].kind: must be one of: general, fast_track, specialized, enforcement, leadership, pre_litigation (got 'fast')")]
    [InlineData("quota: »-1", "teams[0].quota: must be at least 0 (got -1)")]
    [InlineData("quota: { by_coefficient: »false }", "teams[0].quota.by_coefficient: must be true")]
    [InlineData("quota: »[1]", "teams[0].quota: expected an annual number of cases or { by_coefficient: true }")]
    [InlineData("template: »\"2+2\"", "teams[0].template: unknown template '2+2' (expected one of: 1+2+1, 1+1, ")]
    [InlineData("assignment: { policy: »lottery }", "teams[0].assignment.policy: must be one of: random, weighted_random, round_robin, least_loaded, pull, deck (got 'lottery')")]
    [InlineData("assignment: { policy: pull, cap: »0 }", "teams[0].assignment.cap: must be at least 1 (got 0)")]
    [InlineData("assignment: { policy: weighted_random, leader_share: »2.5 }", "teams[0].assignment.leader_share: must be between 1 and 2 (got 2.5)")]
    [InlineData("assignment: { policy: weighted_random, leader_share: { reduced: »0 } }", "teams[0].assignment.leader_share.reduced: must be greater than 0 and at most 1 (got 0)")]
    [InlineData("assignment: { policy: weighted_random, leader_share: { reduced: 0.5, raised_by: »1.5 } }", "teams[0].assignment.leader_share.raised_by: must be between 0 and 1 (got 1.5)")]
    [InlineData("assignment: { policy: weighted_random, leader_share: »{ raised_by: 0.1 } }", "teams[0].assignment.leader_share: 'reduced' is required")]
    [InlineData("assignment: { policy: weighted_random, leader_share: { reduced: 0.5, »share: 1 } }", "unknown key 'share' in teams[0].assignment.leader_share (expected one of: reduced, raised_by)")]
    [InlineData("assignment: { policy: deck, cards_per_judge: »0 }", "teams[0].assignment.cards_per_judge: must be at least 1 (got 0)")]
    [InlineData("assignment: { policy: deck, chief_cards: »-1 }", "teams[0].assignment.chief_cards: must be at least 0 (got -1)")]
    [InlineData("assignment: { policy: random, escalate_after_days: »0 }", "teams[0].assignment.escalate_after_days: must be greater than 0 (got 0)")]
    [InlineData("assignment: { policy: random, designated: »boss }", "teams[0].assignment.designated: must be one of: leader, none (got 'boss')")]
    [InlineData("assignment: { policy: random, weight_by: »size }", "teams[0].assignment.weight_by: must be one of: coefficient, leader_share (got 'size')")]
    [InlineData("assignment: »{ cap: 2 }", "teams[0].assignment: 'policy' is required")]
    public void Team_field_rules(string field, string message)
    {
        AssertErrorAt($$"""
            name: v
            {{Types}}
            teams:
              - { id: t, members: { judge: 1 }, accepts: [a], {{field}} }
            """, message);
    }

    [Theory]
    [InlineData("seed: »-1", "seed: must be at least 0 (got -1)")]
    [InlineData("days: »0", "days: must be between 1 and 36525 (got 0)")]
    [InlineData("seed: »99999999999999999999999", "seed: 99999999999999999999999 is too large")]
    [InlineData("days: »abc", "days: expected an integer (got 'abc')")]
    [InlineData("days: »\"ten\"", "days: expected an integer (got 'ten')")]
    [InlineData("replications: »0", "replications: must be between 1 and 1000 (got 0)")]
    [InlineData("warmup_days: »-1", "warmup_days: must be at least 0 (got -1)")]
    [InlineData("calendar: { days_per_week: »8 }", "calendar.days_per_week: must be between 1 and 7 (got 8)")]
    [InlineData("calendar: { hours_per_day: »0 }", "calendar.hours_per_day: must be greater than 0 and at most 24 (got 0)")]
    [InlineData("calendar: { hours_per_day: »25 }", "calendar.hours_per_day: must be greater than 0 and at most 24 (got 25)")]
    [InlineData("calendar: »weekly", "calendar: expected a mapping")]
    [InlineData("roles: { clerk: »-0.1 }", "roles.clerk: must be at least 0 (got -0.1)")]
    [InlineData("roles: { clerk: »lots }", "roles.clerk: expected a number (got 'lots')")]
    [InlineData("quota_target: »0", "quota_target: must be greater than 0 (got 0)")]
    public void Top_level_field_rules(string field, string message)
    {
        AssertErrorAt($$"""
            name: v
            {{field}}
            {{Types}}
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, message);
    }

    [Fact]
    public void A_team_has_at_most_256_judges_and_a_court_at_most_10000_teams()
    {
        AssertErrorAt($$"""
            name: v
            {{Types}}
            teams: [ { id: t, members: »{ judge: 200, division_head: 57 }, accepts: [a] } ]
            """, "teams[0].members: a team has at most 256 members who hear cases, not 257");
        AssertErrorAt($$"""
            name: v
            {{Types}}
            teams: »[ { id: t, count: 6000, members: { judge: 1 }, accepts: [a] }, { id: u, count: 6000, members: { judge: 1 }, accepts: [a] } ]
            """, "teams: a court has at most 10,000 teams; these groups' counts make 12,000");
    }

    [Fact]
    public void Warmup_must_be_shorter_than_the_run()
    {
        AssertErrorAt($$"""
            name: v
            days: 365
            warmup_days: »365
            {{Types}}
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, "warmup_days: must be less than days (365) (got 365)");
    }

    [Fact]
    public void Name_case_types_and_teams_or_courts_are_required()
    {
        AssertErrorAt($$"""
            »seed: 1
            {{Types}}
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, "'name' is required");
        AssertErrorAt("""
            »name: v
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, "'case_types' is required");
        AssertErrorAt("""
            name: v
            case_types: »[]
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, "case_types: needs at least one case type");
        AssertErrorAt($$"""
            »name: v
            {{Types}}
            """, "either 'teams' (a single court) or 'courts' (several courts) is required");
    }

    [Theory]
    [InlineData("track: »slow", "case_types[0].track: must be one of: ordinary, fast_track, specialized, enforcement (got 'slow')")]
    [InlineData("weight: »0", "case_types[0].weight: must be greater than 0 (got 0)")]
    [InlineData("time_limit_days: »0", "case_types[0].time_limit_days: must be greater than 0 (got 0)")]
    [InlineData("priority: »4", "case_types[0].priority: must be between 0 and 3 (got 4)")]
    [InlineData("flagged_share: »1.5", "case_types[0].flagged_share: must be between 0 and 1 (got 1.5)")]
    [InlineData("category: »\"\"", "case_types[0].category: must not be empty")]
    public void Case_type_field_rules(string field, string message)
    {
        AssertErrorAt($$"""
            name: v
            case_types:
              - { id: a, {{field}}, effort: { judge: { dist: exponential, mean_hours: 10 } } }
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, message);
    }

    [Theory]
    [InlineData("»{ dist: exponential }", "case_types[0].effort.judge: 'mean_hours' is required for dist exponential")]
    [InlineData("»{ dist: lognormal, mean_hours: 5 }", "case_types[0].effort.judge: 'sd_hours' is required for dist lognormal")]
    [InlineData("»{ dist: gamma, mean_hours: 5 }", "case_types[0].effort.judge: 'shape' is required for dist gamma")]
    [InlineData("»{ dist: fixed }", "case_types[0].effort.judge: 'hours' is required for dist fixed")]
    [InlineData("»{ dist: empirical }", "case_types[0].effort.judge: 'hours' is required for dist empirical")]
    [InlineData("»{ mean_hours: 5 }", "case_types[0].effort.judge: 'dist' is required (one of: exponential, lognormal, gamma, fixed, empirical)")]
    [InlineData("{ dist: »poisson, mean_hours: 5 }", "case_types[0].effort.judge.dist: unknown distribution 'poisson' (expected one of: exponential, lognormal, gamma, fixed, empirical)")]
    [InlineData("{ dist: exponential, mean_hours: »0 }", "case_types[0].effort.judge.mean_hours: must be greater than 0 (got 0)")]
    [InlineData("{ dist: exponential, mean_hours: »1e308 }", "case_types[0].effort.judge.mean_hours: 1e308 is too large: no quantity of a scenario is over 1e12")]
    [InlineData("{ dist: exponential, mean_hours: »\"ten\" }", "case_types[0].effort.judge.mean_hours: expected a number (got 'ten')")]
    [InlineData("{ dist: exponential, »mean_days: 5 }", "unknown key 'mean_days' in case_types[0].effort.judge (expected one of: dist, mean_hours, suspends_limit for dist exponential)")]
    [InlineData("{ dist: lognormal, mean_hours: 5, sd_hours: »-1 }", "case_types[0].effort.judge.sd_hours: must be at least 0 (got -1)")]
    [InlineData("{ dist: gamma, mean_hours: 5, shape: »0 }", "case_types[0].effort.judge.shape: must be greater than 0 (got 0)")]
    [InlineData("{ dist: empirical, hours: [1, »-2] }", "case_types[0].effort.judge.hours[1]: must be at least 0 (got -2)")]
    [InlineData("{ dist: empirical, hours: »[] }", "case_types[0].effort.judge.hours: needs at least one value")]
    [InlineData("{ dist: empirical, hours: [1, 2], weights: »[1] }", "case_types[0].effort.judge.weights: must have as many weights as hours (2) (got 1)")]
    [InlineData("»240", "case_types[0].effort.judge: expected a mapping, such as { dist: exponential, mean_hours: 10 } (got '240')")]
    public void Distribution_rules(string distribution, string message)
    {
        AssertErrorAt($$"""
            name: v
            case_types:
              - { id: a, effort: { judge: {{distribution}} } }
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, message);
    }

    [Fact]
    public void Effort_is_required_and_its_keys_must_be_tasks_or_roles()
    {
        AssertErrorAt("""
            name: v
            case_types:
              - »{ id: a }
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, "case_types[0]: 'effort' is required");
        AssertErrorAt("""
            name: v
            case_types:
              - { id: a, effort: { »judging: { dist: exponential, mean_hours: 10 } } }
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, "case_types[0].effort: 'judging' is neither a task (intake, service,", "a wait (wait, wait_*) nor a role (");
        AssertErrorAt("""
            name: v
            case_types:
              - { id: a, effort: »{} }
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, "case_types[0].effort: needs at least one task or role");
    }

    [Fact]
    public void A_wait_takes_days_and_no_pool_can_do_it()
    {
        AssertErrorAt("""
            name: v
            case_types:
              - { id: a, effort: { judge: { dist: exponential, mean_hours: 10 }, wait_answer: »{ dist: exponential, mean_hours: 24 } } }
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, "case_types[0].effort.wait_answer: 'mean_days' is required for dist exponential");
        AssertErrorAt("""
            name: v
            case_types:
              - { id: a, effort: { judge: { dist: exponential, mean_hours: 10 } } }
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            pools: [ { id: p, members: { clerk: 1 }, tasks: [service, »wait_answer] } ]
            """, "pools[0].tasks[1]: 'wait_answer' is a wait");
    }

    [Fact]
    public void Intake_types_must_be_case_types()
    {
        AssertErrorAt($$"""
            name: v
            {{Types}}
            intake:
              - { type: »b, per_year: 10 }
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, "intake[0].type: 'b' is not a case type (case types: a)");
        AssertErrorAt($$"""
            name: v
            {{Types}}
            intake:
              - { mix: { a: 1, »b: 2 }, per_year: 10 }
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, "intake[0].mix: 'b' is not a case type (case types: a)");
    }

    [Theory]
    [InlineData("»{ per_year: 10 }", "intake[0]: 'type' (one case type) or 'mix' (shares of several) is required")]
    [InlineData("{ type: a, »mix: { a: 1 }, per_year: 10 }", "intake[0]: give either 'type' or 'mix', not both")]
    [InlineData("»{ type: a }", "intake[0]: 'per_year' is required")]
    [InlineData("{ type: a, per_year: »-5 }", "intake[0].per_year: must be between 0 and 10000000 (got -5)")]
    [InlineData("{ type: a, per_year: »2e7 }", "intake[0].per_year: must be between 0 and 10000000 (got 2e7)")]
    [InlineData("{ type: a, per_year: »\"many\" }", "intake[0].per_year: expected a number (got 'many')")]
    [InlineData("{ mix: { a: »0 }, per_year: 10 }", "intake[0].mix.a: must be greater than 0 (got 0)")]
    [InlineData("{ type: a, per_year: 10, seasonality: »[1, 2, 3] }", "intake[0].seasonality: must list 12 monthly factors, January to December (got 3)")]
    [InlineData("{ type: a, per_year: 10, seasonality: »[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }", "intake[0].seasonality: must not be all zero")]
    [InlineData("{ type: a, per_year: 10, seasonality: [1, 1, »-1, 1, 1, 1, 1, 1, 1, 1, 1, 1] }", "intake[0].seasonality[2]: must be at least 0 (got -1)")]
    [InlineData("{ type: a, per_year: 10, mediation: { share: »1.2, success_rate: 0.5, duration: { dist: fixed, days: 1 } } }", "intake[0].mediation.share: must be between 0 and 1 (got 1.2)")]
    [InlineData("{ type: a, per_year: 10, mediation: »{ share: 0.2, success_rate: 0.5 } }", "intake[0].mediation: 'duration' is required")]
    [InlineData("{ type: a, per_year: 10, mediation: { share: 0.2, success_rate: 0.5, duration: »{ dist: exponential, mean_hours: 3 } } }", "intake[0].mediation.duration: 'mean_days' is required for dist exponential")]
    public void Intake_rules(string stream, string message)
    {
        AssertErrorAt($$"""
            name: v
            {{Types}}
            intake:
              - {{stream}}
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, message);
    }

    [Fact]
    public void Accepts_entries_must_be_types_or_categories()
    {
        AssertErrorAt("""
            name: v
            case_types:
              - { id: a, category: civil, effort: { judge: { dist: exponential, mean_hours: 10 } } }
            teams: [ { id: t, members: { judge: 1 }, accepts: [a, »criminal] } ]
            """, "teams[0].accepts[1]: 'criminal' is neither a case type nor a category (case types: a; categories: civil)");
        AssertErrorAt($$"""
            name: v
            {{Types}}
            teams: [ »{ id: t, members: { judge: 1 } } ]
            """, "teams[0]: 'accepts' is required");
        AssertErrorAt($$"""
            name: v
            {{Types}}
            teams: [ { id: t, members: { judge: 1 }, accepts: »[] } ]
            """, "teams[0].accepts: must name at least one case type or category");
    }

    [Fact]
    public void A_filed_type_that_no_team_accepts_is_an_error_at_its_intake_or_backlog_entry()
    {
        const string types = """
            case_types:
              - { id: a, effort: { judge: { dist: exponential, mean_hours: 10 } } }
              - { id: b, effort: { judge: { dist: exponential, mean_hours: 10 } } }
            """;
        AssertErrorAt($$"""
            name: v
            {{types}}
            intake:
              - { type: a, per_year: 10 }
              - { type: »b, per_year: 10 }
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, "intake[1].type: case type 'b' is filed in court 'v' but no team accepts it");
        AssertErrorAt($$"""
            name: v
            {{types}}
            intake:
              - { mix: { a: 1, »b: 1 }, per_year: 10 }
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, "intake[0].mix.b: case type 'b' is filed in court 'v' but no team accepts it");
        AssertErrorAt($$"""
            name: v
            {{types}}
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            backlog:
              - { type: »b, count: 5, age_days: { dist: fixed, days: 30 } }
            """, "backlog[0].type: case type 'b' is pending (backlog) in court 'v' but no team accepts it");
        AssertErrorAt($$"""
            name: v
            {{types}}
            courts:
              - id: north
                intake: [ { type: »b, per_year: 10 } ]
                teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, "courts[0].intake[0].type: case type 'b' is filed in court 'north' but no team accepts it");
    }

    [Fact]
    public void Pull_needs_a_cap_from_the_assignment_or_the_team()
    {
        AssertErrorAt($$"""
            name: v
            {{Types}}
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            assignment: { policy: »pull }
            """, "assignment.policy: policy 'pull' (close-one-get-one) needs a cap: set assignment.cap, or 'cap' on teams[0] ('t')");
        AssertErrorAt($$"""
            name: v
            {{Types}}
            teams:
              - { id: t, members: { judge: 1 }, accepts: [a], cap: 2 }
              - { id: u, members: { judge: 1 }, accepts: [a], assignment: { policy: »pull } }
            assignment: { policy: pull }
            """, "teams[1].assignment.policy: policy 'pull' (close-one-get-one) needs a cap");
        // The team's cap is enough.
        LoadValid($$"""
            name: v
            {{Types}}
            teams: [ { id: t, members: { judge: 1 }, accepts: [a], cap: 3 } ]
            assignment: { policy: pull }
            """);
    }

    [Fact]
    public void Members_must_be_known_roles_with_a_judge()
    {
        AssertErrorAt($$"""
            name: v
            {{Types}}
            teams: [ { id: t, members: { judge: 1, »secretary: 2 }, accepts: [a] } ]
            """, "teams[0].members: unknown role 'secretary' (known roles: judge,");
        AssertErrorAt($$"""
            name: v
            {{Types}}
            teams: [ { id: t, members: »{ assistant: 2, clerk: 1 }, accepts: [a] } ]
            """, "teams[0].members: a team needs at least one member who hears cases (judge, president, vice_president, division_head)");
        AssertErrorAt($$"""
            name: v
            {{Types}}
            teams: [ { id: t, template: "1+1", members: »{ judge: 0 }, accepts: [a] } ]
            """, "teams[0].members: a team needs at least one member who hears cases");
        AssertErrorAt($$"""
            name: v
            {{Types}}
            teams: [ { id: t, members: { judge: »-1 }, accepts: [a] } ]
            """, "teams[0].members.judge: must be at least 0 (got -1)");
        AssertErrorAt($$"""
            name: v
            {{Types}}
            teams: [ »{ id: t, accepts: [a] } ]
            """, "teams[0]: 'members' is required (or a 'template')");
    }

    [Fact]
    public void Pools_tasks_and_served_groups_must_exist()
    {
        const string head = """
            name: v
            case_types:
              - { id: a, effort: { judge: { dist: exponential, mean_hours: 10 } } }
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """;
        AssertErrorAt(head + "\npools: [ { id: p, members: { clerk: 4 }, tasks: [service, »typing] } ]",
            "pools[0].tasks[1]: 'typing' is neither a task (", "nor a role (");
        AssertErrorAt(head + "\npools: [ { id: p, members: { clerk: 4 }, tasks: [service], serves: [»u] } ]",
            "pools[0].serves[0]: 'u' is not a team group of court 'v' (groups: t)");
        AssertErrorAt(head + "\npools: [ { id: p, members: { »typist: 4 }, tasks: [service] } ]",
            "pools[0].members: unknown role 'typist'");
        AssertErrorAt(head + "\npools: [ { id: p, members: »{ clerk: 0 }, tasks: [service] } ]",
            "pools[0].members: a pool needs at least one member");
        AssertErrorAt(head + "\npools: [ »{ id: p, members: { clerk: 1 } } ]",
            "pools[0]: 'tasks' is required");
    }

    [Fact]
    public void Absences_name_an_expanded_team_of_their_court()
    {
        const string head = """
            name: v
            case_types:
              - { id: a, effort: { judge: { dist: exponential, mean_hours: 10 } } }
            teams: [ { id: t, count: 10, members: { judge: 1 }, accepts: [a] } ]
            """;
        AssertErrorAt(head + "\nabsences: [ { team: »t-11, from_day: 1, to_day: 2 } ]",
            "absences[0].team: 't-11' is not a team of court 'v'", "t-1 ... t-10");
        AssertErrorAt(head + "\nabsences: [ { team: »t, from_day: 1, to_day: 2 } ]",
            "absences[0].team: 't' is not a team of court 'v'");
        AssertErrorAt(head + "\nabsences: [ { team: »t-0, from_day: 1, to_day: 2 } ]",
            "absences[0].team: 't-0' is not a team");
        AssertErrorAt(head + "\nabsences: [ { team: t-1, from_day: 5, to_day: »5 } ]",
            "absences[0].to_day: must be greater than from_day (5) (got 5)");
        AssertErrorAt(head + "\nabsences: [ { team: t-1, from_day: »-1, to_day: 5 } ]",
            "absences[0].from_day: must be at least 0 (got -1)");
        var ok = LoadValid(head + "\nabsences: [ { team: t-10, from_day: 1, to_day: 2 } ]");
        Assert.Equal("t-10", ok.Courts[0].Absences[0].Team);
    }

    [Fact]
    public void Backlog_rules()
    {
        const string head = """
            name: v
            case_types:
              - { id: a, effort: { judge: { dist: exponential, mean_hours: 10 } } }
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """;
        AssertErrorAt(head + "\nbacklog: [ { type: a, count: »-1, age_days: { dist: fixed, days: 3 } } ]",
            "backlog[0].count: must be between 0 and 10000000 (got -1)");
        AssertErrorAt(head + "\nbacklog: [ { type: »z, count: 1, age_days: { dist: fixed, days: 3 } } ]",
            "backlog[0].type: 'z' is not a case type");
        AssertErrorAt(head + "\nbacklog: [ »{ type: a, count: 1 } ]",
            "backlog[0]: 'age_days' is required");
        AssertErrorAt(head + "\nbacklog: [ { type: a, count: 1, age_days: »{ dist: lognormal, mean_days: 3 } } ]",
            "backlog[0].age_days: 'sd_days' is required for dist lognormal");
    }

    [Fact]
    public void By_coefficient_quota_needs_a_quota_target()
    {
        AssertErrorAt($$"""
            name: v
            {{Types}}
            teams: [ { id: t, members: { judge: 1 }, accepts: [a], quota: »{ by_coefficient: true } } ]
            """, "teams[0].quota: by_coefficient needs the court's quota_target");
        AssertErrorAt($$"""
            name: v
            {{Types}}
            courts:
              - id: c
                teams: [ { id: t, members: { judge: 1 }, accepts: [a], quota: »{ by_coefficient: true } } ]
            """, "courts[0].teams[0].quota: by_coefficient needs the court's quota_target", "in courts[0]");
        LoadValid($$"""
            name: v
            {{Types}}
            quota_target: 1200
            teams: [ { id: t, members: { judge: 1 }, accepts: [a], quota: { by_coefficient: true } } ]
            """);
    }

    [Fact]
    public void Multi_court_form_rejects_court_keys_at_the_top_level()
    {
        AssertErrorAt($$"""
            name: v
            {{Types}}
            »intake: [ { type: a, per_year: 1 } ]
            courts:
              - { id: c, teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ] }
            """, "'intake' cannot be at the top level when 'courts' is given: put it inside each court");
        AssertErrorAt($$"""
            name: v
            {{Types}}
            »teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            courts:
              - { id: c, teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ] }
            """, "'teams' cannot be at the top level when 'courts' is given");
        AssertErrorAt($$"""
            name: v
            {{Types}}
            courts:
              - »{ id: c }
            """, "courts[0]: 'teams' is required");
        AssertErrorAt($$"""
            name: v
            {{Types}}
            courts:
              - { id: c, count: »0, teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ] }
            """, "courts[0].count: must be at least 1 (got 0)");
        AssertErrorAt($$"""
            name: v
            {{Types}}
            courts:
              - { id: c, »quota: 5, teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ] }
            """, "unknown key 'quota' in courts[0] (expected one of: id, count, intake, teams, pools, assignment, absences, backlog, quota_target, supervision, appeals, quality_review)");
    }

    [Fact]
    public void Every_error_in_a_file_is_reported_in_file_order()
    {
        var result = Load("""
            name: v
            days: 0
            case_types:
              - { id: a, effort: { judge: { dist: exponential } } }
            intake:
              - { type: b, per_year: 10 }
            teams:
              - { id: t, count: 0, members: { judge: 1 }, accepts: [a], capp: 3 }
            """);
        Assert.Null(result.Scenario);
        Assert.Equal(
            [
                "test.yaml:2:7: days: must be between 1 and 36525 (got 0)",
                "test.yaml:4:31: case_types[0].effort.judge: 'mean_hours' is required for dist exponential",
                "test.yaml:6:13: intake[0].type: 'b' is not a case type (case types: a)",
                "test.yaml:8:21: teams[0].count: must be between 1 and 10000 (got 0)",
                "test.yaml:8:61: unknown key 'capp' in teams[0] (expected one of: id, template, members, count, kind, accepts, quota, quota_unit, cap, assignment)",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("a/../../../escape")]
    [InlineData("/tmp/absolute")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("trailing.")]
    [InlineData("tab\tinside")]
    [InlineData("court(1)")]
    public void A_name_with_a_path_separator_a_leading_dot_or_a_mark_cannot_name_an_output_folder(string name) =>
        Assert.False(Scenario.IsFolderName(name));

    [Fact]
    public void A_name_over_100_bytes_cannot_name_an_output_folder_however_few_its_characters() =>
        Assert.False(Scenario.IsFolderName(new string('法', 34)));

    [Fact]
    public void A_name_that_cannot_name_a_folder_is_still_a_valid_scenario_and_court_id()
    {
        var result = Load($$"""
            name: "court(1)"
            {{Types}}
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """);
        Assert.Equal("court(1)", result.Scenario?.Name);
    }

    [Theory]
    [InlineData("xicheng-pooled")]
    [InlineData("Court 2.v1_b")]
    [InlineData("西城法院")]
    [InlineData("नमस्ते")]
    public void A_name_of_letters_digits_and_marks_names_the_output_folder(string name) =>
        Assert.True(Scenario.IsFolderName(name));

    [Theory]
    [InlineData("18446744073709551615", ulong.MaxValue)]
    [InlineData("0", 0UL)]
    public void A_seed_runs_to_the_largest_the_command_line_takes(string seed, ulong expected)
    {
        var result = Load($$"""
            name: v
            seed: {{seed}}
            {{Types}}
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """);
        Assert.True(result.Scenario is not null, string.Join("\n", result.Errors));
        Assert.Equal(expected, result.Scenario.Seed);
    }

    [Theory]
    [InlineData("start_date: »9999-12-31", "calendar.start_date: must be between 1900-01-01 and 2999-12-31 (got 9999-12-31)")]
    [InlineData("start_date: »0001-01-01", "calendar.start_date: must be between 1900-01-01 and 2999-12-31 (got 0001-01-01)")]
    public void A_start_date_outside_the_calendar_range_is_refused(string calendar, string message)
    {
        AssertErrorAt($$"""
            name: v
            calendar: { {{calendar}} }
            {{Types}}
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, message);
    }

    [Theory]
    [InlineData("days: »36526", "days: must be between 1 and 36525 (got 36526)")]
    [InlineData("replications: »1001", "replications: must be between 1 and 1000 (got 1001)")]
    public void Days_and_replications_have_an_upper_bound(string line, string message)
    {
        AssertErrorAt($$"""
            name: v
            {{line}}
            {{Types}}
            teams: [ { id: t, members: { judge: 1 }, accepts: [a] } ]
            """, message);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_refused_at_the_first_byte_that_is_not_never_read_with_a_replacement()
    {
        // A Latin-1 'é' on line 2, after a UTF-8 one: the column counts characters, the byte position bytes.
        byte[] bytes = [.. "\uFEFFname: v\ndays: é"u8, 0xE9, .. "0\n"u8];
        var (text, error) = ScenarioLoader.Decode(bytes, "test.yaml");
        Assert.Null(text);
        Assert.Equal("test.yaml:2:8: the file is not UTF-8 text: byte 0xE9 at byte 20 cannot be read (save the file as UTF-8)", error!.ToString());
        Assert.Equal("name: v\ndays: 1\n", ScenarioLoader.Decode("\uFEFFname: v\ndays: 1\n"u8, "test.yaml").Text);
    }

    [Fact]
    public void Malformed_yaml_gives_one_positioned_error_and_never_throws()
    {
        var result = Load("name: v\ncase_types:\n  - { id: a\nteams: []\n");
        var error = Assert.Single(result.Errors);
        Assert.Null(result.Scenario);
        Assert.StartsWith("malformed YAML: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Line);

        var quote = Assert.Single(Load("name: 'v\n").Errors);
        Assert.Equal((1, 7), (quote.Line, quote.Column));

        // YamlDotNet throws InvalidOperationException on this one; it still becomes one positioned error.
        var unclosed = Assert.Single(Load("a: [1, 2\nb: 3\n").Errors);
        Assert.StartsWith("malformed YAML", unclosed.Message, StringComparison.Ordinal);
        Assert.True(unclosed.Line >= 1);

        // YamlDotNet gives these no place of their own: the tab's line, the alias itself.
        var tab = Assert.Single(Load("name: v\nteams:\n\t- id: a\n").Errors);
        Assert.Equal(3, tab.Line);
        var alias = Assert.Single(Load("name: v\nanchored: &here 3\ndays:  *nope\n").Errors);
        Assert.Equal("malformed YAML: The anchor 'nope' does not exists", alias.Message);
        Assert.Equal((3, 8), (alias.Line, alias.Column));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing\n")]
    [InlineData("- a\n- b\n")]
    [InlineData("just text")]
    [InlineData("name: v\n---\nname: w\n")]
    public void Empty_or_non_mapping_documents_are_one_error(string text)
    {
        var result = Load(text);
        Assert.Null(result.Scenario);
        var error = Assert.Single(result.Errors);
        Assert.True(error.Line >= 1 && error.Column >= 1);
    }
}
