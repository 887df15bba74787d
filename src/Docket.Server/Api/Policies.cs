using Docket.Abstractions.Live;
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
    public const string Dashboard = "dashboard";

    public static void Add(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Registrar, p => p.RequireRole(LiveRoles.Registrar));
        options.AddPolicy(Reporter, p => p.RequireRole(LiveRoles.Judge, LiveRoles.Clerk));
        options.AddPolicy(Supervisor, p => p.RequireRole(LiveRoles.DivisionHead, LiveRoles.President));
        options.AddPolicy(President, p => p.RequireRole(LiveRoles.President));
        options.AddPolicy(AbsenceKeeper, p => p.RequireRole(LiveRoles.DivisionHead, LiveRoles.President, LiveRoles.Admin));
        options.AddPolicy(CaseloadReader, p => p.RequireRole(LiveRoles.All.ToArray()));
        options.AddPolicy(KpiReader, p => p.RequireRole(LiveRoles.DivisionHead, LiveRoles.President, LiveRoles.Auditor, LiveRoles.Admin));
        options.AddPolicy(Auditor, p => p.RequireRole(LiveRoles.Auditor, LiveRoles.Admin));
        options.AddPolicy(Admin, p => p.RequireRole(LiveRoles.Admin));
        // The Orleans Dashboard shows the whole cluster (every court's grains): admins and auditors of every court only.
        options.AddPolicy(Dashboard, p => p.RequireRole(LiveRoles.Auditor, LiveRoles.Admin)
            .RequireAssertion(context => !context.User.HasClaim(c => c.Type == Docket.Server.Auth.DocketClaims.Court)));
    }
}
