namespace Docket.Domain.Courts;

/// <summary>
/// Versions of the court's rules, recorded in a ledger's genesis entry so that a ledger is always re-made by the
/// rules it was written under.
/// </summary>
public static class CourtRules
{
    /// <summary>The judge in charge is the team's judge with the fewest open cases (before: the team's judges in turn).</summary>
    public const int JudgeInChargeVersion = 2;

    /// <summary>The version new ledgers begin under.</summary>
    public const int Version = JudgeInChargeVersion;
}
