using Docket.Abstractions.Live;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Microsoft.AspNetCore.Authorization;

namespace Docket.Server.Api;

/// <summary>Role gates per route (403 for an authenticated user of another role); courts, divisions and teams are checked per case.</summary>
internal static class Policies
{
    public const string Registrar = "registrar";
    public const string Reporter = "reporter";
    public const string Supervisor = "supervisor";
    public const string President = "president";
    public const string AbsenceKeeper = "absences";
    public const string CaseloadReader = "caseload";
    public const string KpiReader = "kpis";
    public const string Auditor = "audit";
    public const string Admin = "admin";

    public static void Add(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Registrar, p => p.RequireRole(UserRoles.Registrar));
        options.AddPolicy(Reporter, p => p.RequireRole(UserRoles.Judge, UserRoles.Clerk));
        options.AddPolicy(Supervisor, p => p.RequireRole(UserRoles.DivisionHead, UserRoles.President));
        options.AddPolicy(President, p => p.RequireRole(UserRoles.President));
        options.AddPolicy(AbsenceKeeper, p => p.RequireRole(UserRoles.DivisionHead, UserRoles.President, UserRoles.Admin));
        options.AddPolicy(CaseloadReader, p => p.RequireRole(UserRoles.All.ToArray()));
        options.AddPolicy(KpiReader, p => p.RequireRole(UserRoles.DivisionHead, UserRoles.President, UserRoles.Auditor, UserRoles.Admin));
        options.AddPolicy(Auditor, p => p.RequireRole(UserRoles.Auditor, UserRoles.Admin));
        options.AddPolicy(Admin, p => p.RequireRole(UserRoles.Admin));
    }
}
