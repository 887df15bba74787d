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
        Assert.All(closed, c => Assert.Equal(sample.Contains(c.Id) ? ReviewState.Drawn : ReviewState.NotDrawn, ledger.State.Case(c.Number)!.Review));
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
        Assert.Equal(ReviewState.Drawn, ledger.State.Case(c.Number)!.Review);

        var refused = CourtCommands.Reach(ledger.State, c.Number, "archiving", ledger.JudgeOf(c), s_at.AddDays(2));
        Assert.Equal(Outcome.Conflict, refused.Refused?.Outcome);
        Assert.Contains("archiving waits", refused.Refused!.Error, StringComparison.Ordinal);

        Assert.Null(ledger.Add(CourtCommands.RecordFinding(ledger.State, c.Number, QualityFinding.General, "the record is incomplete", ledger.Reviewer, s_at.AddDays(2))).Refused);
        var finding = LedgerEntry.Parse(ledger.Records[^1].Json);
        Assert.Equal("yellow_card", finding.Level);
        Assert.Equal(c.Judge, finding.Judge);
        Assert.Equal(s_at.AddDays(12), finding.Due);
        Assert.Equal(Outcome.Conflict, CourtCommands.Reach(ledger.State, c.Number, "archiving", ledger.JudgeOf(c), s_at.AddDays(3)).Refused?.Outcome);

        Assert.Null(ledger.Add(CourtCommands.RecordFinding(ledger.State, c.Number, QualityFinding.None, "fixed", ledger.DivisionHeadOf(c), s_at.AddDays(12))).Refused);
        Assert.Equal(ReviewState.Passed, ledger.State.Case(c.Number)!.Review);
        Assert.Equal(Outcome.Conflict, CourtCommands.RecordFinding(ledger.State, c.Number, QualityFinding.None, null, ledger.Reviewer, s_at.AddDays(12)).Refused?.Outcome);
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
        ledger.Add(CourtCommands.RecordFinding(ledger.State, first.Number, QualityFinding.General, null, ledger.Reviewer, s_at.AddDays(2)));
        Assert.Equal(ReviewState.YellowCard, ledger.State.Case(first.Number)!.Review);

        var saved = new MemoryStream();
        ledger.State.WriteSnapshot(saved);
        saved.Position = 0;
        ledger.State = CourtState.ReadSnapshot(ledger.Court, e => LiveLedger.Secret(1, e), saved);

        Assert.Null(ledger.Add(CourtCommands.RecordFinding(ledger.State, second.Number, QualityFinding.General, null, ledger.Reviewer, s_at.AddDays(50))).Refused);
        var red = LedgerEntry.Parse(ledger.Records[^1].Json);
        Assert.Equal("red_card", red.Level);
        Assert.Equal(s_at.AddDays(70), red.Due);
        ledger.Replayed();
        Assert.Contains("earns its judge red_card", ledger.ReplayForged(red with { Level = "yellow_card" }), StringComparison.Ordinal);
    }

    [Fact]
    public void A_serious_problem_is_red_at_once_and_a_general_one_after_the_window_is_yellow_again()
    {
        var ledger = new Ledger();
        var cases = Enumerable.Range(0, 12).Select(i => ledger.Closed("family", s_at.AddHours(2 * i))).ToList();
        ledger.Add(CourtCommands.DrawForReview(ledger.State, ledger.Reviewer, s_at.AddDays(1)));
        var byJudge = cases.GroupBy(c => c.Judge).First(g => g.Count() >= 3).ToList();

        ledger.Add(CourtCommands.RecordFinding(ledger.State, byJudge[0].Number, QualityFinding.Serious, null, ledger.Reviewer, s_at.AddDays(2)));
        Assert.Equal(ReviewState.RedCard, ledger.State.Case(byJudge[0].Number)!.Review);
        ledger.Add(CourtCommands.RecordFinding(ledger.State, byJudge[1].Number, QualityFinding.General, null, ledger.Reviewer, s_at.AddDays(3)));
        Assert.Equal(ReviewState.YellowCard, ledger.State.Case(byJudge[1].Number)!.Review);
        ledger.Add(CourtCommands.RecordFinding(ledger.State, byJudge[2].Number, QualityFinding.General, null, ledger.Reviewer, s_at.AddDays(104)));
        Assert.Equal(ReviewState.YellowCard, ledger.State.Case(byJudge[2].Number)!.Review);
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

        Assert.Equal(Outcome.Forbidden, CourtCommands.RecordFinding(ledger.State, c.Number, QualityFinding.None, null, otherHead, s_at.AddDays(2)).Refused?.Outcome);
        Assert.Equal(Outcome.Forbidden, CourtCommands.RecordFinding(ledger.State, c.Number, QualityFinding.None, null, ledger.JudgeOf(c), s_at.AddDays(2)).Refused?.Outcome);
        var bad = CourtCommands.RecordFinding(ledger.State, c.Number, (QualityFinding)9, null, ledger.Reviewer, s_at.AddDays(2)).Refused!;
        Assert.Equal(Outcome.Invalid, bad.Outcome);
        Assert.Equal("finding", bad.Field);
        Assert.Equal(Outcome.NotFound, CourtCommands.RecordFinding(ledger.State, 999, QualityFinding.None, null, ledger.Reviewer, s_at.AddDays(2)).Refused?.Outcome);
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
        var findings = new[] { QualityFinding.None, QualityFinding.General, QualityFinding.Serious };
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
        var review = new Dictionary<string, ReviewState?>();
        var archived = 0;
        foreach (var e in ledger.Records.Select(r => LedgerEntry.Parse(r.Json)))
        {
            switch (e.Kind)
            {
                case LedgerKinds.ReviewDraw:
                    foreach (var id in e.Eligible!)
                    {
                        review[id] = e.Sample!.Contains(id) ? ReviewState.Drawn : ReviewState.NotDrawn;
                    }
                    break;
                case LedgerKinds.ReviewFinding:
                    review[e.Case!] = e.Level is null ? ReviewState.Passed : ReviewStates.Parse(e.Level);
                    break;
                case LedgerKinds.Close:
                    review[e.Case!] = ReviewStates.Parse(e.Review);
                    break;
                case LedgerKinds.Node when e.Node == "archiving":
                    archived++;
                    Assert.False(ReviewStates.HoldsArchive(review.GetValueOrDefault(e.Case!)), $"{e.Case} archived while its review stood at {review.GetValueOrDefault(e.Case!)}");
                    break;
            }
        }
        Assert.True(archived > 5, $"{archived} archived");
        Assert.Contains(review.Values, v => v == ReviewState.Passed);
        ledger.Replayed();
    }

    [Fact]
    public void A_judges_first_file_of_the_year_is_held_at_closure_and_archiving_waits_for_the_draw()
    {
        var ledger = new Ledger();
        var first = ledger.Closed("civil", s_at);
        var close = LedgerEntry.Parse(ledger.Records[^1].Json);
        Assert.Equal(LedgerKinds.Close, close.Kind);
        Assert.Equal("held", close.Review);
        Assert.Equal(ReviewState.Held, first.Review);
        var refused = ledger.Archive(first, s_at.AddDays(1)).Refused;
        Assert.Equal(Outcome.Conflict, refused?.Outcome);
        Assert.Contains("archiving waits", refused!.Error, StringComparison.Ordinal);

        // The judge's later files of the year are held with chance 1/n (the reservoir); the draw draws the latest held.
        var files = new List<CourtCase> { first };
        for (var hour = 2; files.Count < 12; hour += 2)
        {
            var c = ledger.Closed("civil", s_at.AddHours(hour));
            if (c.Judge == first.Judge)
            {
                files.Add(c);
            }
        }
        var held = files.Where(c => ledger.State.Case(c.Number)!.Review == ReviewState.Held).ToList();
        Assert.Contains(held, c => c.Number == first.Number);
        var drawAt = ledger.State.LastAt.AddHours(1);
        Assert.Null(ledger.Add(CourtCommands.DrawForReview(ledger.State, ledger.Reviewer, drawAt)).Refused);
        var sample = LedgerEntry.Parse(ledger.Records[^1].Json).Sample!;
        Assert.Contains(held[^1].Id, sample);
        Assert.All(held.SkipLast(1).Where(c => !sample.Contains(c.Id)), c =>
        {
            Assert.Equal(ReviewState.NotDrawn, ledger.State.Case(c.Number)!.Review);
            Assert.Null(ledger.Archive(c, drawAt.AddHours(1)).Refused);
        });

        // Drawn this year: the judge's later files of the year are not held.
        CourtCase after;
        var more = 0;
        do
        {
            after = ledger.Closed("civil", drawAt.AddHours(more += 2));
        }
        while (after.Judge != first.Judge);
        Assert.Null(ledger.State.Case(after.Number)!.Review);
        ledger.Replayed();
    }

    [Fact]
    public void A_held_file_passed_over_by_a_draw_and_archived_reads_not_drawn_when_read_back_from_the_entries_that_name_it()
    {
        var ledger = new Ledger();
        var files = Enumerable.Range(0, 30).Select(i => ledger.Closed("civil", s_at.AddHours(i * 2))).ToList();
        var drawAt = ledger.State.LastAt.AddHours(1);
        Assert.Null(ledger.Add(CourtCommands.DrawForReview(ledger.State, ledger.Reviewer, drawAt)).Refused);
        var draw = LedgerEntry.Parse(ledger.Records[^1].Json);
        var passedOver = files.Where(c => c.Review == ReviewState.Held && !draw.Sample!.Contains(c.Id)).ToList();
        Assert.NotEmpty(passedOver);
        foreach (var c in passedOver)
        {
            Assert.Equal(ReviewState.NotDrawn, ledger.State.Case(c.Number)!.Review);
            Assert.Null(ledger.Archive(c, drawAt.AddHours(1)).Refused);
            // Finished, it is read back from the entries that name it once it leaves memory — its own and the draw,
            // which names it among many (NamedCases) — and it reads passed over, as the court held it, at its last
            // entry's version.
            Assert.True(ledger.State.IsFinished(c.Number));
            var entries = ledger.Records.Where(r => r.CaseId == c.Id || NamedCases.Besides(r).Contains(c.Id)).Select(r => LedgerEntry.Parse(r.Json)).ToList();
            Assert.Contains(entries, e => e.Kind == LedgerKinds.ReviewDraw);
            var folded = CaseEntries.Fold(ledger.Court, entries);
            Assert.Equal(ReviewState.NotDrawn, folded.Review);
            Assert.Equal(entries[^1].Seq, folded.Version);
        }
    }

    [Fact]
    public void A_close_entry_forged_to_leave_out_or_add_the_hold_fails_replay()
    {
        var ledger = new Ledger();
        ledger.Closed("civil", s_at);
        var close = LedgerEntry.Parse(ledger.Records[^1].Json);
        Assert.Contains("holds its file for the quality review's draw", ledger.ReplayForged(close with { Review = null }), StringComparison.Ordinal);
        Assert.Contains("held or absent", ledger.ReplayForged(close with { Review = "drawn" }), StringComparison.Ordinal);

        // A court without a quality review holds nothing: its files are archived as before.
        var plain = new ScenarioLedger(Yaml.Replace("quality_review: {", "# quality_review: {", StringComparison.Ordinal), "quality");
        var c = plain.FileAt("civil", s_at);
        Assert.Null(plain.Add(CourtCommands.Reach(plain.State, c.Number, "judgment", plain.JudgeOf(c), s_at.AddHours(1))).Refused);
        Assert.Null(LedgerEntry.Parse(plain.Records[^1].Json).Review);
        Assert.Null(plain.Add(CourtCommands.Reach(plain.State, c.Number, "archiving", plain.JudgeOf(c), s_at.AddHours(2))).Refused);
        var archivedClose = LedgerEntry.Parse(plain.Records[^2].Json);
        Assert.Contains("does not hold", plain.ReplayWith(plain.Records.Count - 2, archivedClose with { Review = "held" }) ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void With_enough_closures_and_eager_archiving_every_judge_has_a_file_of_the_year_drawn_and_reviewed(int seed)
    {
        var ledger = new Ledger();
        var random = new Random(seed);
        var year = s_at.Year;
        var at = s_at;
        var yearEnd = new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var drawsAt = new Queue<DateTimeOffset>([new(year, 7, 1, 0, 0, 0, TimeSpan.Zero), yearEnd.AddDays(3)]);
        while (at < yearEnd.AddDays(10))
        {
            at = at.AddHours(random.Next(3, 30));
            if (drawsAt.TryPeek(out var due) && at >= due)
            {
                drawsAt.Dequeue();
                ledger.Add(CourtCommands.DrawForReview(ledger.State, ledger.Reviewer, at));
                foreach (var drawn in ledger.State.HeldCases.Where(c => c.Review == ReviewState.Drawn).ToList())
                {
                    Assert.Null(ledger.Add(CourtCommands.RecordFinding(ledger.State, drawn.Number, QualityFinding.None, null, ledger.Reviewer, at)).Refused);
                }
                if (drawsAt.Count == 0)
                {
                    // Halfway through: the court restarts from its saved state, judge-years and all.
                    var saved = new MemoryStream();
                    ledger.State.WriteSnapshot(saved);
                    saved.Position = 0;
                    ledger.State = CourtState.ReadSnapshot(ledger.Court, e => LiveLedger.Secret(1, e), saved);
                }
                continue;
            }
            if (at >= yearEnd)
            {
                continue;
            }
            var c = ledger.Closed(random.Next(10) == 0 ? "family" : "civil", at);
            // Every judge tries to archive at once: only the files held for review wait.
            ledger.Archive(c, at.AddHours(2));
        }

        var report = ledger.State.QualityYearOf(year);
        Assert.True(report.HoldsFiles);
        Assert.Equal(ledger.Court.Layout.Teams.Count, report.Judges.Count);
        Assert.All(report.Judges, j => Assert.True(j.Closed > 10, $"{j.Judge} closed {j.Closed}"));
        Assert.All(report.Judges, j => Assert.True(j.Drawn && j.Reviewed >= 1, $"{j.Judge}: drawn {j.Drawn}, reviewed {j.Reviewed}"));
        Assert.Empty(report.WithoutReview);
        var drawnJudges = ledger.Records.Select(r => LedgerEntry.Parse(r.Json)).Where(e => e.Kind == LedgerKinds.ReviewDraw)
            .SelectMany(e => e.Sample!).Select(id => ledger.State.Case(ledger.Court.NumberOf(id))?.Judge).ToHashSet();
        Assert.All(report.Judges, j => Assert.Contains(j.Judge, drawnJudges));
        ledger.Replayed();
    }

    [Fact]
    public void The_years_report_lists_the_judges_who_closed_files_without_one_reviewed()
    {
        var ledger = new Ledger();
        var c = ledger.Closed("civil", s_at);
        var report = ledger.State.QualityYearOf(s_at.Year);
        var row = Assert.Single(report.Judges, j => j.Judge == c.Judge);
        Assert.Equal((1, 1, false, 0), (row.Closed, row.Held, row.Drawn, row.Reviewed));
        Assert.Equal([c.Judge!], report.WithoutReview);
        Assert.All(report.Judges.Where(j => j.Judge != c.Judge), j => Assert.Equal(0, j.Closed));

        ledger.Add(CourtCommands.DrawForReview(ledger.State, ledger.Reviewer, s_at.AddDays(1)));
        Assert.Equal([c.Judge!], ledger.State.QualityYearOf(s_at.Year).WithoutReview);
        ledger.Add(CourtCommands.RecordFinding(ledger.State, c.Number, QualityFinding.Serious, null, ledger.Reviewer, s_at.AddDays(2)));
        var reviewed = ledger.State.QualityYearOf(s_at.Year);
        Assert.Empty(reviewed.WithoutReview);
        Assert.Equal((1, 0, true, 1), reviewed.Judges.Where(j => j.Judge == c.Judge).Select(j => (j.Closed, j.Held, j.Drawn, j.Reviewed)).Single());
        Assert.Empty(ledger.State.QualityYearOf(s_at.Year + 1).WithoutReview);
    }
}
