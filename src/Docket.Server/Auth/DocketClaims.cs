using System.Security.Claims;
using Docket.Abstractions;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;

namespace Docket.Server.Auth;

/// <summary>The claims a Docket user carries, and the <see cref="Actor"/> they make.</summary>
public static class DocketClaims
{
    public const string Court = "docket:court";
    public const string Division = "docket:division";
    public const string Team = "docket:team";

    public static ClaimsPrincipal Principal(Actor actor, string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, actor.Name), new(ClaimTypes.Role, actor.Role) };
        if (actor.Court is not null)
        {
            claims.Add(new Claim(Court, actor.Court));
        }
        if (actor.Division is not null)
        {
            claims.Add(new Claim(Division, actor.Division));
        }
        if (actor.Team is not null)
        {
            claims.Add(new Claim(Team, actor.Team));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public static Actor ToActor(this ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "",
        user.FindFirstValue(ClaimTypes.Role) ?? "",
        user.FindFirstValue(Court),
        user.FindFirstValue(Division),
        user.FindFirstValue(Team));
}
