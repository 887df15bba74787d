using System.Text.Json;
using Docket.Domain.Assignment;
using Docket.Domain.Cases;
using Docket.Domain.Intake;
using Docket.Domain.Quality;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Staffing;
using Docket.Domain.Statistics;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Simulation;

/// <summary>
/// Quality review in the simulator (cases 162, 166, 159): judges' yearly files, the sample and the set categories
/// held from archiving until their review passes, the findings' cards and summary.json's <c>quality_review</c>.
/// </summary>
public sealed class QualityReviewSimulationTests
{
    private static readonly Dictionary<string, int> s_judge = new() { [RoleCatalog.Judge] = 1 };

    /// <summary>A type closed after its judgment, then archived after a one-day wait.</summary>
    private static CaseType Archived(string id, double judgeHours = 40) =>
        new CaseType(id, id, CaseTrack.Ordinary, 1, null, 0,
            [new EffortStage("judgment", RoleCatalog.Judge, new ExponentialEffort(judgeHours)), new EffortStage("archiving", "", new FixedEffort(1))], 0)
        { ClosesAfter = "judgment" };

    private static Scenario Court(QualityReviewSpec? review, int teams = 6, double perYear = 150, int days = 3 * 365, ulong seed = 7, IReadOnlyList<BacklogEntry>? backlog = null)
    {
        var scenario = TestCourts.Court([Archived("a"), Archived("b")], [new IntakeStream([new("a", 0.8), new("b", 0.2)], perYear, null, null)],
            [TestCourts.Teams("t", teams, ["a", "b"], s_judge)], AssignmentSpec.Random, days, 0, seed, backlog: backlog);
        return scenario with { Courts = [scenario.Courts[0] with { QualityReview = review }] };
    }

    private static readonly QualityReviewSpec s_review = new() { SampleShare = 0.1, Categories = ["b"] };

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    [InlineData(5UL)]
    public void Every_judge_who_closes_a_file_in_a_review_year_has_one_reviewed_that_year(ulong seed)
    {
        // Few files a judge (some judges close only a handful a year) and no random sample: the judges' places alone.
        // Three years and a day: the third year's last session (day 1095) is held.
        var (simulation, summary) = TestCourts.Run(Court(new QualityReviewSpec { SampleShare = 0 }, teams: 12, perYear: 40, days: (3 * 365) + 1, seed: seed));

        var layout = simulation.Layout;
        for (var year = 0; year < 3; year++)
        {
            var closing = new HashSet<int>();
            var reviewed = new HashSet<int>();
            foreach (var c in simulation.Cases)
            {
                if (c.Status == CaseStatus.Closed && c.Closed >= year * 365.0 && c.Closed < (year + 1) * 365.0)
                {
                    var judge = layout.JudgeIndex(c.Team, c.Judge);
                    closing.Add(judge);
                    if ((c.Flags & CaseFlags.ReviewSent) != 0)
                    {
                        reviewed.Add(judge);
                    }
                }
            }
            Assert.NotEmpty(closing);
            Assert.True(closing.SetEquals(reviewed), $"year {year}: {closing.Count} judges closed files, {reviewed.Count} had one reviewed ({summary.QualityReview?.CasesReviewed} reviews, {summary.QualityReview?.Sessions} sessions)");
        }
        var figures = summary.QualityReview!;
        Assert.Equal(0, figures.JudgeYearsMissed);
        Assert.True(figures.JudgeYears > 12, $"judge-years {figures.JudgeYears}");
        Assert.Equal(figures.JudgeYears, figures.JudgeYearsReviewed);
        Assert.Equal(0, figures.BySample);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void No_file_is_archived_before_its_review_can_have_passed_and_no_held_file_is_archived(ulong seed)
    {
        var review = s_review with { Findings = new FindingOdds(0.3, 0.1) };
        var simulation = TestCourts.Simulate(Court(review, seed: seed));

        var sessionDays = 365.0 / review.SessionsPerYear;
        var sent = 0;
        foreach (var c in simulation.Cases)
        {
            if ((c.Flags & CaseFlags.ReviewHeld) != 0)
            {
                Assert.True(double.IsNaN(c.Archived), $"a file held for review was archived on day {c.Archived}");
            }
            if ((c.Flags & CaseFlags.ReviewSent) != 0 && !double.IsNaN(c.Archived))
            {
                sent++;
                // Reviewed no earlier than the first session after closure.
                var session = Math.Ceiling(c.Closed / sessionDays) * sessionDays;
                Assert.True(c.Archived >= session, $"closed on day {c.Closed}, archived on day {c.Archived} before the session on day {session}");
            }
        }
        Assert.True(sent > 50, $"{sent} reviewed files archived");
    }

    [Fact]
    public void A_judges_second_general_problem_within_the_window_is_a_red_card_and_carded_files_wait_their_fix()
    {
        // One judge, every file reviewed (its type in full) and every review finding a general problem: the first is
        // a yellow card, each later one within 365 days red; each file is archived only after its fix (15 or 30 days).
        var review = new QualityReviewSpec { Categories = ["a", "b"], Findings = new FindingOdds(1, 0), ReviewHours = new FixedEffort(1) };
        var (simulation, summary) = TestCourts.Run(Court(review, teams: 1, perYear: 0, days: 300, backlog: [new BacklogEntry("a", 5, new FixedEffort(0))]));

        var figures = summary.QualityReview!;
        Assert.Equal(5, figures.CasesReviewed);
        Assert.Equal(5, figures.ByCategory);
        Assert.Equal(1, figures.YellowCards);
        Assert.Equal(4, figures.RedCards);
        Assert.Equal(4, figures.RedForRepeat);
        Assert.Equal(0, figures.Passed);
        Assert.Equal(figures.YellowCards, summary.Deadlines.YellowCards);
        Assert.Equal(figures.RedCards, summary.Deadlines.RedCards);
        foreach (var c in simulation.Cases)
        {
            Assert.True(c.Archived >= 365.0 / 2 + 15, $"archived on day {c.Archived}, before the session on day 182.5 and the fix");
        }
        Assert.True(figures.MeanDaysClosureToArchive > 182.5 - 100, $"{figures.MeanDaysClosureToArchive}");
    }

    [Fact]
    public void Reviews_take_the_named_reviewers_hours()
    {
        var review = new QualityReviewSpec { Reviewer = RoleCatalog.VicePresident, Categories = ["a", "b"], ReviewHours = new FixedEffort(3) };
        var (simulation, summary) = TestCourts.Run(Court(review, days: 400));

        var station = simulation.Layout.SupervisorStations[RoleCatalog.VicePresident];
        var reviewed = summary.QualityReview!.CasesReviewed;
        Assert.True(reviewed > 100, $"{reviewed} reviewed");
        Assert.Equal(3 * reviewed, simulation.Stations[station].BusyHours.Sum(), 6);
        Assert.Equal(3 * reviewed, summary.QualityReview.ReviewerHours, 6);
        Assert.Equal(0.0, simulation.Stations[simulation.Layout.SupervisorStations[RoleCatalog.DivisionHead]].BusyHours.Sum());
    }

    [Fact]
    public void Files_still_held_at_the_end_are_counted_as_waiting()
    {
        // 300 days: one session (day 182.5), none closing the year: the judges' places are still held at the end.
        var (simulation, summary) = TestCourts.Run(Court(new QualityReviewSpec { SampleShare = 0 }, days: 300));

        var held = 0;
        foreach (var c in simulation.Cases)
        {
            held += (c.Flags & CaseFlags.ReviewHeld) != 0 && double.IsNaN(c.Archived) ? 1 : 0;
        }
        Assert.Equal(6, held);
        Assert.Equal(held, summary.QualityReview!.WaitingForReview);
        Assert.Equal(1, summary.QualityReview.Sessions);
        Assert.Equal(0, summary.QualityReview.CasesReviewed);
    }

    [Fact]
    public void The_same_scenario_and_seed_give_the_same_quality_figures()
    {
        var first = TestCourts.Run(Court(s_review)).Summary;
        var second = TestCourts.Run(Court(s_review)).Summary;

        Assert.Equal(JsonSerializer.Serialize(first.QualityReview), JsonSerializer.Serialize(second.QualityReview));
        Assert.True(first.QualityReview!.BySample > 0 && first.QualityReview.ByCategory > 0 && first.QualityReview.ByJudge > 0);
    }

    [Fact]
    public void Without_quality_review_nothing_is_held_and_the_summary_has_no_figures()
    {
        var (simulation, summary) = TestCourts.Run(Court(null));

        Assert.Null(summary.QualityReview);
        Assert.Equal(0, summary.Deadlines.YellowCards);
        Assert.Equal(0, summary.Deadlines.RedCards);
        foreach (var c in simulation.Cases)
        {
            Assert.Equal(CaseFlags.None, c.Flags & (CaseFlags.ReviewHeld | CaseFlags.ReviewSent));
        }
    }

    [Fact]
    public void Holding_files_for_review_delays_only_their_archiving()
    {
        // No review finds a problem: no card, no fix, so the judges' work is unchanged.
        var without = TestCourts.Run(Court(null)).Summary;
        var with = TestCourts.Run(Court(s_review with { Findings = new FindingOdds(0, 0) })).Summary;

        Assert.Equal(without.Cases.Closed, with.Cases.Closed);
        Assert.Equal(0, with.QualityReview!.JudgeFixHours);
        Assert.True(with.Balance.ClosureToArchiveDays > without.Balance.ClosureToArchiveDays);
    }

    [Fact]
    public void Fixing_carded_files_takes_the_judges_hours_so_a_court_with_cards_closes_less_than_one_without_findings()
    {
        // A busy court (its judges' hours bind), every file reviewed: with every review finding a problem, each card's
        // fix takes its judge 30 hours (yellow) or 60 (red) ahead of the cases in their charge.
        var review = new QualityReviewSpec
        {
            Categories = ["a", "b"],
            YellowFixHours = new FixedEffort(30),
            RedFixHours = new FixedEffort(60),
        };
        var (clean, noFindings) = TestCourts.Run(Court(review with { Findings = new FindingOdds(0, 0) }, perYear: 1500, days: 2 * 365));
        var (carded, cards) = TestCourts.Run(Court(review with { Findings = new FindingOdds(0.5, 0.5) }, perYear: 1500, days: 2 * 365));

        var figures = cards.QualityReview!;
        Assert.True(figures.YellowCards + figures.RedCards > 100, $"{figures.YellowCards} yellow, {figures.RedCards} red");
        // Each card's fix, but those still queued or under way at the end.
        var booked = (30 * figures.YellowCards) + (60 * figures.RedCards);
        Assert.InRange(figures.JudgeFixHours, 0.9 * booked, booked);
        Assert.Equal(0, noFindings.QualityReview!.JudgeFixHours);
        Assert.True(cards.Cases.Closed < noFindings.Cases.Closed, $"closed with cards {cards.Cases.Closed}, without findings {noFindings.Cases.Closed}");
        // The judges' hours went to the fixes: fewer were left for their cases.
        double JudgeHours(CourtSimulation simulation) => Enumerable.Range(0, simulation.Layout.Teams.Count)
            .Sum(t => simulation.Stations[simulation.Layout.JudgeStation[t]].BusyHours.Sum());
        var caseHours = JudgeHours(carded) - figures.JudgeFixHours;
        Assert.True(caseHours < JudgeHours(clean) - (figures.JudgeFixHours / 2), $"case hours with cards {caseHours}, without findings {JudgeHours(clean)}, fixes {figures.JudgeFixHours}");
    }

    [Fact]
    public void The_documented_example_reviews_every_ordinary_file_and_a_sample_of_simple_ones_with_cards()
    {
        var docs = File.ReadAllText(Path.Combine(Scenarios.ScenarioTestSupport.RepoRoot(), "docs", "scenarios.md"));
        var start = docs.IndexOf("name: quality-review", StringComparison.Ordinal);
        var yaml = docs[start..docs.IndexOf("```", start, StringComparison.Ordinal)];
        var loaded = ScenarioLoader.Load(yaml, "docs/scenarios.md");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));

        var (_, summary) = TestCourts.Run(loaded.Scenario!);

        var figures = summary.QualityReview!;
        // Sessions on days 365 (the window's first instant), 547.5, 730, 912.5 and 1095; three review years end in the window.
        Assert.Equal(5, figures.Sessions);
        Assert.True(figures.ByCategory > 200, $"{figures.ByCategory} ordinary files reviewed");
        Assert.InRange(figures.BySample, 5, 60);
        Assert.True(figures.YellowCards + figures.RedCards > 5, $"{figures.YellowCards} yellow, {figures.RedCards} red");
        Assert.Equal(18, figures.JudgeYears);
        Assert.Equal(0, figures.JudgeYearsMissed);
        Assert.True(figures.MeanDaysClosureToArchive > summary.Balance.ClosureToArchiveDays, "reviewed files wait longer than the average file");
        Assert.Equal(2 * figures.CasesReviewed, figures.ReviewerHours, 6);
    }
}
