using System.Data.Common;
using System.Net.Sockets;
using Docket.Server.Api;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Messaging;

namespace Docket.Server.Hosting;

/// <summary>
/// The failures that pass: a silo that died (its grains are being activated again elsewhere), a message the
/// cluster refused or did not answer, a grain call that waited past <see cref="LimitOptions.GrainWaitSeconds"/>,
/// a store that refused for a moment. The API answers them 503 with <c>Retry-After</c> and a problem document,
/// so a client can tell them from a bug and retry (with the same <c>Idempotency-Key</c> for a filing).
/// </summary>
internal static partial class Unavailable
{
    /// <summary>What passes in <paramref name="exception"/> or one of its causes, or null when it is not transient.</summary>
    public static string? Why(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SiloUnavailableException:
                    return "the silo that held it is unavailable; the cluster is moving its work to another silo";
                case ConnectionFailedException:
                    return "the silo that held it cannot be reached; the cluster is moving its work to another silo";
                case OrleansMessageRejectionException:
                    return "the cluster refused the call while its membership changes";
                case TimeoutException:
                    return "it did not answer in time (a court activating, or a silo that died)";
                case DbException { IsTransient: true }:
                case SocketException:
                    return "its store did not answer";
                case AggregateException { InnerExceptions.Count: > 0 } aggregate:
                    return aggregate.InnerExceptions.Select(Why).FirstOrDefault(w => w is not null);
            }
        }
        return null;
    }

    /// <summary>The 503 for a transient failure; other exceptions go on to the default handler (a 500 problem).</summary>
    internal sealed partial class Handler(IOptions<ServerOptions> options, ILogger<Handler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            if (Why(exception) is not { } why || context.Response.HasStarted)
            {
                return false;
            }
            var retryAfter = Math.Max(1, options.Value.Limits.RetryAfterSeconds);
            LogUnavailable(context.Request.Method, context.Request.Path, exception.GetType().Name, exception.Message);
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Problems.Write(context, StatusCodes.Status503ServiceUnavailable, "Service unavailable for a moment",
                $"the request was not served: {why}. Retry after {retryAfter} s (a filing with the same Idempotency-Key)");
            return true;
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: {Exception}: {Message}")]
        private partial void LogUnavailable(string method, string path, string exception, string message);
    }

    /// <summary>
    /// Bounds how long a request waits for a grain: a call made for an HTTP request (not one grain calling another,
    /// nor the start's warm-up) that has not answered within <see cref="LimitOptions.GrainWaitSeconds"/> throws a
    /// <see cref="TimeoutException"/>, answered 503 by <see cref="Handler"/>. Whatever the call does meanwhile still
    /// completes (a filing then answers a retry with the same key as replayed). The audit routes, whose
    /// verification may run long, are left to Orleans' own response timeout.
    /// </summary>
    internal sealed class Bound(IHttpContextAccessor http, IOptions<ServerOptions> options) : IOutgoingGrainCallFilter
    {
        public Task Invoke(IOutgoingGrainCallContext context)
        {
            var seconds = options.Value.Limits.GrainWaitSeconds;
            if (context.SourceContext is not null || seconds <= 0 || http.HttpContext is not { } request
                || request.Request.Path.StartsWithSegments("/api/audit", StringComparison.OrdinalIgnoreCase))
            {
                return context.Invoke();
            }
            return BoundedAsync(context, TimeSpan.FromSeconds(seconds));
        }

        private static async Task BoundedAsync(IOutgoingGrainCallContext context, TimeSpan wait)
        {
            var call = context.Invoke();
            try
            {
                await call.WaitAsync(wait);
            }
            catch (TimeoutException) when (!call.IsCompleted)
            {
                throw new TimeoutException($"{context.InterfaceName}.{context.MethodName} did not answer within {wait.TotalSeconds:0.#} s");
            }
        }
    }
}
