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

    /// <summary>The version new ledgers begin under.</summary>
    public const int Version = QualityHoldVersion;
}
