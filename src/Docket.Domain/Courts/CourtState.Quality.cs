using Docket.Domain.Deadlines;
using Docket.Domain.Ledger;
using Docket.Domain.Quality;
using Docket.Domain.Randomness;

namespace Docket.Domain.Courts;

/// <summary>
/// Quality review in the live court (cases 162, 166, 159): the draw among the closed files not yet archived (re-made
/// from the epoch's secret like an assignment draw), the card a finding earns (a judge's second general problem
/// within the window is red, so the court keeps each judge's last one), and archiving held until the review passes.
/// </summary>
public sealed partial class CourtState
{
    /// <summary>The draw's method as the ledger names it.</summary>
    public const string ReviewDrawMethod = "review_sample";

    private static readonly QualityReviewSpec s_defaultReview = new();

    private readonly Dictionary<string, DateTimeOffset> _lastGeneral = new(StringComparer.Ordinal);

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
        var eligible = HeldCases.Where(c => c.Status == CourtCaseStatus.Closed && c.Review is null).OrderBy(c => c.Number).ToList();
        if (eligible.Count == 0)
        {
            refusal = "no closed file waits for a draw (every closed file not yet archived was covered by an earlier one)";
            return null;
        }
        var candidates = eligible.Select(c => new SampleCandidate(c.Judge ?? c.Team ?? "", spec.ReviewsAll(_court.CaseTypes[_court.TypeIndex(c.Type)]))).ToList();
        var picked = QualityRules.DrawSample(candidates, spec.SampleShare, new RandomStream(seed, ReviewStreamKey, (ulong)seq));
        refusal = null;
        return (eligible, [.. picked.Select(i => eligible[i])], new LedgerDraw(Commitment, Epoch, ReviewStreamKey.ToString(System.Globalization.CultureInfo.InvariantCulture), seq, ReviewDrawMethod, null));
    }

    /// <summary>Why no finding can be recorded on the case now: it was not drawn, or its review has passed.</summary>
    public static string? RefuseFinding(CourtCase c) => c.Review switch
    {
        ReviewStates.Drawn or ReviewStates.YellowCard or ReviewStates.RedCard => null,
        ReviewStates.Passed => $"case {c.Id}'s review has passed",
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
    public static string? LevelOf(QualityCard card) => card == QualityCard.None ? null : ReviewStates.Of(card);

    private static double Days(DateTimeOffset at) => (at - DateTimeOffset.UnixEpoch).TotalDays;

    private string? CheckReviewDraw(LedgerEntry e)
    {
        if (MakeReviewDraw(e.Seq, out var refusal) is not var (eligible, sample, draw))
        {
            return $"the review draw cannot be re-made: {refusal}";
        }
        DrawsChecked++;
        return eligible.Select(c => c.Id).SequenceEqual(e.Eligible ?? []) && sample.Select(c => c.Id).SequenceEqual(e.Sample ?? []) && SameDraw(draw, e.Draw)
            ? null
            : "the review draw's eligible files, sample or draw differ from those re-made";
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
            Set(c with { Review = drawn.Contains(id) ? ReviewStates.Drawn : ReviewStates.NotDrawn, Version = e.Seq });
        }
    }

    private void NoteFinding(LedgerEntry e)
    {
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
    }

    private void ReadQuality(BinaryReader r)
    {
        for (var n = r.ReadInt32(); n > 0; n--)
        {
            _lastGeneral[r.ReadString()] = CourtTimes.Read(r);
        }
    }
}
