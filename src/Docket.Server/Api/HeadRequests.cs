using Microsoft.AspNetCore.Http.Features;

namespace Docket.Server.Api;

/// <summary>
/// HEAD is answered wherever GET is (RFC 9110 §9.3.2), with GET's status and headers and no body: the request is
/// routed as a GET, what it writes goes nowhere, and its method is restored before the response starts (so the server
/// sends the headers, Content-Length included, as a HEAD's). Without this an uptime check's <c>HEAD /health</c> met
/// the authorization every unmatched route meets (401).
/// </summary>
public static class HeadRequests
{
    public static Task AsGetAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            return next(context);
        }
        context.Request.Method = HttpMethods.Get;
        var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
        context.Response.OnStarting(() =>
        {
            context.Request.Method = HttpMethods.Head;
            return Task.CompletedTask;
        });
        return next(context);
    }
}
