using CsCheck;
using Docket.Domain.Assignment;
using Docket.Domain.Balance;
using Docket.Domain.Intake;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Staffing;
using Docket.Domain.Statistics;
using Docket.Domain.Tests.Support;
using static Docket.Domain.Tests.Scenarios.ScenarioTestSupport;

namespace Docket.Domain.Tests.Staffing;

/// <summary>A quota counts its unit (cases or workload units), and attainment is what was closed in that unit ÷ the prorated quota.</summary>
public sealed class QuotaAttainmentTests
{
    private const string Types = """
        case_types:
          - { id: a, weight: 0.25, effort: { judge: { dist: exponential, mean_hours: 10 } } }
        """;

    [Fact]
    public void A_case_quota_counts_closed_cases_and_a_workload_quota_counts_units()
    {
        // Xicheng's fast track: 1,166 small claims closed (weight 0.25) against 1,200 cases a year.
        Assert.Equal(1166.0 / 1200, QuotaAttainment.Of(QuotaUnit.Cases, 1166, 291.5, 1200, 1), 12);
        Assert.Equal(291.5 / 1200, QuotaAttainment.Of(QuotaUnit.WorkloadUnits, 1166, 291.5, 1200, 1), 12);
        Assert.Equal(1166.0 / 2400, QuotaAttainment.Of(QuotaUnit.Cases, 1166, 291.5, 1200, 2), 12);
        Assert.Equal(0, QuotaAttainment.Of(QuotaUnit.Cases, 1166, 291.5, 0, 1));
        Assert.Equal(0, QuotaAttainment.Of(QuotaUnit.Cases, 1166, 291.5, 1200, 0));
        Assert.Equal(1, QuotaAttainment.Credit(QuotaUnit.Cases, 0.25));
        Assert.Equal(0.25, QuotaAttainment.Credit(QuotaUnit.WorkloadUnits, 0.25));
    }

    [Fact]
    public void Quota_unit_defaults_to_workload_units_and_reads_cases()
    {
        var scenario = LoadValid($$"""
            name: q
            {{Types}}
            teams:
              - { id: c, members: { judge: 1 }, accepts: [a], quota: 1200, quota_unit: cases }
              - { id: w, members: { judge: 1 }, accepts: [a], quota: 300 }
              - { id: x, members: { judge: 1 }, accepts: [a], quota: 300, quota_unit: workload_units }
            """);
        var teams = scenario.Courts[0].Teams;
        Assert.Equal(new QuotaSpec(1200, false, QuotaUnit.Cases), teams[0].Quota);
        Assert.Equal(QuotaUnit.WorkloadUnits, teams[1].Quota!.Unit);
        Assert.Equal(QuotaUnit.WorkloadUnits, teams[2].Quota!.Unit);
    }

    [Fact]
    public void An_unknown_quota_unit_is_an_error_naming_the_field_and_the_units()
    {
        AssertErrorAt($$"""
            name: q
            {{Types}}
            teams:
              - { id: c, members: { judge: 1 }, accepts: [a], quota: 1200, quota_unit: »case }
            """, "teams[0].quota_unit", "cases", "workload_units");
    }

    [Fact]
    public void A_quota_unit_without_a_quota_is_an_error()
    {
        AssertErrorAt($$"""
            name: q
            {{Types}}
            teams:
              - { id: c, members: { judge: 1 }, accepts: [a], quota_unit: »cases }
            """, "teams[0].quota_unit", "needs a 'quota'");
    }

    [Fact]
    public void The_shares_of_one_quota_target_are_counted_in_one_unit()
    {
        AssertErrorAt($$"""
            name: q
            {{Types}}
            quota_target: 1000
            teams:
              - { id: c, members: { judge: 1 }, accepts: [a], quota: { by_coefficient: true }, quota_unit: cases }
              - { id: w, members: { judge: 1 }, accepts: [a], quota: { by_coefficient: true }, quota_unit: »workload_units }
            """, "teams[1].quota_unit", "one unit");
    }

    [Fact]
    public void Attainment_is_closed_cases_over_the_prorated_quota_for_a_case_quota_and_units_for_a_workload_quota()
    {
        Gen.Select(Gen.OneOf(0.25, 0.3, 1.0, 2.5), Gen.Double[50, 2000], Gen.Int[0, 1], Gen.Int[200, 900], Gen.ULong[1, 1000])
            .Sample((weight, quota, unitIndex, days, seed) =>
            {
                var unit = unitIndex == 0 ? QuotaUnit.Cases : QuotaUnit.WorkloadUnits;
                var type = TestCourts.JudgeOnly("a", 40, weight: weight);
                var group = TestCourts.Teams("t", 3, ["a"]) with { Quota = new QuotaSpec(quota, false, unit) };
                var scenario = TestCourts.Court([type], [new IntakeStream([new TypeShare("a", 1)], 400, null, null)], [group],
                    AssignmentSpec.Random, days, warmup: days / 4, seed: seed);
                var (_, summary) = TestCourts.Run(scenario);
                var years = (scenario.Days - scenario.WarmupDays) / SimulationYear.Days;
                Assert.All(summary.Teams, t =>
                {
                    Assert.Equal(unit == QuotaUnit.Cases ? "cases" : "workload_units", t.QuotaUnit);
                    Assert.Equal(t.Closed * weight, t.WorkloadUnits, 9);
                    var expected = (unit == QuotaUnit.Cases ? t.Closed : t.WorkloadUnits) / (quota * years);
                    Assert.Equal(expected, t.QuotaAttainment, 9);
                    Assert.Equal(FengtaiScore.Of(expected), t.Score, 9);
                });
            }, iter: 40);
    }
}
