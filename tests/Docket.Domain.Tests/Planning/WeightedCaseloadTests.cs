using Docket.Domain.Planning;
using Docket.Domain.Scenarios;
using Docket.Domain.Staffing;
using static Docket.Domain.Tests.Scenarios.ScenarioTestSupport;

namespace Docket.Domain.Tests.Planning;

public sealed class WeightedCaseloadTests
{
    private static Scenario LoadSample(string file)
    {
        var result = ScenarioLoader.LoadFile(Path.Combine(RepoRoot(), "scenarios", file));
        Assert.True(result.Scenario is not null, string.Join("\n", result.Errors));
        return result.Scenario;
    }

    private static Scenario LoadText(string yaml)
    {
        var result = ScenarioLoader.Load(yaml, "test.yaml");
        Assert.True(result.Scenario is not null, string.Join("\n", result.Errors));
        return result.Scenario;
    }

    private static StaffingReport Compute(Scenario scenario, string? template = null, double judgeYear = StaffingAssumptions.DefaultJudgeYearUnits) =>
        WeightedCaseload.Compute(scenario, new StaffingAssumptions(judgeYear, template is null ? null : TeamLayout.Parse(template, scenario.Roles)));

    [Fact]
    public void Xicheng_one_plus_one_plus_one_for_170_judges_with_75_clerks_leaves_clerks_short_by_more_than_half()
    {
        // docs/domain.md, case 153: 170 judges, 161 assistants, 75 clerks. xicheng-1-1-1.yaml pairs them as 75 teams
        // 1+1+1, 86 teams 1+1 and 9 judges alone: judges 75 + 86 + 9 = 170, assistants 75 + 86 = 161, clerks 75.
        // Laid out as "1+1+1": 170 ÷ 1 judge seat = 170 teams, needing 170 assistants and 170 clerks.
        // Clerks short 170 − 75 = 95, 95 ÷ 170 = 55.88% (the report: "over 56%"; docs/domain.md: 55.9%).
        // Assistants short 170 − 161 = 9, 9 ÷ 170 = 5.29%.
        var court = Compute(LoadSample("xicheng-1-1-1.yaml"), "1+1+1").Courts.Single();

        Assert.Equal(170, court.JudgesOnHand);
        Assert.Equal(161, court.StaffOnHand[RoleCatalog.Assistant]);
        Assert.Equal(75, court.StaffOnHand[RoleCatalog.Clerk]);
        var layout = court.Layout!;
        Assert.Equal(170, layout.TeamsForJudgesOnHand);
        var clerks = layout.Roles.Single(r => r.Role == RoleCatalog.Clerk);
        Assert.Equal(170, clerks.NeededForJudgesOnHand);
        Assert.Equal(95, clerks.ShortForJudgesOnHand);
        Assert.Equal(95.0 / 170, clerks.ShortShareForJudgesOnHand, 12);
        Assert.True(clerks.ShortShareForJudgesOnHand > 0.5);
        var assistants = layout.Roles.Single(r => r.Role == RoleCatalog.Assistant);
        Assert.Equal(9, assistants.ShortForJudgesOnHand);
        Assert.Equal(0, layout.Roles.Single(r => r.Role == RoleCatalog.Judge).ShortForJudgesOnHand);
    }

    [Fact]
    public void The_pooled_xicheng_layout_counts_the_same_170_judges_and_75_clerks_and_the_same_clerk_shortfall()
    {
        // xicheng-pooled.yaml: judges 17 fast + 70 civil + 19 criminal + 12 administrative + 19 enforcement + 33
        // division heads = 170 (division heads hear cases, so they fill judge seats); clerks 17 in the fast-track
        // teams + 40 pooled hearing clerks + 18 in the task centre = 75. Under "1+1+1": 170 − 75 = 95 clerks short.
        var court = Compute(LoadSample("xicheng-pooled.yaml"), "1+1+1").Courts.Single();

        Assert.Equal(170, court.JudgesOnHand);
        Assert.Equal(75, court.StaffOnHand[RoleCatalog.Clerk]);
        var clerks = court.Layout!.Roles.Single(r => r.Role == RoleCatalog.Clerk);
        Assert.Equal(95, clerks.ShortForJudgesOnHand);
        Assert.Equal(0.5588, clerks.ShortShareForJudgesOnHand, 4);
    }

    [Fact]
    public void Workload_units_judges_needed_and_teams_per_quota_match_the_hand_computation()
    {
        // xicheng-1-1-1.yaml's intake, by hand:
        //   civil_simple mix 19,800: small_claims 0.45 → 8,910 × 0.25 = 2,227.5; simple_civil 0.55 → 10,890 × 0.3 = 3,267
        //   civil_commercial 15,400 × 1 = 15,400; criminal 2,700 × 1.2 = 3,240; administrative 1,500 × 1.2 = 1,800;
        //   enforcement 20,300 × 0.3 = 6,090. Filed 59,700; units 32,024.5.
        // Judges needed at a judge-year of 220 units (case 153's civil/commercial quota): 32,024.5 ÷ 220 = 145.566.
        // Every group takes every type, so the units split by coefficient sums (case 155): full 75 × (1 + 0.6 + 0.4)
        // = 150, noclerk 86 × 1.6 = 137.6, alone 9 × 1 = 9; of 296.6. full: 32,024.5 × 150 ÷ 296.6 = 16,195.8 units and
        // 59,700 × 150 ÷ 296.6 = 30,192.2 cases; its quota is 360 cases (quota_unit: cases): 83.9 → 84 teams; noclerk
        // 27,696.4 cases ÷ 360 = 76.9 → 77; alone 1,811.5 ÷ 360 = 5.03 → 6.
        var court = Compute(LoadSample("xicheng-1-1-1.yaml")).Courts.Single();

        Assert.Equal(59_700, court.FiledPerYear, 6);
        Assert.Equal(32_024.5, court.WorkloadUnits, 6);
        Assert.Equal(2_227.5, court.Types.Single(t => t.Type == "small_claims").WorkloadUnits, 6);
        Assert.Equal(32_024.5 / 220, court.JudgesNeeded, 9);
        Assert.Equal(170 - (32_024.5 / 220), court.JudgeBalance, 9);
        var full = court.Quotas.Single(q => q.Group == "full");
        Assert.Equal(32_024.5 * 150 / 296.6, full.WorkloadUnits, 6);
        Assert.Equal(59_700 * 150 / 296.6, full.Cases, 6);
        Assert.Equal(84, full.TeamsNeeded);
        Assert.Equal(-9, full.TeamBalance);
        Assert.Equal(77, court.Quotas.Single(q => q.Group == "noclerk").TeamsNeeded);
        Assert.Equal(6, court.Quotas.Single(q => q.Group == "alone").TeamsNeeded);
        Assert.Null(court.Layout);
    }

    [Fact]
    public void Disputes_settled_in_mediation_are_not_filed_and_a_fast_track_quota_counts_weighted_units()
    {
        // 8,000 small claims a year, 40% sent to mediation, half of those settled: 8,000 × (1 − 0.4 × 0.5) = 6,400
        // filed; × 0.25 = 1,600 units. Case 153's fast-track quota, 1,200 cases of weight 0.25 = 300 units a team:
        // 1,600 ÷ 300 = 5.33 → 6 teams. Civil 1,000 cases × 1 = 1,000 units, shared by "civil" (4 × (1 + 0.6) = 6.4)
        // and "lead" (1 × (0.5 + 1 + 0.6 + 0.4) = 2.5): civil 1,000 × 6.4 ÷ 8.9 = 719.1 units ÷ 220 = 3.27 → 4 teams.
        var scenario = LoadText("""
            name: small
            case_types:
              - { id: small_claims, track: fast_track, weight: 0.25, effort: { judge: { dist: fixed, hours: 1 } } }
              - { id: civil, effort: { judge: { dist: fixed, hours: 8 } } }
            intake:
              - type: small_claims
                per_year: 8000
                mediation: { share: 0.4, success_rate: 0.5, duration: { dist: fixed, days: 1 } }
              - { type: civil, per_year: 1000 }
            teams:
              - { id: fast, count: 4, template: "1+2+1", accepts: [small_claims], quota: 300 }
              - { id: civil, count: 4, template: "1+1", accepts: [civil], quota: 220 }
              - { id: lead, template: "1+1+1+1", accepts: [civil] }
            """);
        var court = Compute(scenario, judgeYear: 250).Courts.Single();

        Assert.Equal(6_400, court.Types.Single(t => t.Type == "small_claims").FiledPerYear, 9);
        Assert.Equal(2_600, court.WorkloadUnits, 9);
        Assert.Equal(2_600.0 / 250, court.JudgesNeeded, 9);
        Assert.Equal(10, court.JudgesOnHand);                      // fast 4 + civil 4 + lead (division head + judge) 2
        var fast = court.Quotas.Single(q => q.Group == "fast");
        Assert.Equal(1_600, fast.WorkloadUnits, 9);
        Assert.Equal(6, fast.TeamsNeeded);
        Assert.Equal(-2, fast.TeamBalance);
        var civil = court.Quotas.Single(q => q.Group == "civil");
        Assert.Equal(1_000 * 6.4 / 8.9, civil.WorkloadUnits, 9);
        Assert.Equal(4, civil.TeamsNeeded);
        Assert.DoesNotContain(court.Quotas, q => q.Group == "lead");  // no quota, no line
    }

    [Fact]
    public void A_case_quota_needs_teams_for_the_cases_received_not_the_units()
    {
        // 6,400 small claims a year split between two alike groups: 3,200 cases (800 units) each. 1,200 cases a team
        // needs 3 teams for the cases; 300 units a team needs 3 for the units (1,200 units a team would need 1).
        var scenario = LoadText("""
            name: small
            case_types:
              - { id: small_claims, track: fast_track, weight: 0.25, effort: { judge: { dist: fixed, hours: 1 } } }
            intake:
              - { type: small_claims, per_year: 6400 }
            teams:
              - { id: fast, count: 4, template: "1+2+1", accepts: [small_claims], quota: 1200, quota_unit: cases }
              - { id: units, count: 4, template: "1+2+1", accepts: [small_claims], quota: 300 }
            """);
        var court = Compute(scenario, judgeYear: 250).Courts.Single();

        var fast = court.Quotas.Single(q => q.Group == "fast");
        Assert.Equal("cases", fast.QuotaUnit);
        Assert.Equal(3_200, fast.Cases, 9);
        Assert.Equal(800, fast.WorkloadUnits, 9);
        Assert.Equal(3_200, fast.Received, 9);
        Assert.Equal(3, fast.TeamsNeeded);
        var units = court.Quotas.Single(q => q.Group == "units");
        Assert.Equal("workload_units", units.QuotaUnit);
        Assert.Equal(800, units.Received, 9);
        Assert.Equal(3, units.TeamsNeeded);
    }

    [Fact]
    public void A_quota_by_coefficient_is_the_courts_target_shared_by_coefficient_sums()
    {
        // Fengtai (case 155): target 1,000 units over 2 teams of 1+1 (1.6 each) and 1 judge alone (1): 4.2 in all.
        // A 1+1 team's quota: 1,000 × 1.6 ÷ 4.2 = 380.95; it receives 1,200 × 3.2 ÷ 4.2 = 914.3 units as a group:
        // 914.3 ÷ 380.95 = 2.4 → 3 teams.
        var scenario = LoadText("""
            name: fengtai
            quota_target: 1000
            case_types: [ { id: civil, effort: { judge: { dist: fixed, hours: 8 } } } ]
            intake: [ { type: civil, per_year: 1200 } ]
            teams:
              - { id: pair, count: 2, template: "1+1", accepts: [civil], quota: { by_coefficient: true } }
              - { id: solo, members: { judge: 1 }, accepts: [civil], quota: { by_coefficient: true } }
            """);
        var pair = Compute(scenario).Courts.Single().Quotas.Single(q => q.Group == "pair");

        Assert.Equal(1_000 * 1.6 / 4.2, pair.QuotaPerTeam, 9);
        Assert.Equal(1_200 * 3.2 / 4.2, pair.WorkloadUnits, 9);
        Assert.Equal(3, pair.TeamsNeeded);
    }

    [Fact]
    public void A_template_for_the_judges_needed_counts_teams_from_the_judge_need()
    {
        // 2,600 units at 250 a judge-year = 10.4 judges; "1+1+2" seats 2 judges: ⌈10.4 ÷ 2⌉ = 6 teams needing 12
        // clerks; on hand 4 fast-track clerks + 1 in the leadership team = 5: 7 short. For the 6 judges on hand,
        // 3 teams, 6 clerks: 1 short, 1 ÷ 6.
        var scenario = LoadText("""
            name: small
            case_types: [ { id: civil, effort: { judge: { dist: fixed, hours: 8 } } } ]
            intake: [ { type: civil, per_year: 2600 } ]
            teams:
              - { id: fast, count: 4, template: "1+2+1", accepts: [civil] }
              - { id: lead, template: "1+1+1+1", accepts: [civil] }
            """);
        var layout = Compute(scenario, "1+1+2", judgeYear: 250).Courts.Single().Layout!;

        Assert.Equal(3, layout.TeamsForJudgesOnHand);
        Assert.Equal(6, layout.TeamsForJudgesNeeded);
        var clerks = layout.Roles.Single(r => r.Role == RoleCatalog.Clerk);
        Assert.Equal((5, 6, 1, 12, 7), (clerks.OnHand, clerks.NeededForJudgesOnHand, clerks.ShortForJudgesOnHand, clerks.NeededForJudgesNeeded, clerks.ShortForJudgesNeeded));
        Assert.Equal(1.0 / 6, clerks.ShortShareForJudgesOnHand, 12);
        var assistants = layout.Roles.Single(r => r.Role == RoleCatalog.Assistant);
        Assert.Equal((0, 9, 0), (assistants.PerTeam, assistants.OnHand, assistants.NeededForJudgesOnHand));
    }

    [Theory]
    [InlineData("2+1", "unknown team template '2+1'")]
    [InlineData("judge=1,typist=2", "'typist' in the template is not a role")]
    [InlineData("judge=one", "'judge=one' in the template is not role=count")]
    [InlineData("assistant=1,clerk=1", "no member who hears cases")]
    public void A_bad_template_is_refused_with_what_is_wrong(string text, string message)
    {
        var e = Assert.Throws<FormatException>(() => TeamLayout.Parse(text, RoleCatalog.Default));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Members_written_out_make_a_template()
    {
        var layout = TeamLayout.Parse("judge=1, assistant=2, clerk=2", RoleCatalog.Default);
        Assert.Equal(2, layout.Members[RoleCatalog.Clerk]);
        Assert.Equal(1, layout.JudgeSeats);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.NaN)]
    public void A_judge_year_that_is_not_positive_is_refused(double units)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Compute(LoadSample("minimal.yaml"), judgeYear: units));
    }
}
