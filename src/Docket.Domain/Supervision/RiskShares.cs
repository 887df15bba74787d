namespace Docket.Domain.Supervision;

/// <summary>
/// Shangrao's three risk levels (case 162), drawn at filing: the share of a type's cases at each level. Ordinary
/// risk is supervised by the division head, larger by a vice-president, major by the president.
/// </summary>
public sealed record RiskShares(double Ordinary, double Larger, double Major)
{
    public static RiskShares None { get; } = new(0, 0, 0);
}
