using Docket.Abstractions;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Microsoft.AspNetCore.Mvc;

namespace Docket.Server.Api;

/// <summary>RFC 7807 problem details, with the field at fault under <c>errors</c> where there is one.</summary>
public static class Problems
{
    public static IResult Of(int status, string title, string detail, string? field = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Type = $"https://httpstatuses.io/{status}",
        };
        if (field is not null)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [detail] };
        }
        return Results.Problem(problem);
    }

    public static IResult BadRequest(string detail, string? field = null) => Of(StatusCodes.Status400BadRequest, "Malformed request", detail, field);

    public static IResult Invalid(string field, string detail) => Of(StatusCodes.Status422UnprocessableEntity, "Invalid request", detail, field);

    public static IResult NotFound(string detail) => Of(StatusCodes.Status404NotFound, "Not found", detail);

    public static IResult Forbidden(string detail) => Of(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static IResult Conflict(string detail, string? field = null) => Of(StatusCodes.Status409Conflict, "Conflict with the case's state", detail, field);

    /// <summary>
    /// A court route's refusal before its own checks: 404 for a court the organization does not have, 403 for one the
    /// user is not of (their role's gate let them this far); null when the court is theirs.
    /// </summary>
    public static IResult? NotTheirCourt(Organization organization, Actor actor, string court) =>
        organization.Court(court) is null ? NotFound($"no court {Quoted.Value(court)}")
        : !AccessRules.InCourt(actor, court) ? Forbidden($"court {court} is another court's: only its own users and users of every court reach it")
        : null;

    public static IResult TooLarge(long limit) => Of(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"the body may hold at most {limit} bytes");

    /// <summary>The problem for a failed command.</summary>
    public static IResult From(CommandResult result) => result.Outcome switch
    {
        Outcome.NotFound => NotFound(result.Error ?? "not found"),
        Outcome.Invalid => Invalid(result.Field ?? "body", result.Error ?? "invalid"),
        Outcome.Conflict => Conflict(result.Error ?? "conflict", result.Field),
        Outcome.Forbidden => Forbidden(result.Error ?? "forbidden"),
        _ => Of(StatusCodes.Status500InternalServerError, "Unexpected outcome", result.Outcome.ToString()),
    };

    /// <summary>Writes a problem outside an endpoint (authentication, middleware).</summary>
    public static Task Write(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return Of(status, title, detail).ExecuteAsync(context);
    }
}
