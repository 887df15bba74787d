namespace Docket.Domain.Courts;

/// <summary>
/// Versions of the court's rules, recorded in a ledger's genesis entry so that a ledger is always re-made by the
/// rules it was written under.
/// </summary>
public static class CourtRules
{
    /// <summary>The judge in charge is the team's judge with the fewest open cases (before: the team's judges in turn).</summary>
    public const int JudgeInChargeVersion = 2;

    /// <summary>
    /// A court with a quality review holds each judge's file of the year at closure for the next review draw (the
    /// close entry's <c>review</c>); before it, a file archived between two draws was never drawn.
    /// </summary>
    public const int QualityHoldVersion = 3;

    /// <summary>
    /// Every command the court decides catches the waiting queue up first (<see cref="CourtCommands"/>): the
    /// escalations due by its moment and, after a team's return from an absence, every team's pulls in the court's
    /// order. So verification checks that no entry a command writes comes while a waiting case is due to escalate, or,
    /// after a return, while a team can take a waiting case (<see cref="OwedPull.OnReturn"/>). Before it, only filings
    /// and case commands caught up, and those are not checked.
    /// </summary>
    public const int CatchUpVersion = 4;

    /// <summary>
    /// A four-type case (filed flagged) closes only after a professional judges' meeting, as the simulator holds it:
    /// its filing entry carries the trigger <c>four_type</c>, its record's meeting stands <c>required</c> until someone
    /// refers it, and its closing stage is refused until the meeting has sat and its minutes are released (or the
    /// adjudication committee decided). Before it, only a case someone referred was held.
    /// </summary>
    public const int FourTypeMeetingVersion = 5;

    /// <summary>The version new ledgers begin under.</summary>
    public const int Version = FourTypeMeetingVersion;

    /// <summary>
    /// Why a genesis entry's <c>rules</c> cannot be replayed by this build (a version before the first, or one a later
    /// build wrote), or null; a genesis entry without <c>rules</c> was written under version 1.
    /// </summary>
    public static string? Unknown(int? rules) => rules is { } version && (version < 1 || version > Version)
        ? $"rules version {version} is not one this build knows (1 to {Version}): a ledger is replayed by the rules it was written under"
        : null;
}
