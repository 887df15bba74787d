using System.Text.Encodings.Web;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Server.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Docket.Server.Auth;

/// <summary>
/// Authenticates an <c>X-Api-Key</c> header, an <c>Authorization: Bearer</c> token, or HTTP Basic (the user's name
/// and one of their API keys: what a browser sends for the Orleans Dashboard, which asks for it) against the
/// configured users. No credentials: no result (the route's policy then answers 401); wrong credentials: 401. Both
/// 401 and 403 are answered as problem details.
/// </summary>
public sealed class DocketAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    UserDirectory users) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Docket";
    public const string ApiKeyHeader = "X-Api-Key";
    public const string BasicRealm = "Docket";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers.TryGetValue(ApiKeyHeader, out var keys) && keys.Count > 0)
        {
            if (keys.Count > 1)
            {
                // Two keys name two users: which one acts is unclear, so neither does.
                return Task.FromResult(AuthenticateResult.Fail($"send one {ApiKeyHeader} header, not {keys.Count}"));
            }
            if (users.FindByApiKey(keys[0] ?? "") is not { } actor)
            {
                return Task.FromResult(AuthenticateResult.Fail("unknown API key"));
            }
            // A bearer token beside the key must be the same user's: two credentials naming two users (or one that
            // would not hold alone) are refused. HTTP Basic beside a key is the dashboard's, cached by a browser: left aside.
            var beside = Request.Headers.Authorization.ToString();
            if (beside.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && users.FindByToken(beside[7..].Trim())?.Name != actor.Name)
            {
                return Task.FromResult(AuthenticateResult.Fail($"the {ApiKeyHeader} and the bearer token name two users, or the token is unknown: send one credential"));
            }
            return Task.FromResult(Success(actor));
        }
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(users.FindByToken(authorization[7..].Trim()) is { } actor
                ? Success(actor)
                : AuthenticateResult.Fail("unknown bearer token"));
        }
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(Basic(authorization[6..].Trim()));
        }
        return Task.FromResult(AuthenticateResult.NoResult());
    }

    private AuthenticateResult Basic(string encoded)
    {
        string text;
        try
        {
            text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        }
        catch (FormatException)
        {
            return AuthenticateResult.Fail("HTTP Basic credentials that are not base64");
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && users.FindByApiKey(text[(colon + 1)..]) is { } actor && actor.Name == text[..colon]
            ? Success(actor)
            : AuthenticateResult.Fail("unknown user name or API key");
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // A browser asks for a user name and password on a Basic challenge: offered on the dashboard, the one part of
        // the service meant to be opened in a browser.
        Response.Headers.WWWAuthenticate = Request.Path.StartsWithSegments(DocketServer.DashboardPath)
            ? new Microsoft.Extensions.Primitives.StringValues([$"Basic realm=\"{BasicRealm}\", charset=\"UTF-8\"", $"Bearer, ApiKey header=\"{ApiKeyHeader}\""])
            : $"Bearer, ApiKey header=\"{ApiKeyHeader}\"";
        var failure = (await Context.AuthenticateAsync(SchemeName)).Failure?.Message;
        await Problems.Write(Context, StatusCodes.Status401Unauthorized, "Authentication required",
            failure is null ? $"send an API key in the {ApiKeyHeader} header or a bearer token" : $"{failure}: send a valid API key or bearer token");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status403Forbidden, "Forbidden", $"a {Context.User.ToActor().Role} may not do this");

    private AuthenticateResult Success(Docket.Domain.Access.Actor actor) =>
        AuthenticateResult.Success(new AuthenticationTicket(DocketClaims.Principal(actor, SchemeName), SchemeName));
}
