using Docket.Domain.Staffing;

namespace Docket.Domain.Access;

/// <summary>
/// The roles a user of the live service has. The court roles are the staffing catalog's (<see cref="RoleCatalog"/>),
/// spelled as scenarios spell them; the others are the service's own.
/// </summary>
public static class UserRoles
{
    public const string Registrar = "registrar";
    public const string Judge = RoleCatalog.Judge;
    public const string Clerk = RoleCatalog.Clerk;
    public const string DivisionHead = RoleCatalog.DivisionHead;
    public const string President = RoleCatalog.President;

    /// <summary>A reviewer of closed files (quality review, cases 162, 166, 159), of one court.</summary>
    public const string Reviewer = "reviewer";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Registrar, Judge, Clerk, DivisionHead, President, Reviewer, Auditor, Admin];
}
