using Docket.Domain.Cases;

namespace Docket.Domain.Supervision;

/// <summary>
/// A court's supervisors and the rules they apply: their numbers (their hours are a resource), what unlocking,
/// supervising a risk case, approving an extension and deciding a conversion cost them, when warnings go out, and the professional
/// judges' meetings.
/// </summary>
public sealed record SupervisionSpec(
    IReadOnlyDictionary<string, int> Staff,
    EffortDistribution UnlockHours,
    EffortDistribution OrdinaryRiskHours,
    EffortDistribution LargerRiskHours,
    EffortDistribution MajorRiskHours,
    EffortDistribution ExtensionApprovalHours,
    double WarnBeforeHours,
    double LimitWarnDays,
    double ReferralAfterDays,
    MeetingSpec Meeting)
{
    public static SupervisionSpec Default { get; } = new(
        new Dictionary<string, int> { ["division_head"] = 1, ["vice_president"] = 1, ["president"] = 1 },
        new FixedEffort(1.0), new FixedEffort(1.0), new FixedEffort(2.0), new FixedEffort(4.0), new FixedEffort(0.5),
        WarnBeforeHours: 48, LimitWarnDays: 30, ReferralAfterDays: 7, MeetingSpec.Default);

    /// <summary>The approver's time to decide a request to convert a case to ordinary procedure (cases 157, 159).</summary>
    public EffortDistribution ConversionApprovalHours { get; init; } = new FixedEffort(0.5);

    /// <summary>The adjudication committee, to which a four-type case goes when its panel departs from the meeting's majority.</summary>
    public CommitteeSpec Committee { get; init; } = CommitteeSpec.Default;

    /// <summary>
    /// Whether the scenario writes any key of the meetings' referrals (triggers, papers, attendance, the committee):
    /// only then does summary.json report them (<c>meeting_referrals</c>).
    /// </summary>
    public bool ReportsReferrals { get; init; }
}

/// <summary>
/// Professional judges' meetings (cases 164, 165): held every <see cref="EveryDays"/> for the flagged cases waiting,
/// with at least <see cref="Judges"/> judges, no more than half from one department (team group); each participant
/// spends <see cref="Hours"/>; <see cref="ParticipationsPerCase"/> participations count as one case.
/// </summary>
public sealed record MeetingSpec(double EveryDays, int Judges, EffortDistribution Hours, int ParticipationsPerCase)
{
    public static MeetingSpec Default { get; } = new(7, 7, new FixedEffort(2.0), 10);

    /// <summary>Days the papers go out before the meeting: a case joins the first meeting at least this long after it was referred.</summary>
    public double PapersDays { get; init; } = 7;

    /// <summary>The chance that a judge called to a meeting attends it (case 165: members attending under half are named).</summary>
    public double Attendance { get; init; } = 1;
}

/// <summary>
/// The adjudication committee (审判委员会): it sits every <see cref="EveryDays"/> when cases wait for it, its
/// <see cref="Members"/> each spending <see cref="Hours"/> of their own time (not the judges' or supervisors'), and
/// decides the cases before it at the session's end.
/// </summary>
public sealed record CommitteeSpec(double EveryDays, int Members, EffortDistribution Hours)
{
    public static CommitteeSpec Default { get; } = new(14, 9, new FixedEffort(3.0));
}

/// <summary>
/// A case type's chances, drawn at filing, of being referred to a professional judges' meeting for a reason other
/// than being four-type (cases 164, 165), and of its panel departing from the meeting's majority view.
/// </summary>
public sealed record MeetingReferralShares(double RemandOrReversal, double Remanded, double PanelSplit, double LeaderDisagrees, double Departs)
{
    /// <summary>The trigger drawn for <paramref name="u"/> in [0, 1): the first whose share it falls in, in <see cref="MeetingTriggers.All"/>'s order (index), or -1.</summary>
    public int Draw(double u)
    {
        ReadOnlySpan<double> shares = [RemandOrReversal, Remanded, PanelSplit, LeaderDisagrees];
        for (var i = 0; i < shares.Length; i++)
        {
            if (u < shares[i])
            {
                return i + 1;
            }
            u -= shares[i];
        }
        return -1;
    }
}
