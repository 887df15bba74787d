namespace Docket.Cli.Commands;

internal static class ExitCodes
{
    public const int Success = 0;
    public const int InternalFailure = 1;
    public const int BadInput = 2;

    /// <summary>`docket replay`: a decision of the ledger is made otherwise on replay.</summary>
    public const int Mismatch = 3;
}
