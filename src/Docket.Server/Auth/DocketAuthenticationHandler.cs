using System.Text.Encodings.Web;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Server.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Docket.Server.Auth;

/// <summary>
/// Authenticates an <c>X-Api-Key</c> header or an <c>Authorization: Bearer</c> token against the configured users.
/// No credentials: no result (the route's policy then answers 401); wrong credentials: 401. Both 401 and 403 are
/// answered as problem details.
/// </summary>
public sealed class DocketAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    UserDirectory users) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Docket";
    public const string ApiKeyHeader = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers.TryGetValue(ApiKeyHeader, out var keys) && keys.Count > 0)
        {
            return Task.FromResult(users.FindByApiKey(keys[0] ?? "") is { } actor
                ? Success(actor)
                : AuthenticateResult.Fail("unknown API key"));
        }
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(users.FindByToken(authorization[7..].Trim()) is { } actor
                ? Success(actor)
                : AuthenticateResult.Fail("unknown bearer token"));
        }
        return Task.FromResult(AuthenticateResult.NoResult());
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"Bearer, ApiKey header=\"{ApiKeyHeader}\"";
        var failure = (await Context.AuthenticateAsync(SchemeName)).Failure?.Message;
        await Problems.Write(Context, StatusCodes.Status401Unauthorized, "Authentication required",
            failure is null ? $"send an API key in the {ApiKeyHeader} header or a bearer token" : $"{failure}: send a valid API key or bearer token");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status403Forbidden, "Forbidden", $"a {Context.User.ToActor().Role} may not do this");

    private AuthenticateResult Success(Docket.Domain.Access.Actor actor) =>
        AuthenticateResult.Success(new AuthenticationTicket(DocketClaims.Principal(actor, SchemeName), SchemeName));
}
