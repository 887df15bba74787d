using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
namespace Docket.Domain.Access;

/// <summary>The roles a user of the live service has; the court roles are spelled as scenarios spell them.</summary>
public static class UserRoles
{
    public const string Registrar = "registrar";
    public const string Judge = "judge";
    public const string Clerk = "clerk";
    public const string DivisionHead = "division_head";
    public const string President = "president";

    /// <summary>A reviewer of closed files (quality review, cases 162, 166, 159), of one court.</summary>
    public const string Reviewer = "reviewer";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Registrar, Judge, Clerk, DivisionHead, President, Reviewer, Auditor, Admin];
}
