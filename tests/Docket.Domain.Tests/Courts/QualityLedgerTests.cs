using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Quality;
using Docket.Domain.Scenarios;
using Docket.Domain.Tests.Replay;

namespace Docket.Domain.Tests.Courts;

/// <summary>
/// The live court's quality review (cases 162, 166, 159): a reviewer (or a division head) draws the sample among the
/// closed files not yet archived, records findings that earn cards, and archiving waits until the review passes. Each
/// is a ledger entry the replay re-checks, the draw re-made from the epoch's secret.
/// </summary>
public sealed class QualityLedgerTests
{
    private static readonly DateTimeOffset s_at = LiveLedger.Start.AddHours(2);

    private const string Yaml = """
        name: quality
        seed: 3
        days: 365
        case_types:
          - id: civil
            effort: { judgment: { dist: fixed, hours: 1 }, archiving: { dist: fixed, hours: 0.2 } }
            closes_after: judgment
          - id: family
            effort: { judgment: { dist: fixed, hours: 1 }, archiving: { dist: fixed, hours: 0.2 } }
            closes_after: judgment
        intake:
          - { mix: { civil: 0.8, family: 0.2 }, per_year: 100 }
        teams:
          - { id: a, count: 3, members: { judge: 1, clerk: 1 }, accepts: [civil, family] }
          - { id: b, count: 2, members: { judge: 1, clerk: 1 }, accepts: [civil, family] }
        assignment: { policy: random }
        quality_review: { sample_share: 0.2, categories: [family], repeat_window_days: 100, yellow_fix_days: 10, red_fix_days: 20 }
        """;

    private sealed class Ledger() : ScenarioLedger(Yaml, "quality")
    {
        public Actor Reviewer => new("reviewer", UserRoles.Reviewer, Court.Id, null, null);

        public CourtCase File(string type, DateTimeOffset at) => FileAt(type, at);

        /// <summary>Files and closes a case (its judgment reported), its file not yet archived.</summary>
        public CourtCase Closed(string type, DateTimeOffset at)
        {
            var c = FileAt(type, at);
            Assert.Null(Add(CourtCommands.Reach(State, c.Number, "judgment", JudgeOf(c), at.AddHours(1))).Refused);
            return State.Case(c.Number)!;
        }

        public CommandEffect Archive(CourtCase c, DateTimeOffset at) => Add(CourtCommands.Reach(State, c.Number, "archiving", JudgeOf(c), at));
    }

    [Fact]
    public void A_draw_covers_every_judge_and_every_file_of_a_set_category_and_is_re_made_on_replay()
    {
        var ledger = new Ledger();
        var closed = Enumerable.Range(0, 30).Select(i => ledger.Closed(i % 6 == 0 ? "family" : "civil", s_at.AddHours(2 * i))).ToList();

        Assert.Null(ledger.Add(CourtCommands.DrawForReview(ledger.State, ledger.Reviewer, s_at.AddDays(3))).Refused);

        var draw = LedgerEntry.Parse(ledger.Records[^1].Json);
        Assert.Equal(LedgerKinds.ReviewDraw, draw.Kind);
        Assert.Equal(closed.Select(c => c.Id), draw.Eligible);
        var sample = draw.Sample!.ToHashSet();
        Assert.All(closed.Select(c => c.Judge).Distinct(), judge => Assert.Contains(closed, c => c.Judge == judge && sample.Contains(c.Id)));
        Assert.All(closed.Where(c => c.Type == "family"), c => Assert.Contains(c.Id, sample));
        Assert.All(closed, c => Assert.Equal(sample.Contains(c.Id) ? ReviewStates.Drawn : ReviewStates.NotDrawn, ledger.State.Case(c.Number)!.Review));
        // Nothing left to draw: every closed file not yet archived was covered.
        Assert.Equal(Outcome.Conflict, CourtCommands.DrawForReview(ledger.State, ledger.Reviewer, s_at.AddDays(3)).Refused?.Outcome);

        // The review draw is re-made on replay besides the assignment draws.
        Assert.Equal(ReplayedAssignmentDraws(ledger) + 1, ledger.Replayed().DrawsChecked);
        var notDrawn = closed.First(c => !sample.Contains(c.Id));
        Assert.Contains("differ from those re-made", ledger.ReplayForged(draw with { Sample = [.. draw.Sample!, notDrawn.Id] }), StringComparison.Ordinal);
        Assert.Contains("only reviewer or division_head", ledger.ReplayForged(draw with { By = new LedgerActor("judge", UserRoles.Judge) }), StringComparison.Ordinal);
    }

    private static long ReplayedAssignmentDraws(Ledger ledger) =>
        ledger.Records.Select(r => LedgerEntry.Parse(r.Json)).Count(e => e.Kind is LedgerKinds.Assign && e.Draw is not null);

    [Fact]
    public void Archiving_a_drawn_file_is_refused_until_its_review_passes_and_a_forged_archive_fails_replay()
    {
        var ledger = new Ledger();
        var c = ledger.Closed("family", s_at);
        ledger.Add(CourtCommands.DrawForReview(ledger.State, ledger.Reviewer, s_at.AddDays(1)));
        Assert.Equal(ReviewStates.Drawn, ledger.State.Case(c.Number)!.Review);

        var refused = CourtCommands.Reach(ledger.State, c.Number, "archiving", ledger.JudgeOf(c), s_at.AddDays(2));
        Assert.Equal(Outcome.Conflict, refused.Refused?.Outcome);
        Assert.Contains("archiving waits", refused.Refused!.Error, StringComparison.Ordinal);

        Assert.Null(ledger.Add(CourtCommands.RecordFinding(ledger.State, c.Number, "general", "the record is incomplete", ledger.Reviewer, s_at.AddDays(2))).Refused);
        var finding = LedgerEntry.Parse(ledger.Records[^1].Json);
        Assert.Equal(ReviewStates.YellowCard, finding.Level);
        Assert.Equal(c.Judge, finding.Judge);
        Assert.Equal(s_at.AddDays(12), finding.Due);
        Assert.Equal(Outcome.Conflict, CourtCommands.Reach(ledger.State, c.Number, "archiving", ledger.JudgeOf(c), s_at.AddDays(3)).Refused?.Outcome);

        Assert.Null(ledger.Add(CourtCommands.RecordFinding(ledger.State, c.Number, "none", "fixed", ledger.DivisionHeadOf(c), s_at.AddDays(12))).Refused);
        Assert.Equal(ReviewStates.Passed, ledger.State.Case(c.Number)!.Review);
        Assert.Equal(Outcome.Conflict, CourtCommands.RecordFinding(ledger.State, c.Number, "none", null, ledger.Reviewer, s_at.AddDays(12)).Refused?.Outcome);
        Assert.Null(ledger.Archive(c, s_at.AddDays(13)).Refused);
        ledger.Replayed();

        // The same ledger with the archive before the passing review: the replay refuses it.
        var other = new Ledger();
        var d = other.Closed("family", s_at);
        other.Add(CourtCommands.DrawForReview(other.State, other.Reviewer, s_at.AddDays(1)));
        var node = LedgerEntry.Parse(ledger.Records[^1].Json) with { Seq = other.State.Seq + 1, Prev = other.State.Head, Case = d.Id, Number = d.Number, At = s_at.AddDays(2) };
        other.Records.Add(new LedgerRecord(other.Court.Id, node.Seq, node.Kind, node.Case, node.ToJson(), LedgerHash.Of(node.ToJson())));
        Assert.Contains("archived before its quality review passed", other.ReplayForged(node), StringComparison.Ordinal);
    }

    [Fact]
    public void A_judges_second_general_problem_within_the_window_is_red_even_after_the_court_restarts_from_its_saved_state()
    {
        var ledger = new Ledger();
        var first = ledger.Closed("family", s_at);
        var judge = first.Judge;
        CourtCase second;
        var hour = 0;
        do
        {
            second = ledger.Closed("family", s_at.AddHours(hour += 2));
        }
        while (second.Judge != judge);
        ledger.Add(CourtCommands.DrawForReview(ledger.State, ledger.Reviewer, s_at.AddDays(1)));
        ledger.Add(CourtCommands.RecordFinding(ledger.State, first.Number, "general", null, ledger.Reviewer, s_at.AddDays(2)));
        Assert.Equal(ReviewStates.YellowCard, ledger.State.Case(first.Number)!.Review);

        var saved = new MemoryStream();
        ledger.State.WriteSnapshot(saved);
        saved.Position = 0;
        ledger.State = CourtState.ReadSnapshot(ledger.Court, e => LiveLedger.Secret(1, e), saved);

        Assert.Null(ledger.Add(CourtCommands.RecordFinding(ledger.State, second.Number, "general", null, ledger.Reviewer, s_at.AddDays(50))).Refused);
        var red = LedgerEntry.Parse(ledger.Records[^1].Json);
        Assert.Equal(ReviewStates.RedCard, red.Level);
        Assert.Equal(s_at.AddDays(70), red.Due);
        ledger.Replayed();
        Assert.Contains("earns its judge red_card", ledger.ReplayForged(red with { Level = ReviewStates.YellowCard }), StringComparison.Ordinal);
    }

    [Fact]
    public void A_serious_problem_is_red_at_once_and_a_general_one_after_the_window_is_yellow_again()
    {
        var ledger = new Ledger();
        var cases = Enumerable.Range(0, 12).Select(i => ledger.Closed("family", s_at.AddHours(2 * i))).ToList();
        ledger.Add(CourtCommands.DrawForReview(ledger.State, ledger.Reviewer, s_at.AddDays(1)));
        var byJudge = cases.GroupBy(c => c.Judge).First(g => g.Count() >= 3).ToList();

        ledger.Add(CourtCommands.RecordFinding(ledger.State, byJudge[0].Number, "serious", null, ledger.Reviewer, s_at.AddDays(2)));
        Assert.Equal(ReviewStates.RedCard, ledger.State.Case(byJudge[0].Number)!.Review);
        ledger.Add(CourtCommands.RecordFinding(ledger.State, byJudge[1].Number, "general", null, ledger.Reviewer, s_at.AddDays(3)));
        Assert.Equal(ReviewStates.YellowCard, ledger.State.Case(byJudge[1].Number)!.Review);
        ledger.Add(CourtCommands.RecordFinding(ledger.State, byJudge[2].Number, "general", null, ledger.Reviewer, s_at.AddDays(104)));
        Assert.Equal(ReviewStates.YellowCard, ledger.State.Case(byJudge[2].Number)!.Review);
        ledger.Replayed();
    }

    [Fact]
    public void Only_reviewers_of_the_court_and_division_heads_within_their_division_review_and_a_bad_finding_names_the_field()
    {
        var ledger = new Ledger();
        var c = ledger.Closed("family", s_at);
        var otherTeam = ledger.Court.Layout.Teams.Select(t => t.Id).First(t => ledger.Court.DivisionOfTeam(t) != ledger.Court.DivisionOfTeam(c.Team));
        var otherHead = new Actor("head", UserRoles.DivisionHead, ledger.Court.Id, ledger.Court.DivisionOfTeam(otherTeam), null);
        var elsewhere = new Actor("reviewer", UserRoles.Reviewer, "another", null, null);

        Assert.Equal(Outcome.Forbidden, CourtCommands.DrawForReview(ledger.State, ledger.JudgeOf(c), s_at.AddDays(1)).Refused?.Outcome);
        Assert.Equal(Outcome.Forbidden, CourtCommands.DrawForReview(ledger.State, elsewhere, s_at.AddDays(1)).Refused?.Outcome);
        Assert.Null(ledger.Add(CourtCommands.DrawForReview(ledger.State, ledger.DivisionHeadOf(c), s_at.AddDays(1))).Refused);

        Assert.Equal(Outcome.Forbidden, CourtCommands.RecordFinding(ledger.State, c.Number, "none", null, otherHead, s_at.AddDays(2)).Refused?.Outcome);
        Assert.Equal(Outcome.Forbidden, CourtCommands.RecordFinding(ledger.State, c.Number, "none", null, ledger.JudgeOf(c), s_at.AddDays(2)).Refused?.Outcome);
        var bad = CourtCommands.RecordFinding(ledger.State, c.Number, "minor", null, ledger.Reviewer, s_at.AddDays(2)).Refused!;
        Assert.Equal(Outcome.Invalid, bad.Outcome);
        Assert.Equal("finding", bad.Field);
        Assert.Equal(Outcome.NotFound, CourtCommands.RecordFinding(ledger.State, 999, "none", null, ledger.Reviewer, s_at.AddDays(2)).Refused?.Outcome);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Whatever_is_asked_in_whatever_order_no_file_is_archived_before_a_passed_review(int seed)
    {
        var ledger = new Ledger();
        var random = new Random(seed);
        var at = s_at;
        var findings = new[] { "none", "general", "serious" };
        for (var step = 0; step < 300; step++)
        {
            at = at.AddHours(random.Next(1, 48));
            var held = ledger.State.HeldCases.ToList();
            var pending = held.Where(c => c.Status == CourtCaseStatus.Pending).ToList();
            var closed = held.Where(c => c.Status == CourtCaseStatus.Closed).ToList();
            switch (random.Next(5))
            {
                case 0:
                    ledger.File(random.Next(4) == 0 ? "family" : "civil", at);
                    break;
                case 1 when pending.Count > 0:
                    var p = pending[random.Next(pending.Count)];
                    ledger.Add(CourtCommands.Reach(ledger.State, p.Number, "judgment", ledger.JudgeOf(p), at));
                    break;
                case 2:
                    ledger.Add(CourtCommands.DrawForReview(ledger.State, ledger.Reviewer, at));
                    break;
                case 3 when closed.Count > 0:
                    var r = closed[random.Next(closed.Count)];
                    ledger.Add(CourtCommands.RecordFinding(ledger.State, r.Number, findings[random.Next(3)], null, ledger.Reviewer, at));
                    break;
                case 4 when closed.Count > 0:
                    ledger.Archive(closed[random.Next(closed.Count)], at);
                    break;
            }
        }

        // Walk the ledger: each archive (a node entry finishing a closed case) comes after that case's last finding passed it.
        var review = new Dictionary<string, string?>();
        var archived = 0;
        foreach (var e in ledger.Records.Select(r => LedgerEntry.Parse(r.Json)))
        {
            switch (e.Kind)
            {
                case LedgerKinds.ReviewDraw:
                    foreach (var id in e.Eligible!)
                    {
                        review[id] = e.Sample!.Contains(id) ? ReviewStates.Drawn : ReviewStates.NotDrawn;
                    }
                    break;
                case LedgerKinds.ReviewFinding:
                    review[e.Case!] = e.Level ?? ReviewStates.Passed;
                    break;
                case LedgerKinds.Node when e.Node == "archiving":
                    archived++;
                    Assert.False(ReviewStates.HoldsArchive(review.GetValueOrDefault(e.Case!)), $"{e.Case} archived while its review stood at {review.GetValueOrDefault(e.Case!)}");
                    break;
            }
        }
        Assert.True(archived > 5, $"{archived} archived");
        Assert.Contains(review.Values, v => v == ReviewStates.Passed);
        ledger.Replayed();
    }
}
