using Docket.Domain.Courts;

namespace Docket.Server.Api;

/// <summary>
/// The refusals routing makes before a request reaches the API — a body that is not JSON (415), a method a route does
/// not take (405), no such route (404) — written with a <c>detail</c> like every other refusal.
/// </summary>
internal static class RoutingProblems
{
    public static void Explain(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Detail is not null || context.Exception is not null)
        {
            return;
        }
        var request = context.HttpContext.Request;
        context.ProblemDetails.Detail = context.ProblemDetails.Status switch
        {
            StatusCodes.Status415UnsupportedMediaType =>
                $"the body is JSON: send it with Content-Type: application/json{(request.ContentType is { } sent ? $", not {Quoted.Value(sent)}" : "")}",
            StatusCodes.Status405MethodNotAllowed => $"{Quoted.Value(request.Path.Value)} does not take {Quoted.Value(request.Method)}",
            StatusCodes.Status404NotFound => $"no route {Quoted.Value(request.Method)} {Quoted.Value(request.Path.Value)}",
            _ => null,
        };
    }
}
