using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Docket.Abstractions;
using Docket.Domain.Courts;
using Docket.Grains;
using Microsoft.Extensions.Options;

namespace Docket.Server.Api;

/// <summary>
/// The parties' view: a case read with its party's code (header <c>X-Party-Code</c>) and nothing else, as JSON or as a
/// stream of its progress (Server-Sent Events), and the page <c>/track</c> that shows it. A wrong or missing code is
/// answered exactly as an unknown case, and counted against the client's address (<see cref="PartyAccess"/>).
/// </summary>
internal static class PublicEndpoints
{
    public const string CodeHeader = "X-Party-Code";

    public static void Map(IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/public").AllowAnonymous().WithTags(ApiTags.Public)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);

        open.MapGet("/cases/{id}", GetAsync)
            .WithName("PartyReadCase").WithSummary("A party reads its case")
            .WithDescription("The case's progress (each process node reached, due or late, with dates), its team (not the judge), the statutory limit and extensions; with the party's code in X-Party-Code and no other credentials. A wrong or missing code is answered as an unknown case (404); too many of them a minute from one address, 429.")
            .Produces<PartyView>();

        open.MapGet("/cases/{id}/events", EventsAsync)
            .WithName("PartyCaseEvents").WithSummary("A party follows its case")
            .WithDescription("Server-Sent Events: at connect the case (event 'case', as GET /api/public/cases/{id}) and each node reached so far (event 'node'); then each node as it is reached and the case again whenever it changes. Ends when the case closes or its code is re-issued.")
            .Produces<PartyView>(StatusCodes.Status200OK, "text/event-stream");

        app.MapGet("/track", () => Results.Content(TrackPage.Html, "text/html; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, IGrainFactory grains, Organization organization, PartyAccess access, TimeProvider time)
    {
        var (details, refusal) = await ReadAsync(id, context, grains, organization, access);
        return refusal ?? Results.Ok(PartyView.Of(details!, time.GetUtcNow()));
    }

    private static async Task<IResult> EventsAsync(string id, HttpContext context, IGrainFactory grains, Organization organization, PartyAccess access,
        TimeProvider time, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        var (details, refusal) = await ReadAsync(id, context, grains, organization, access);
        if (refusal is not null)
        {
            return refusal;
        }
        var code = context.Request.Headers[CodeHeader].ToString();
        var period = TimeSpan.FromMilliseconds(Math.Max(10, access.Options.EventsPollMilliseconds));
        return HeadRequests.IsHead(context)
            ? TypedResults.ServerSentEvents(AsyncEnumerable.Empty<SseItem<string>>())
            : TypedResults.ServerSentEvents(Stream(details!, grains, code, access, time, period, json.Value.SerializerOptions,
                context.RequestAborted));
    }

    /// <summary>
    /// The case's progress as events: the case and every node reached so far, then, at each look (every
    /// <paramref name="period"/>), the nodes newly reached and the case when its record changed.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<string>> Stream(CaseDetails first, IGrainFactory grains, string code, PartyAccess access, TimeProvider time,
        TimeSpan period, JsonSerializerOptions json, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sent = new HashSet<(string, DateTimeOffset?)>();
        var version = -1L;
        for (var details = first; ;)
        {
            var view = PartyView.Of(details, time.GetUtcNow());
            if (view.Version != version)
            {
                version = view.Version;
                foreach (var node in view.Progress.Where(n => n.ReachedAt is not null && sent.Add((n.Node, n.ReachedAt))))
                {
                    yield return new SseItem<string>(JsonSerializer.Serialize(node, json), "node");
                }
                yield return new SseItem<string>(JsonSerializer.Serialize(view, json), "case");
            }
            if (view.Status == CourtCaseStatus.Closed)
            {
                yield break;
            }
            try
            {
                await Task.Delay(period, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
            if (await access.ReadAsync(grains, first.Case.Id, code) is not { } next)
            {
                yield break;
            }
            details = next;
        }
    }

    /// <summary>
    /// The case, when the code in <see cref="CodeHeader"/> is its party's; otherwise the same 404 as a case that does
    /// not exist (counted as a failure of the caller's address), or 429 once the address has used up its failures.
    /// </summary>
    private static async Task<(CaseDetails? Details, IResult? Refusal)> ReadAsync(string id, HttpContext context, IGrainFactory grains,
        Organization organization, PartyAccess access)
    {
        var address = PartyAccess.AddressOf(context);
        if (access.Blocked(address))
        {
            context.Response.Headers.RetryAfter = "60";
            return (null, Problems.Of(StatusCodes.Status429TooManyRequests, "Too many requests",
                $"more than {access.Options.FailuresPerMinute} wrong or missing party codes from this address in a minute: try again later"));
        }
        var code = context.Request.Headers[CodeHeader].ToString();
        if (organization.ParseCaseId(id) is not null && await access.ReadAsync(grains, id, code) is { } details)
        {
            return (details, null);
        }
        access.Failed(address);
        return (null, Problems.NotFound($"no case {Quoted.Value(id)}"));
    }
}
