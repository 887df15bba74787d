using System.Security.Cryptography;
using Docket.Abstractions;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Grains;
using Docket.Server.Auth;

namespace Docket.Server.Hosting;

/// <summary>
/// <c>--demo</c>: one user per role for the scenario's first court (the judge of its first team, the division head of
/// that team's division, a clerk of the whole court; the auditor and the admin of every court), each with an API key
/// made for this run only, on a loopback listener only.
/// </summary>
internal static class DemoUsers
{
    /// <summary>The configuration key <c>--demo</c> sets.</summary>
    public const string Key = "Docket:Demo";

    public static List<UserAccount> Create(Organization organization)
    {
        var court = organization.Court(organization.CourtIds[0])!;
        var team = court.Layout.Teams[0].Id;
        var division = court.DivisionOf(0);
        UserAccount User(string role, string? courtId = null, string? divisionId = null, string? teamId = null) => new()
        {
            Name = $"demo.{role}",
            Role = role,
            Court = courtId,
            Division = divisionId,
            Team = teamId,
            ApiKeys = [$"demo-{role.Replace('_', '-')}-{RandomNumberGenerator.GetHexString(16, lowercase: true)}"],
        };
        return
        [
            User(UserRoles.Registrar, court.Id),
            User(UserRoles.Judge, court.Id, teamId: team),
            User(UserRoles.Clerk, court.Id),
            User(UserRoles.DivisionHead, court.Id, divisionId: division),
            User(UserRoles.President, court.Id),
            User(UserRoles.Reviewer, court.Id),
            User(UserRoles.Auditor),
            User(UserRoles.Admin),
        ];
    }

    /// <summary>The problem with listening on <paramref name="urls"/> in demo mode (any address but loopback), or null.</summary>
    public static string? CheckLoopback(string urls)
    {
        var bad = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(u => !IsLoopback(u)).ToList();
        return bad.Count == 0 ? null
            : $"--demo: demo keys are served on loopback only; --urls '{string.Join(";", bad)}' is not a loopback address (use http://127.0.0.1:PORT or http://localhost:PORT)";
    }

    private static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }
        return uri.IsLoopback;
    }
}
