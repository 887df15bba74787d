using Docket.Domain.Access;
using Docket.Domain.Audit;
using Docket.Domain.Cases;
using Docket.Domain.Deadlines;
using Docket.Domain.Reports;
using Docket.Domain.Simulation;
using Docket.Domain.Staffing;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Reports;

/// <summary>The published lists' rules: periods, the daily check's and past-limit list's spans, the counts per judge, division and team, who reads each, CSV.</summary>
public sealed class ReportRuleTests
{
    private static readonly CheckNodes Both = new(0, 1);

    private static CheckedCase Open(double filed, double served = double.NaN, double heard = double.NaN, double limit = double.NaN, double closed = double.NaN) =>
        new(1, 0, 0, 0, filed, closed, served, heard, limit);

    [Theory]
    [InlineData(ReportKind.DailyCheck, "2026-03-05", "2026-03-05", "2026-03-06")]
    [InlineData(ReportKind.PastLimit, "2026-W01", "2025-12-29", "2026-01-05")]
    [InlineData(ReportKind.PastLimit, "2026-W10", "2026-03-02", "2026-03-09")]
    [InlineData(ReportKind.Assignments, "2026-02", "2026-02-01", "2026-03-01")]
    [InlineData(ReportKind.Caseload, "2026-12", "2026-12-01", "2027-01-01")]
    [InlineData(ReportKind.Rankings, "2026-Q2", "2026-04-01", "2026-07-01")]
    [InlineData(ReportKind.Rankings, "2026", "2026-01-01", "2027-01-01")]
    public void A_period_is_read_in_the_forms_its_report_takes(ReportKind kind, string text, string first, string end)
    {
        var period = ReportPeriod.Parse(kind, text).Period!;
        Assert.Equal(text, period.Key);
        Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), period.First);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
    }

    [Theory]
    [InlineData(ReportKind.Assignments, "2026-13", "a month, yyyy-MM")]
    [InlineData(ReportKind.Assignments, "2026-Q1", "a month, yyyy-MM")]
    [InlineData(ReportKind.Rankings, "2026-03", "a quarter, yyyy-Qn (2026-Q1) or a year")]
    [InlineData(ReportKind.PastLimit, "2026-W54", "an ISO week")]
    [InlineData(ReportKind.PastLimit, "2026-03-02", "an ISO week")]
    [InlineData(ReportKind.DailyCheck, "2026-02-30", "a day")]
    [InlineData(ReportKind.Assignments, "9999-12", "in the years 1000–9998")]
    [InlineData(ReportKind.Rankings, "0001", "in the years 1000–9998")]
    [InlineData(ReportKind.DailyCheck, "9999-12-31", "in the years 1000–9998")]
    public void A_period_of_another_form_is_refused_naming_the_forms_the_report_takes(ReportKind kind, string text, string form)
    {
        var (period, problem) = ReportPeriod.Parse(kind, text);
        Assert.Null(period);
        Assert.Contains(form, problem, StringComparison.Ordinal);
        Assert.Contains($"'{text}'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unserved_case_is_on_the_daily_check_from_15_days_after_filing_until_served_or_closed()
    {
        Assert.False(CheckRules.IsOn(CaseCheck.NotServed, Open(10), Both, 30, 24.9));
        Assert.True(CheckRules.IsOn(CaseCheck.NotServed, Open(10), Both, 30, 25));
        Assert.True(CheckRules.IsOn(CaseCheck.NotServed, Open(10, served: 30), Both, 30, 29.9));
        Assert.False(CheckRules.IsOn(CaseCheck.NotServed, Open(10, served: 30), Both, 30, 30));
        Assert.False(CheckRules.IsOn(CaseCheck.NotServed, Open(10, closed: 27), Both, 30, 28));
        Assert.False(CheckRules.IsOn(CaseCheck.NotServed, Open(10), new CheckNodes(-1, 1), 30, 100));
    }

    [Fact]
    public void A_case_without_a_hearing_a_month_after_filing_is_on_the_daily_check_until_heard()
    {
        Assert.False(CheckRules.IsOn(CaseCheck.NoHearing, Open(0), Both, 30, 29.5));
        Assert.True(CheckRules.IsOn(CaseCheck.NoHearing, Open(0), Both, 30, 30));
        Assert.False(CheckRules.IsOn(CaseCheck.NoHearing, Open(0, heard: 31), Both, 30, 31));
        Assert.False(CheckRules.IsOn(CaseCheck.NoHearing, Open(0), new CheckNodes(0, -1), 30, 100));
    }

    [Fact]
    public void Near_the_limit_is_the_warning_time_before_it_and_past_the_limit_lasts_until_closure()
    {
        var c = Open(0, limit: 90);
        Assert.False(CheckRules.IsOn(CaseCheck.NearLimit, c, Both, 30, 59.9));
        Assert.True(CheckRules.IsOn(CaseCheck.NearLimit, c, Both, 30, 60));
        Assert.False(CheckRules.IsOn(CaseCheck.NearLimit, c, Both, 30, 90));
        Assert.True(CheckRules.IsOn(CaseCheck.PastLimit, c, Both, 30, 90));
        Assert.True(CheckRules.IsOn(CaseCheck.PastLimit, c, Both, 30, 400));
        Assert.False(CheckRules.IsOn(CaseCheck.PastLimit, c with { Closed = 100 }, Both, 30, 100));
        Assert.False(CheckRules.IsOn(CaseCheck.PastLimit, Open(0), Both, 30, 400));
    }

    [Fact]
    public void The_service_node_is_reached_by_the_service_stage_and_the_hearing_node_by_the_hearing_stage_or_else_the_judges()
    {
        static CaseType Type(params ProcessNode[] nodes) => TestCourts.JudgeOnly("t", 1) with { Nodes = nodes };
        var served = new ProcessNode("served", "service", null, 15, false);
        var judged = new ProcessNode("judged", "judge", null, 60, false);
        var heard = new ProcessNode("heard", "hearing", null, 30, false);
        Assert.Equal(new CheckNodes(0, 1), CheckNodes.Of(Type(served, judged)));
        Assert.Equal(new CheckNodes(0, 2), CheckNodes.Of(Type(served, judged, heard)));
        Assert.Equal(new CheckNodes(-1, -1), CheckNodes.Of(Type()));
    }

    [Fact]
    public void A_judges_expected_draws_are_their_teams_shared_among_its_judges_and_the_deviation_is_drawn_less_expected()
    {
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("generic", 10)], [],
            [TestCourts.Teams("one", 1, ["generic"]), TestCourts.Teams("two", 1, ["generic"], new Dictionary<string, int> { [RoleCatalog.Judge] = 2 })],
            new Docket.Domain.Assignment.AssignmentSpec(Docket.Domain.Assignment.AssignmentPolicyKind.Random), days: 30);
        var (spec, id) = scenario.ExpandCourts().Single();
        var layout = new CourtLayout(scenario, spec, id, prefixTeamIds: false);
        var counts = new ExpectedCounts(_ => "m");
        var at = DateTimeOffset.UnixEpoch;
        for (var i = 0; i < 6; i++)
        {
            counts.Add(at, ["one-1", "two-1"], [0.5, 0.5], i < 4 ? "one-1" : "two-1");
        }
        var rows = PublishedLists.JudgeCounts(layout,
            [new(0, 0, true), new(0, 0, true), new(0, 0, true), new(0, 0, true), new(1, 0, true), new(1, 1, true), new(1, 1, false)],
            counts.Periods().Single());
        Assert.Equal(["one-1/judge-1", "two-1/judge-1", "two-1/judge-2"], rows.Select(r => r.Judge));
        Assert.Equal([4L, 1, 2], rows.Select(r => r.Assigned));
        Assert.Equal([4L, 1, 1], rows.Select(r => r.Drawn));
        Assert.Equal([3.0, 1.5, 1.5], rows.Select(r => r.Expected));
        Assert.Equal([1.0, -0.5, -0.5], rows.Select(r => r.Deviation));
        // The team's residual: (4 − 3) ÷ √(6 × ½ × ½).
        Assert.Equal(1 / Math.Sqrt(1.5), rows[0].TeamResidual, 12);
        Assert.Equal(-1 / Math.Sqrt(1.5), rows[2].TeamResidual, 12);
    }

    [Fact]
    public void Each_divisions_caseload_balances_and_teams_rank_by_workload_closed_in_the_period()
    {
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("light", 10, weight: 0.5), TestCourts.JudgeOnly("heavy", 10, weight: 2)], [],
            [TestCourts.Teams("a", 2, ["light", "heavy"]), TestCourts.Teams("b", 1, ["light", "heavy"])],
            new Docket.Domain.Assignment.AssignmentSpec(Docket.Domain.Assignment.AssignmentPolicyKind.Random), days: 30);
        var (spec, id) = scenario.ExpandCourts().Single();
        var layout = new CourtLayout(scenario, spec, id, prefixTeamIds: false);
        CheckedCase C(int type, int team, double filed, double closed = double.NaN) => new(1, type, team, 0, filed, closed, double.NaN, double.NaN, double.NaN);
        CheckedCase[] cases = [C(0, 0, 1, 12), C(0, 0, 2, 14), C(0, 0, 3, 15), C(1, 1, 5, 20), C(1, 2, 12), C(0, 2, 25, 40), C(0, -1, 15)];
        var divisions = PublishedLists.Caseload(layout, cases, 10, 20);
        Assert.Equal(["a", "b", PublishedLists.Unassigned], divisions.Select(d => d.Division));
        Assert.All(divisions, d => Assert.Equal(d.PendingStart + d.Filed, d.Closed + d.PendingEnd));
        Assert.Equal(new DivisionCaseload("a", 4, 0, 3, 1), divisions[0]);
        Assert.Equal(new DivisionCaseload("unassigned", 0, 1, 0, 1), divisions[2]);

        var ranking = PublishedLists.Rankings(layout, cases, 10, 30);
        Assert.Equal(["a-2", "a-1", "b-1"], ranking.Select(r => r.Team));
        Assert.Equal([2.0, 1.5, 0], ranking.Select(r => r.WorkloadUnits));
        Assert.Equal([1, 2, 3], ranking.Select(r => r.Rank));
        Assert.Equal((11 + 12 + 12) / 3.0, ranking[1].MeanDaysToDisposition, 12);
    }

    [Fact]
    public void A_judge_reads_the_daily_check_of_their_team_and_the_counts_of_their_court_but_not_the_rankings()
    {
        var judge = new Actor("j", UserRoles.Judge, "c", null, "t-1");
        Assert.True(AccessRules.Allows(judge, Permission.SeeDailyCheck, new("c", "d", "t-1")));
        Assert.False(AccessRules.Allows(judge, Permission.SeeDailyCheck, new("c", "d", "t-2")));
        Assert.True(AccessRules.AllowsSomewhere(judge, Permission.SeeDailyCheck, "c"));
        Assert.False(AccessRules.AllowsSomewhere(judge, Permission.SeeDailyCheck, "other"));
        Assert.True(AccessRules.Allows(judge, Permission.SeePublishedCounts, new("c")));
        Assert.False(AccessRules.AllowsSomewhere(judge, Permission.SeePastLimit, "c"));
        Assert.False(AccessRules.AllowsSomewhere(judge, Permission.SeeRankings, "c"));
        var registrar = new Actor("r", UserRoles.Registrar, "c", null, null);
        Assert.True(AccessRules.Allows(registrar, Permission.SeePublishedCounts, new("c")));
        Assert.False(AccessRules.AllowsSomewhere(registrar, Permission.SeeDailyCheck, "c"));
        var head = new Actor("h", UserRoles.DivisionHead, "c", "civil", null);
        Assert.True(AccessRules.Allows(head, Permission.SeePastLimit, new("c", "civil", "t-1")));
        Assert.False(AccessRules.Allows(head, Permission.SeePastLimit, new("c", "criminal", "t-9")));
        Assert.True(AccessRules.AllowsSomewhere(new Actor("a", UserRoles.Auditor, null, null, null), Permission.SeeRankings, "c"));
    }

    [Fact]
    public void A_report_as_csv_is_a_header_and_a_line_a_row_with_quoted_fields_where_needed()
    {
        var report = new CourtReport("c", ReportKind.Caseload, "2026-03", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
            Divisions: [new DivisionCaseload("civil, family", 1, 2, 3, 0), new DivisionCaseload("say \"hi\"", 0, 0, 0, 0)]);
        Assert.Equal("division,pending_start,filed,closed,pending_end\r\n\"civil, family\",1,2,3,0\r\n\"say \"\"hi\"\"\",0,0,0,0\r\n", ReportCsv.Write(report));
    }
}
