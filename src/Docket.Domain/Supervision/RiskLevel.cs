using System.Text.Json.Serialization;

namespace Docket.Domain.Supervision;

/// <summary>
/// Shangrao's risk levels (case 162) and the role that supervises each. JSON spells them as the API and the ledger
/// do (none, ordinary, larger, major: <see cref="RiskLevels.NameOf"/>).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<RiskLevel>))]
public enum RiskLevel : byte
{
    [JsonStringEnumMemberName("none")]
    None,

    [JsonStringEnumMemberName("ordinary")]
    Ordinary,

    [JsonStringEnumMemberName("larger")]
    Larger,

    [JsonStringEnumMemberName("major")]
    Major,
}

public static class RiskLevels
{
    /// <summary>Draws a level from a uniform number in [0, 1): major first, then larger, then ordinary.</summary>
    public static RiskLevel Draw(RiskShares shares, double u) =>
        u < shares.Major ? RiskLevel.Major
        : u < shares.Major + shares.Larger ? RiskLevel.Larger
        : u < shares.Major + shares.Larger + shares.Ordinary ? RiskLevel.Ordinary
        : RiskLevel.None;

    /// <summary>Ordinary risk: the division head; larger: a vice-president; major: the president.</summary>
    public static string Supervisor(RiskLevel level) => level switch
    {
        RiskLevel.Ordinary => Staffing.RoleCatalog.DivisionHead,
        RiskLevel.Larger => Staffing.RoleCatalog.VicePresident,
        RiskLevel.Major => Staffing.RoleCatalog.President,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>A level as the API and the ledger spell it (none, ordinary, larger, major); null for anything else.</summary>
    public static RiskLevel? Parse(string? risk) => risk switch
    {
        null or "" or "none" => RiskLevel.None,
        "ordinary" => RiskLevel.Ordinary,
        "larger" => RiskLevel.Larger,
        "major" => RiskLevel.Major,
        _ => null,
    };

    public static string NameOf(RiskLevel risk) => risk switch
    {
        RiskLevel.Ordinary => "ordinary",
        RiskLevel.Larger => "larger",
        RiskLevel.Major => "major",
        _ => "none",
    };
}
