namespace Docket.Cli.Commands;

internal static class ExitCodes
{
    public const int Success = 0;
    public const int InternalFailure = 1;
    public const int BadInput = 2;

    /// <summary>`docket replay`: a decision of the ledger is made otherwise on replay.</summary>
    public const int Mismatch = 3;

    /// <summary>`docket audit randomness`: some period's draws depart from the recorded probabilities at the level.</summary>
    public const int Departs = 3;

    /// <summary>`--cluster redis`: no silo of the cluster could be reached, or the run lost a silo (re-run it).</summary>
    public const int ClusterUnavailable = 4;
}
