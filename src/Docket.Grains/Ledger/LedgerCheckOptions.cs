namespace Docket.Grains;

/// <summary>The <c>Docket:Audit</c> configuration section: how the background verification of a ledger paces itself.</summary>
public sealed class LedgerCheckOptions
{
    public const string Section = "Docket:Audit";

    /// <summary>
    /// Entries verified between two pauses. A page is verified in one turn of the verifying grain, on one of the cores
    /// the filings use: 250 entries take a few milliseconds, 2,000 took twenty and more, which a filing arriving then
    /// waited through (bench/README.md, "The verification in smaller pages").
    /// </summary>
    public int VerifyPage { get; set; } = 250;

    /// <summary>
    /// The share of one core a verification may take (0 to 1): after each page it pauses so that its working time is at
    /// most this share of the time it runs. 1: no pauses. A tenth: a verification replays the court into a second state
    /// and reads every entry's text, so it makes garbage at a rate proportional to its share; at a quarter of a core it
    /// put filings over their 20 ms p99 in the minute after a 1,000,000-entry court restarted (bench/README.md).
    /// </summary>
    public double VerifyShare { get; set; } = 0.1;

    /// <summary>Whether a court, once active, has its whole ledger verified in the background (closing it on a failure).</summary>
    public bool VerifyAtActivation { get; set; } = true;
}
