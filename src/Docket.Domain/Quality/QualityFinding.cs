namespace Docket.Domain.Quality;

/// <summary>What a review finds in a file (case 159).</summary>
public enum QualityFinding : byte
{
    /// <summary>No problem: the review passes and the file may be archived.</summary>
    None,

    /// <summary>A general problem: a yellow card (a letter to the judge), or a red one when it repeats within the window.</summary>
    General,

    /// <summary>A serious problem: a red card, announced court-wide with a deadline to fix.</summary>
    Serious,
}

/// <summary>The card a finding earns.</summary>
public enum QualityCard : byte
{
    None,
    Yellow,
    Red,
}

/// <summary>The findings' names as the scenario, the ledger and the API spell them.</summary>
public static class QualityFindings
{
    public const string None = "none";
    public const string General = "general";
    public const string Serious = "serious";

    public static IReadOnlyList<string> All { get; } = [None, General, Serious];

    public static QualityFinding? Parse(string? name) => name switch
    {
        None => QualityFinding.None,
        General => QualityFinding.General,
        Serious => QualityFinding.Serious,
        _ => null,
    };

    public static string NameOf(QualityFinding finding) => finding switch
    {
        QualityFinding.General => General,
        QualityFinding.Serious => Serious,
        _ => None,
    };
}
