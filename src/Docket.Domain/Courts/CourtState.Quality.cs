using Docket.Domain.Deadlines;
using Docket.Domain.Ledger;
using Docket.Domain.Quality;
using Docket.Domain.Randomness;

namespace Docket.Domain.Courts;

/// <summary>
/// Quality review in the live court (cases 162, 166, 159): the draw among the closed files not yet archived (re-made
/// from the epoch's secret like an assignment draw), the card a finding earns (a judge's second general problem
/// within the window is red, so the court keeps each judge's last one), and archiving held until the review passes.
/// Under rules version 3 (<see cref="CourtRules.QualityHoldVersion"/>) a court whose scenario has a quality review also
/// holds each judge's file of the year at closure for the next draw (case 166: the simulator's reservoir, the draws
/// standing for its sessions), and keeps per judge and year the files closed, held, drawn and reviewed.
/// </summary>
public sealed partial class CourtState
{
    /// <summary>The draw's method as the ledger names it.</summary>
    public const string ReviewDrawMethod = "review_sample";

    private static readonly QualityReviewSpec s_defaultReview = new();

    private readonly Dictionary<string, DateTimeOffset> _lastGeneral = new(StringComparer.Ordinal);

    private readonly Dictionary<(string Judge, int Year), JudgeYear> _judgeYears = [];

    /// <summary>
    /// Whether the court holds files for review at closure (<see cref="ReviewHoldOf"/>): its scenario has a
    /// <c>quality_review</c> (without one nobody is expected to draw, and nothing may wait for it) and the ledger began
    /// under <see cref="CourtRules.QualityHoldVersion"/>.
    /// </summary>
    public bool HoldsFilesForReview => _court.Layout.Spec.QualityReview is not null && RulesVersion >= CourtRules.QualityHoldVersion;

    /// <summary>The entity key of the holds' draws: <c>StreamKey.Of("{court}/quality-review/hold")</c>, the purpose the case number.</summary>
    public ulong ReviewHoldStreamKey => StreamKey.Of($"{_court.Id}/quality-review/hold");

    /// <summary>
    /// The close entry's <c>review</c> when case <paramref name="c"/> closes at <paramref name="at"/>: <c>held</c> when
    /// its file takes its judge's place of the year (<see cref="QualityRules.HoldsForJudgeYear"/>, its uniform draw from
    /// <see cref="ReviewHoldStreamKey"/>), else null. Archiving then waits for the next draw, which draws the judge's
    /// latest held file of the year and passes over the ones it replaced.
    /// </summary>
    public string? ReviewHoldOf(CourtCase c, DateTimeOffset at) => HoldDecision(c, at) == true ? ReviewStates.NameOf(ReviewState.Held) : null;

    /// <summary>The hold decision; null when it cannot be made (the epoch's secret is not known and it is not the judge's first file of the year).</summary>
    private bool? HoldDecision(CourtCase c, DateTimeOffset at)
    {
        if (!HoldsFilesForReview || c.Judge is not { } judge)
        {
            return false;
        }
        var year = _judgeYears.GetValueOrDefault((judge, YearOf(at)));
        var nth = (year?.Closed ?? 0) + 1;
        if (year?.Drawn == true || nth == 1)
        {
            return QualityRules.HoldsForJudgeYear(year?.Drawn == true, nth, 0);
        }
        return Seed is { } seed ? QualityRules.HoldsForJudgeYear(false, nth, new RandomStream(seed, ReviewHoldStreamKey, (ulong)c.Number).NextDouble()) : null;
    }

    /// <summary>
    /// Each judge's files of <paramref name="year"/> (UTC calendar year of closure) under quality review: closed,
    /// held for a draw, drawn, reviewed; and the judges who closed files that year without one reviewed (case 166's
    /// check). Every judge of the court is listed, those who closed none with zeros.
    /// </summary>
    public QualityYear QualityYearOf(int year)
    {
        var heldBy = _held.Values.Where(c => c.Review == ReviewState.Held && c.ClosedAt is { } at && YearOf(at) == year)
            .CountBy(c => c.Judge ?? "").ToDictionary(StringComparer.Ordinal);
        var judges = new List<JudgeReviewYear>();
        for (var t = 0; t < _court.Layout.Teams.Count; t++)
        {
            var team = _court.Layout.Teams[t];
            for (var k = 0; k < _court.Layout.JudgesPerTeam[t]; k++)
            {
                var judge = Assignment.JudgeInCharge.Name(team.Id, k);
                var y = _judgeYears.GetValueOrDefault((judge, year));
                judges.Add(new JudgeReviewYear(judge, team.Id, y?.Closed ?? 0, heldBy.GetValueOrDefault(judge), y?.Drawn ?? false, y?.Reviewed ?? 0));
            }
        }
        return new QualityYear(_court.Id, year, HoldsFilesForReview, judges, [.. judges.Where(j => j.Closed > 0 && j.Reviewed == 0).Select(j => j.Judge)]);
    }

    private static int YearOf(DateTimeOffset at) => QualityRules.ReviewYearOf(at);

    private JudgeYear YearOf(CourtCase c) =>
        _judgeYears.TryGetValue((c.Judge ?? "", YearOf(c.ClosedAt ?? _applying)), out var y) ? y : _judgeYears[(c.Judge ?? "", YearOf(c.ClosedAt ?? _applying))] = new JudgeYear();

    /// <summary>A judge's year under quality review: files closed, the latest held (0: none), whether a draw drew one, files reviewed.</summary>
    private sealed class JudgeYear
    {
        public int Closed;
        public long Place;
        public bool Drawn;
        public int Reviewed;
    }

    /// <summary>The court's quality review: its scenario's <c>quality_review</c>, or that key's defaults.</summary>
    public QualityReviewSpec QualityReview => _court.Layout.Spec.QualityReview ?? s_defaultReview;

    /// <summary>The entity key of the court's quality-review draws: <c>StreamKey.Of("{court}/quality-review")</c>.</summary>
    public ulong ReviewStreamKey => StreamKey.Of($"{_court.Id}/quality-review");

    /// <summary>
    /// The draw a review_draw entry of sequence number <paramref name="seq"/> makes now: the eligible closed files (in
    /// memory, not finished, not yet covered by a draw; by case number), the sample among them and the draw's record;
    /// null with the reason when there is nothing to draw or the secret is not known.
    /// </summary>
    public (IReadOnlyList<CourtCase> Eligible, IReadOnlyList<CourtCase> Sample, LedgerDraw Draw)? MakeReviewDraw(long seq, out string? refusal)
    {
        if (Seed is not { } seed || Commitment is null)
        {
            refusal = $"the secret of epoch {Epoch} is not known: the draw cannot be made";
            return null;
        }
        var spec = QualityReview;
        var eligible = HeldCases.Where(c => c.Status == CourtCaseStatus.Closed && c.Review is null or ReviewState.Held).OrderBy(c => c.Number).ToList();
        if (eligible.Count == 0)
        {
            refusal = "no closed file waits for a draw (every closed file not yet archived was covered by an earlier one)";
            return null;
        }
        var candidates = eligible.Select(c => new SampleCandidate(c.Judge ?? c.Team ?? "", spec.ReviewsAll(_court.CaseTypes[_court.TypeIndex(c.Type)]), IsPlace(c))).ToList();
        var picked = QualityRules.DrawSample(candidates, spec.SampleShare, new RandomStream(seed, ReviewStreamKey, (ulong)seq));
        refusal = null;
        return (eligible, [.. picked.Select(i => eligible[i])], new LedgerDraw(Commitment, Epoch, ReviewStreamKey.ToString(System.Globalization.CultureInfo.InvariantCulture), seq, ReviewDrawMethod, null));
    }

    /// <summary>Whether the held file <paramref name="c"/> is its judge's latest held file of its year (the draw draws it).</summary>
    private bool IsPlace(CourtCase c) =>
        c.Review == ReviewState.Held && c.Judge is { } judge && c.ClosedAt is { } at
        && _judgeYears.TryGetValue((judge, YearOf(at)), out var y) && y.Place == c.Number;

    /// <summary>Why no finding can be recorded on the case now: it was not drawn, or its review has passed.</summary>
    public static string? RefuseFinding(CourtCase c) => c.Review switch
    {
        ReviewState.Drawn or ReviewState.YellowCard or ReviewState.RedCard => null,
        ReviewState.Passed => $"case {c.Id}'s review has passed",
        _ => $"case {c.Id} was not drawn for quality review",
    };

    /// <summary>The card <paramref name="finding"/> earns case <paramref name="c"/>'s judge at <paramref name="at"/> (<see cref="QualityRules.CardFor"/>).</summary>
    public QualityCard CardFor(CourtCase c, QualityFinding finding, DateTimeOffset at)
    {
        var last = c.Judge is { } judge && _lastGeneral.TryGetValue(judge, out var seen) ? Days(seen) : double.NaN;
        return QualityRules.CardFor(finding, last, Days(at), QualityReview.RepeatWindowDays);
    }

    /// <summary>The deadline to fix the file after <paramref name="card"/> given at <paramref name="at"/>; null without a card.</summary>
    public DateTimeOffset? FixDue(QualityCard card, DateTimeOffset at) => card == QualityCard.None ? null : at.AddDays(QualityReview.FixDays(card));

    /// <summary>
    /// Whether the report <paramref name="step"/> would archive the case (finish its last stage) while its review has
    /// not passed: the case's own record decides (<see cref="CaseCommands.Reach"/>, and the replay check).
    /// </summary>
    public static bool ArchiveWaits(Court court, CourtCase c, ProgressStep step) =>
        ReviewStates.HoldsArchive(c.Review) && c.StagesDone + step.Stages.Length >= court.CaseTypes[court.TypeIndex(c.Type)].Stages.Count;

    /// <summary>The card's name as the entry's level: yellow_card, red_card, or null for none.</summary>
    public static string? LevelOf(QualityCard card) => card == QualityCard.None ? null : ReviewStates.NameOf(ReviewStates.Of(card));

    private static double Days(DateTimeOffset at) => (at - DateTimeOffset.UnixEpoch).TotalDays;

    private string? CheckReviewDraw(LedgerEntry e)
    {
        if (Seed is null && LeavesAssignmentsToReplay)
        {
            return null;
        }
        if (MakeReviewDraw(e.Seq, out var refusal) is not var (eligible, sample, draw))
        {
            return $"the review draw cannot be re-made: {refusal}";
        }
        DrawsChecked++;
        return eligible.Select(c => c.Id).SequenceEqual(e.Eligible ?? []) && sample.Select(c => c.Id).SequenceEqual(e.Sample ?? []) && SameDraw(draw, e.Draw)
            ? null
            : "the review draw's eligible files, sample or draw differ from those re-made";
    }

    /// <summary>The close entry's <c>review</c> against the hold re-made (<see cref="ReviewHoldOf"/>; its draw only when the epoch's secret is known).</summary>
    private string? CheckReviewHold(CourtCase c, LedgerEntry e)
    {
        var held = ReviewStates.Parse(e.Review) == ReviewState.Held;
        if (e.Review is not null && !held)
        {
            return $"a close entry's review is held or absent, not '{e.Review}'";
        }
        return HoldDecision(c, e.At) is { } hold && hold != held
            ? $"the closure of case {e.Case} {(hold ? "holds" : "does not hold")} its file for the quality review's draw (its judge's file of the year), the entry says {e.Review ?? "not held"}"
            : null;
    }

    private string? CheckReviewFinding(LedgerEntry e)
    {
        var c = Case(e.Number ?? 0) ?? throw new InvalidOperationException($"no case {e.Case}");
        if (RefuseFinding(c) is { } refusal)
        {
            return refusal;
        }
        if (QualityFindings.Parse(e.Finding) is not { } finding)
        {
            return $"a review finding of case {e.Case} needs a finding (none, general or serious), not '{e.Finding}'";
        }
        var card = CardFor(c, finding, e.At);
        if (e.Level != LevelOf(card) || e.Judge != c.Judge || e.Due != FixDue(card, e.At))
        {
            return $"a {e.Finding} finding on case {e.Case} earns its judge {LevelOf(card) ?? "no card"} (due {FixDue(card, e.At)?.ToString("O") ?? "none"}), the entry says {e.Level ?? "none"} for {e.Judge}";
        }
        return null;
    }

    private void ApplyReviewDraw(LedgerEntry e)
    {
        var drawn = new HashSet<string>(e.Sample ?? [], StringComparer.Ordinal);
        foreach (var id in e.Eligible ?? [])
        {
            var c = _held.TryGetValue(_court.NumberOf(id), out var held) ? held : throw new InvalidOperationException($"case {id} is not a closed file at hand");
            if (drawn.Contains(id) && c.Judge is not null)
            {
                var year = YearOf(c);
                year.Drawn = true;
                year.Place = 0;
            }
            Set(CaseEntries.ReviewDrawn(c, e));
        }
    }

    /// <summary>A closure counts among its judge's files of the year; a held one takes the judge's place.</summary>
    private void NoteClosure(CourtCase closed, LedgerEntry e)
    {
        if (closed.Judge is null)
        {
            return;
        }
        var year = YearOf(closed);
        year.Closed++;
        if (ReviewStates.Parse(e.Review) == ReviewState.Held)
        {
            year.Place = closed.Number;
        }
    }

    private void NoteFinding(CourtCase c, LedgerEntry e)
    {
        if (c.Review == ReviewState.Drawn && c.Judge is not null)
        {
            YearOf(c).Reviewed++;
        }
        if (e.Finding == QualityFindings.General && e.Judge is { } judge)
        {
            _lastGeneral[judge] = e.At;
        }
    }

    private void WriteQuality(BinaryWriter w)
    {
        w.Write(_lastGeneral.Count);
        foreach (var (judge, at) in _lastGeneral.OrderBy(j => j.Key, StringComparer.Ordinal))
        {
            w.Write(judge);
            CourtTimes.Write(w, at);
        }
        w.Write(_judgeYears.Count);
        foreach (var ((judge, year), y) in _judgeYears.OrderBy(j => j.Key.Judge, StringComparer.Ordinal).ThenBy(j => j.Key.Year))
        {
            w.Write(judge);
            w.Write(year);
            w.Write(y.Closed);
            w.Write(y.Place);
            w.Write(y.Drawn);
            w.Write(y.Reviewed);
        }
    }

    private void ReadQuality(BinaryReader r)
    {
        for (var n = r.ReadInt32(); n > 0; n--)
        {
            _lastGeneral[r.ReadString()] = CourtTimes.Read(r);
        }
        for (var n = r.ReadInt32(); n > 0; n--)
        {
            _judgeYears[(r.ReadString(), r.ReadInt32())] = new JudgeYear { Closed = r.ReadInt32(), Place = r.ReadInt64(), Drawn = r.ReadBoolean(), Reviewed = r.ReadInt32() };
        }
    }
}
