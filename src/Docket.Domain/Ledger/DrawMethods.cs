namespace Docket.Domain.Ledger;

/// <summary>How a draw picks among the eligible teams (see docs/api.md).</summary>
public static class DrawMethods
{
    public const string Uniform = "uniform";
    public const string Weighted = "weighted";
    public const string Deck = "deck";
}
