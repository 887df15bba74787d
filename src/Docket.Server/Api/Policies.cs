using Docket.Abstractions;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Server.Auth;
using Microsoft.AspNetCore.Authorization;

namespace Docket.Server.Api;

/// <summary>
/// Role gates per route (403 for an authenticated user of another role), each the roles <see cref="AccessRules"/> gives a
/// permission; courts, divisions and teams are checked per request against the same table.
/// </summary>
internal static class Policies
{
    public const string Registrar = "registrar";
    public const string Reporter = "reporter";
    public const string Supervisor = "supervisor";
    public const string Unlocker = "unlock";
    public const string Overseer = "oversee";
    public const string President = "president";
    public const string AbsenceKeeper = "absences";
    public const string PartyCodeIssuer = "party-codes";
    public const string ConversionRequester = "conversion-requests";
    public const string ConversionApprover = "conversion-decisions";
    public const string QualityReviewer = "quality-review";
    public const string QualityReader = "quality-review-reader";
    public const string MeetingReferrer = "meeting-referrals";
    public const string MeetingConvener = "meetings";
    public const string CommitteeChair = "committee-decisions";
    public const string CaseloadReader = "caseload";
    public const string KpiReader = "kpis";
    public const string Auditor = "audit";
    public const string Admin = "admin";
    public const string Dashboard = "dashboard";

    public static void Add(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        Gate(options, Registrar, Permission.File);
        Gate(options, Reporter, Permission.Report);
        Gate(options, Supervisor, Permission.Designate);
        Gate(options, Unlocker, Permission.Unlock);
        Gate(options, Overseer, Permission.Oversee);
        Gate(options, President, Permission.Extend);
        Gate(options, AbsenceKeeper, Permission.MarkAbsent);
        Gate(options, PartyCodeIssuer, Permission.IssuePartyCode);
        Gate(options, ConversionRequester, Permission.RequestConversion);
        Gate(options, ConversionApprover, Permission.DecideConversion);
        Gate(options, QualityReviewer, Permission.ReviewQuality);
        Gate(options, QualityReader, Permission.SeeQualityReview);
        Gate(options, MeetingReferrer, Permission.ReferToMeeting);
        Gate(options, MeetingConvener, Permission.ConveneMeeting);
        Gate(options, CommitteeChair, Permission.DecideInCommittee);
        Gate(options, CaseloadReader, Permission.Read);
        Gate(options, KpiReader, Permission.SeeKpis);
        Gate(options, Auditor, Permission.Audit);
        Gate(options, Admin, Permission.Administer);
        // The Orleans Dashboard shows the whole cluster (every court's grains, silos, calls) and cannot be scoped by court.
        options.AddPolicy(Dashboard, p => p.RequireRole(AccessRules.RolesWith(Permission.SeeCluster))
            .RequireAssertion(context => AccessRules.AllowsEveryCourt(context.User.ToActor(), Permission.SeeCluster)));
    }

    /// <summary>A route's role gate: the roles the domain's access table gives the permission.</summary>
    private static void Gate(AuthorizationOptions options, string policy, Permission permission) =>
        options.AddPolicy(policy, p => p.RequireRole(AccessRules.RolesWith(permission)));
}
