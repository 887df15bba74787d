using Docket.Domain.Access;
using Docket.Domain.Ledger;
using Docket.Domain.Supervision;

namespace Docket.Domain.Courts;

/// <summary>A court's professional judges' meetings and adjudication committee (cases 164, 165), as its ledger records them.</summary>
public sealed partial class CourtState
{
    /// <summary>Days the papers go out before a meeting sits (the scenario's <c>meeting.papers_days</c>).</summary>
    public double PapersDays => _court.Layout.Spec.Supervision.Meeting.PapersDays;

    /// <summary>Why the meeting or committee entry could not be made on its case then (<see cref="MeetingReferral"/>); null when it could.</summary>
    private string? RefuseMeetingEntry(LedgerEntry e)
    {
        var c = Case(e.Number ?? 0) ?? throw new InvalidOperationException($"no case {e.Case}");
        var refusal = e.Kind switch
        {
            LedgerKinds.MeetingReferred => string.IsNullOrWhiteSpace(e.Reason)
                ? "a referral needs a reason"
                : MeetingReferral.RefuseReferral(c.Meeting, c.Status != CourtCaseStatus.Closed, e.Trigger, e.By?.Role ?? "")?.Problem,
            LedgerKinds.MeetingHeld => e.Adopted is null ? "a meeting held records whether the panel adopted its majority view" : MeetingReferral.RefuseHeld(c.Meeting, e.At, PapersDays),
            LedgerKinds.MeetingReleased => MeetingReferral.RefuseRelease(c.Meeting, c.Flagged),
            LedgerKinds.CommitteeReferred => MeetingReferral.RefuseCommittee(c.Meeting),
            _ => string.IsNullOrWhiteSpace(e.Reason) ? "the committee's decision needs a reason" : MeetingReferral.RefuseCommitteeDecision(c.Meeting),
        };
        return refusal is null ? null : $"the {e.Kind} entry of case {e.Case} is not allowed: {refusal}";
    }
}
