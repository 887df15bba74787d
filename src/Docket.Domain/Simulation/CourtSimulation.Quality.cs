using Docket.Domain.Quality;
using Docket.Domain.Randomness;

namespace Docket.Domain.Simulation;

/// <summary>
/// Quality review (cases 162, 166, 159): at closure each file is drawn from its own stream — held when its type or
/// category is reviewed in full, when it falls in the proportional sample, or when it takes its judge's yearly place
/// (reservoir sampling of one, so each of the judge's files of the year is equally likely to be the one reviewed and a
/// judge who closes a file is reviewed). Sessions send the held files to the reviewers; a year's last session also
/// sends each judge's place. A review's finding earns a card (<see cref="QualityRules"/>); a carded file passes
/// once fixed. Archiving waits until the review passes.
/// </summary>
public sealed partial class CourtSimulation
{
    private readonly QualityDesk? _quality;

    /// <summary>Quality review inside the window; null when the court has none.</summary>
    public QualityCounters? Quality { get; }

    private void DrawForReview(int caseNo, double now)
    {
        ref var c = ref _cases[caseNo];
        var desk = _quality!;
        _caseRandom.Reseed(_seed, c.Key, StreamKey.Mix(StreamKey.Flags, 500, 0));
        var sampleDraw = _caseRandom.NextDouble();
        var placeDraw = _caseRandom.NextDouble();
        if (desk.ReviewsAll[c.Type])
        {
            c.Flags |= CaseFlags.ReviewHeld | CaseFlags.ReviewCategory;
            desk.Queue.Add(caseNo);
        }
        else if (QualityRules.InSample(sampleDraw, desk.Spec.SampleShare))
        {
            c.Flags |= CaseFlags.ReviewHeld | CaseFlags.ReviewSampled;
            desk.Queue.Add(caseNo);
        }
        var judge = _layout.JudgeIndex(c.Team, c.Judge);
        if (QualityRules.TakesJudgePlace(++desk.JudgeFiles[judge], placeDraw))
        {
            if (desk.JudgePlace[judge] >= 0)
            {
                ReleasePlace(desk.JudgePlace[judge], now);
            }
            desk.JudgePlace[judge] = caseNo;
            c.Flags |= CaseFlags.ReviewHeld | CaseFlags.ReviewJudgePlace;
        }
    }

    /// <summary>A file that lost its judge's place to a later one: archived as any other unless held for another reason.</summary>
    private void ReleasePlace(int caseNo, double now)
    {
        ref var c = ref _cases[caseNo];
        c.Flags &= ~CaseFlags.ReviewJudgePlace;
        if ((c.Flags & (CaseFlags.ReviewCategory | CaseFlags.ReviewSampled)) != 0)
        {
            return;
        }
        c.Flags &= ~CaseFlags.ReviewHeld;
        if ((c.Flags & CaseFlags.ReviewWaiting) != 0)
        {
            c.Flags &= ~CaseFlags.ReviewWaiting;
            Proceed(caseNo, now);
        }
    }

    /// <summary>Whether the closed case has reached archiving while held for review: it stops there until the review passes.</summary>
    private bool AwaitsReview(int caseNo)
    {
        ref var c = ref _cases[caseNo];
        if ((c.Flags & CaseFlags.ReviewHeld) == 0 || c.Status != CaseStatus.Closed || c.Stage < _quality!.ArchiveStage[c.Type])
        {
            return false;
        }
        c.Flags |= CaseFlags.ReviewWaiting;
        return true;
    }

    private void HoldReviewSession(int session, double now)
    {
        var desk = _quality!;
        var inWindow = now >= _windowStart;
        Quality!.Sessions += inWindow ? 1 : 0;
        var queued = desk.Queue.Count;
        for (var i = 0; i < queued; i++)
        {
            SendToReview(desk.Queue[i], now);
        }
        desk.Queue.RemoveRange(0, queued);
        if (desk.EndsYear(session))
        {
            for (var judge = 0; judge < desk.JudgePlace.Length; judge++)
            {
                if (desk.JudgePlace[judge] is var place and >= 0 && (_cases[place].Flags & CaseFlags.ReviewSent) == 0)
                {
                    SendToReview(place, now);
                }
                if (inWindow && desk.JudgeFiles[judge] > 0)
                {
                    Quality.JudgesClosing++;
                    Quality.JudgesReviewed += desk.JudgeReviewed[judge] ? 1 : 0;
                }
                desk.JudgePlace[judge] = -1;
                desk.JudgeFiles[judge] = 0;
                desk.JudgeReviewed[judge] = false;
            }
            Quality.Years += inWindow ? 1 : 0;
        }
        if (desk.SessionAt(session + 1) < _windowEnd)
        {
            _events.Push(desk.SessionAt(session + 1), SimEventKind.QualitySession, session + 1);
        }
    }

    private void SendToReview(int caseNo, double now)
    {
        ref var c = ref _cases[caseNo];
        c.Flags |= CaseFlags.ReviewSent;
        _quality!.JudgeReviewed[_layout.JudgeIndex(c.Team, c.Judge)] = true;
        _caseRandom.Reseed(_seed, c.Key, StreamKey.Mix(StreamKey.Flags, 500, 1));
        Supervise(CourtJobKind.ReviewFile, caseNo, _quality.Spec.Reviewer, _quality.Spec.ReviewHours.Sample(_caseRandom), now);
    }

    /// <summary>A reviewer finished a file: the finding (from the file's stream) earns its card; a carded file passes once fixed.</summary>
    private void ReviewDone(int caseNo, double hours, double now)
    {
        ref var c = ref _cases[caseNo];
        var desk = _quality!;
        _caseRandom.Reseed(_seed, c.Key, StreamKey.Mix(StreamKey.Flags, 500, 2));
        var finding = QualityRules.Find(_caseRandom.NextDouble(), desk.Odds[c.Type], c.Closed > c.Limit, desk.Spec.AfterLimitFactor);
        var judge = _layout.JudgeIndex(c.Team, c.Judge);
        var card = QualityRules.CardFor(finding, desk.LastGeneral[judge], now, desk.Spec.RepeatWindowDays);
        if (finding == QualityFinding.General)
        {
            desk.LastGeneral[judge] = now;
        }
        if (now >= _windowStart)
        {
            var q = Quality!;
            q.Reviewed++;
            q.ReviewerHours += hours;
            q.ByCategory += (c.Flags & CaseFlags.ReviewCategory) != 0 ? 1 : 0;
            q.BySample += (c.Flags & CaseFlags.ReviewSampled) != 0 ? 1 : 0;
            q.ByJudge += (c.Flags & (CaseFlags.ReviewCategory | CaseFlags.ReviewSampled)) == 0 ? 1 : 0;
            q.Passed += card == QualityCard.None ? 1 : 0;
            q.YellowCards += card == QualityCard.Yellow ? 1 : 0;
            q.RedCards += card == QualityCard.Red ? 1 : 0;
            q.RedForRepeat += card == QualityCard.Red && finding == QualityFinding.General ? 1 : 0;
        }
        if (card == QualityCard.None)
        {
            PassReview(caseNo, now);
            return;
        }
        c.Flags |= CaseFlags.ReviewFixing | CaseFlags.ReviewFixDays;
        _events.Push(now + desk.Spec.FixDays(card), SimEventKind.QualityFixed, caseNo);
        BookFix(caseNo, desk.Spec.FixHours(card).Sample(_caseRandom), now);
    }

    /// <summary>
    /// The carded file's fix is its judge's work, booked like a meeting seat: on the judge's own station ahead of the
    /// cases in their charge (a deadline announced to them), so a card costs judge capacity.
    /// </summary>
    private void BookFix(int caseNo, double hours, double now)
    {
        ref var c = ref _cases[caseNo];
        RunOrQueue(NewJob(CourtJobKind.FixFile, caseNo, -1, c.Team, hours), _layout.JudgeStation[c.Team] + c.Judge, now);
    }

    /// <summary>The judge finished the fix: the file passes once its fix days have passed too.</summary>
    private void FixDone(int caseNo, double hours, double now)
    {
        ref var c = ref _cases[caseNo];
        c.Flags &= ~CaseFlags.ReviewFixing;
        if (now >= _windowStart)
        {
            Quality!.JudgeFixHours += hours;
        }
        if ((c.Flags & CaseFlags.ReviewFixDays) == 0)
        {
            PassReview(caseNo, now);
        }
    }

    /// <summary>The carded file's fix days have passed: it passes once its judge's fix is done too.</summary>
    private void FixDaysPassed(int caseNo, double now)
    {
        ref var c = ref _cases[caseNo];
        c.Flags &= ~CaseFlags.ReviewFixDays;
        if ((c.Flags & CaseFlags.ReviewFixing) == 0)
        {
            PassReview(caseNo, now);
        }
    }

    /// <summary>The file's review passed (at once, or once a carded file is fixed): its archiving goes on.</summary>
    private void PassReview(int caseNo, double now)
    {
        ref var c = ref _cases[caseNo];
        c.Flags &= ~(CaseFlags.ReviewHeld | CaseFlags.ReviewJudgePlace);
        // Its judge's place names it no more: a done case's slot may go to another case (ReusesClosedSlots).
        var judge = _layout.JudgeIndex(c.Team, c.Judge);
        if (_quality!.JudgePlace[judge] == caseNo)
        {
            _quality.JudgePlace[judge] = -1;
        }
        if ((c.Flags & CaseFlags.ReviewWaiting) != 0)
        {
            c.Flags &= ~CaseFlags.ReviewWaiting;
            Proceed(caseNo, now);
        }
    }

    private void ArchivedAfterReview(int caseNo, double now)
    {
        ref var c = ref _cases[caseNo];
        if ((c.Flags & CaseFlags.ReviewSent) != 0 && now >= _windowStart)
        {
            Quality!.ArchivedAfterReview++;
            Quality.ReviewedArchiveDays += now - c.Closed;
        }
    }
}
