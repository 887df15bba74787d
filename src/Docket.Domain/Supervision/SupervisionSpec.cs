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
}

/// <summary>
/// Professional judges' meetings (cases 164, 165): held every <see cref="EveryDays"/> for the flagged cases waiting,
/// with at least <see cref="Judges"/> judges, no more than half from one department (team group); each participant
/// spends <see cref="Hours"/>; <see cref="ParticipationsPerCase"/> participations count as one case.
/// </summary>
public sealed record MeetingSpec(double EveryDays, int Judges, EffortDistribution Hours, int ParticipationsPerCase)
{
    public static MeetingSpec Default { get; } = new(7, 7, new FixedEffort(2.0), 10);
}
