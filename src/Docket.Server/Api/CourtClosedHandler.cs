using Docket.Abstractions;
using Microsoft.AspNetCore.Diagnostics;

namespace Docket.Server.Api;

/// <summary>A closed court's routes answer 503, naming the court and the first entry of its ledger that does not verify.</summary>
internal sealed class CourtClosedHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var inner = exception;
        while (inner is not (null or CourtClosedException))
        {
            inner = inner.InnerException;
        }
        if (inner is not CourtClosedException closed)
        {
            return false;
        }
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Court closed: its ledger does not verify",
            Detail = closed.Message,
            Type = "https://httpstatuses.io/503",
        };
        problem.Extensions["court"] = closed.Court;
        problem.Extensions["first_invalid_seq"] = closed.FirstBadSeq;
        await Results.Problem(problem).ExecuteAsync(context);
        return true;
    }
}
