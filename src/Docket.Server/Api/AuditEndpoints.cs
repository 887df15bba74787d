using Docket.Abstractions;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Grains;
using Microsoft.Extensions.Options;

namespace Docket.Server.Api;

/// <summary>The assignment ledger: reading it, verifying it, the seed commitments.</summary>
internal static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/audit/assignments", EntriesAsync)
            .WithName("AuditAssignments").WithTags(ApiTags.Audit)
            .WithSummary("Ledger entries").WithDescription("Ledger entries of a court, oldest first: assignments (assign, queue, pull, designate) or, with kind=all, every entry")
            .Produces<AuditEntriesResponse>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Auditor);

        api.MapGet("/courts/{court}/ledger", ExportAsync)
            .WithName("LedgerExport").WithTags(ApiTags.Audit)
            .WithSummary("Export a court's ledger").WithDescription("Every entry of the court's ledger, oldest first, streamed as JSON Lines (format=jsonl): each line the entry's text exactly as it was hashed")
            .Produces(StatusCodes.Status200OK, contentType: LedgerExportContentType).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Auditor);

        api.MapGet("/audit/verify", VerifyAsync)
            .WithName("AuditVerify").WithTags(ApiTags.Audit).WithSummary("Verify the ledgers")
            .WithDescription("Re-compute each court's ledger in the background — hashes, links, times, actors' rights, every draw, and the witness's signed checkpoints — and answer with the result, or 202 with the progress when a run takes longer than `wait` seconds (ask again: the run goes on). mode=full (default) verifies from genesis; mode=incremental goes on from where the last run stopped. A court whose ledger does not verify is closed.")
            .Produces<VerifyResponse>().Produces<VerifyResponse>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(Policies.Auditor);

        api.MapGet("/audit/commitments", CommitmentsAsync)
            .WithName("SeedCommitments").WithTags(ApiTags.Audit).WithSummary("Seed commitments").WithDescription("Each court's seed commitments (SHA-256 of the secret), with the secrets of past epochs revealed")
            .Produces<IReadOnlyList<SeedCommitment>>()
            .RequireAuthorization(Policies.Auditor);

        api.MapPost("/audit/courts/{court}/rotate-seed", RotateAsync)
            .WithName("RotateSeed").WithTags(ApiTags.Audit).WithSummary("Rotate a court's seed").WithDescription("Reveal the court's current secret in its ledger and commit to a new one (admin)")
            .Produces<IReadOnlyList<SeedCommitment>>()
            .RequireAuthorization(Policies.Admin);
    }

    private static async Task<IResult> EntriesAsync(string? court, long? after, int? limit, string? kind, HttpContext context, IGrainFactory grains,
        Organization organization, IOptions<ServerOptions> options)
    {
        var actor = context.Actor();
        court ??= actor.Court ?? (organization.CourtIds.Count == 1 ? organization.CourtIds[0] : null);
        if (court is null)
        {
            return Problems.BadRequest($"name the court (courts: {string.Join(", ", organization.CourtIds)})", "court");
        }
        if (organization.Court(court) is null)
        {
            return Problems.NotFound($"no court {Quoted.Value(court)}");
        }
        if (!AccessRules.Allows(actor, Permission.Audit, new(court)))
        {
            return Problems.Forbidden($"court {court}'s ledger is not one you may audit");
        }
        if (kind is not (null or "assignments" or "all"))
        {
            return Problems.BadRequest("kind is 'assignments' (default) or 'all'", "kind");
        }
        if (after is < 0)
        {
            return Problems.BadRequest($"after is a ledger position, 0 or more (got {after})", "after");
        }
        var max = options.Value.Limits.MaxAuditPage;
        if (limit is < 1 || limit > max)
        {
            return Problems.BadRequest($"limit is 1 to {max}", "limit");
        }
        var take = limit ?? 100;
        var entries = await grains.GetGrain<ILiveAuditGrain>(court).GetEntriesAsync(after ?? 0, take, kind != "all");
        return Results.Ok(new AuditEntriesResponse(court, [.. entries.Select(LedgerEntryView.Of)], entries.Length == take ? entries[^1].Seq : null));
    }

    /// <summary>The export's media type: newline-delimited JSON.</summary>
    public const string LedgerExportContentType = "application/x-ndjson";

    /// <summary>Entries read a page at a time for the export.</summary>
    public const int ExportPage = 1000;

    private static async Task<IResult> ExportAsync(string court, string? format, HttpContext context, IGrainFactory grains, Organization organization)
    {
        if (organization.Court(court) is null)
        {
            return Problems.NotFound($"no court {Quoted.Value(court)}");
        }
        if (!AccessRules.Allows(context.Actor(), Permission.Audit, new(court)))
        {
            return Problems.Forbidden($"court {court}'s ledger is not one you may audit");
        }
        if (format is not (null or "jsonl"))
        {
            return Problems.BadRequest($"format is 'jsonl' (one entry a line), not {Quoted.Value(format)}", "format");
        }
        var audit = grains.GetGrain<ILiveAuditGrain>(court);
        return Results.Stream(async body =>
        {
            if (HeadRequests.IsHead(context))
            {
                return;
            }
            var cancel = context.RequestAborted;
            var newline = "\n"u8.ToArray();
            long after = 0;
            while (true)
            {
                var page = await audit.GetEntriesAsync(after, ExportPage, assignmentsOnly: false);
                foreach (var record in page)
                {
                    await body.WriteAsync(System.Text.Encoding.UTF8.GetBytes(record.Json), cancel);
                    await body.WriteAsync(newline, cancel);
                }
                await body.FlushAsync(cancel);
                if (page.Length < ExportPage)
                {
                    return;
                }
                after = page[^1].Seq;
            }
        }, LedgerExportContentType);
    }

    /// <summary>The longest a verify request waits for runs to finish before answering 202 with their progress.</summary>
    public const int MaxVerifyWaitSeconds = 25;

    private static async Task<IResult> VerifyAsync(string? court, string? mode, double? wait, HttpContext context, IGrainFactory grains, Organization organization)
    {
        var actor = context.Actor();
        if (court is not null && organization.Court(court) is null)
        {
            return Problems.NotFound($"no court {Quoted.Value(court)}");
        }
        if (mode is not (null or "full" or "incremental"))
        {
            return Problems.BadRequest($"mode is 'full' (default: from genesis) or 'incremental' (from where the last run stopped), not {Quoted.Value(mode)}", "mode");
        }
        if (wait is < 0 or > MaxVerifyWaitSeconds || wait is { } w && !double.IsFinite(w))
        {
            return Problems.BadRequest($"wait is 0 to {MaxVerifyWaitSeconds} seconds", "wait");
        }
        var courts = court is null ? organization.CourtIds.Where(c => AccessRules.Allows(actor, Permission.Audit, new(c))).ToList() : [court];
        if (courts.Any(c => !AccessRules.Allows(actor, Permission.Audit, new(c))))
        {
            return Problems.Forbidden($"court {court}'s ledger is not one you may audit");
        }
        var full = mode != "incremental";
        var budget = TimeSpan.FromSeconds(wait ?? 20);
        var progress = await Task.WhenAll(courts.Select(async c =>
        {
            var check = grains.GetGrain<ILedgerCheckGrain>(c);
            await check.StartAsync(full);
            return await check.GetProgressAsync(budget);
        }));
        var done = progress.Where(p => p.Result is not null).Select(p => p.Result!).ToList();
        var running = progress.Where(p => p.Result is null).ToList();
        var complete = running.Count == 0;
        var response = new VerifyResponse(complete ? done.All(r => r.Valid) : done.Any(r => !r.Valid) ? false : null, complete, done, running);
        if (complete)
        {
            return Results.Ok(response);
        }
        context.Response.Headers.RetryAfter = "5";
        return Results.Json(response, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> CommitmentsAsync(HttpContext context, IGrainFactory grains, Organization organization)
    {
        var actor = context.Actor();
        var all = await Task.WhenAll(organization.CourtIds.Where(c => AccessRules.Allows(actor, Permission.Audit, new(c)))
            .Select(c => grains.LiveCourt(c).GetCommitmentsAsync()));
        return Results.Ok(all.SelectMany(c => c).ToList());
    }

    private static async Task<IResult> RotateAsync(string court, HttpContext context, IGrainFactory grains, Organization organization)
    {
        if (organization.Court(court) is null)
        {
            return Problems.NotFound($"no court {Quoted.Value(court)}");
        }
        var actor = context.Actor();
        if (!AccessRules.Allows(actor, Permission.Administer, new(court)))
        {
            return Problems.Forbidden($"only {AccessRules.Who(Permission.Administer, court)} rotates court {court}'s seed");
        }
        return Results.Ok(await grains.LiveCourt(court).RotateSeedAsync(actor));
    }
}
