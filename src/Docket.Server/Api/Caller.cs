using Docket.Abstractions;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Server.Auth;

namespace Docket.Server.Api;

internal static class Caller
{
    public static Actor Actor(this HttpContext context) => context.User.ToActor();
}
