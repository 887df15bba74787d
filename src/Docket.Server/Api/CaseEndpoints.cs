using Docket.Abstractions;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Supervision;
using Docket.Grains;

namespace Docket.Server.Api;

/// <summary>Filing, reading and moving cases.</summary>
internal static class CaseEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/courts/{court}/cases", FileAsync)
            .WithName("FileCase").WithTags(ApiTags.Cases)
            .WithSummary("File a case").WithDescription("File a case: it is assigned at once by the court's policy (or waits when no team can take it)")
            .Accepts<FileCaseRequest>("application/json")
            .Produces<FiledCaseResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Registrar);

        api.MapGet("/cases/{id}", GetAsync)
            .WithName("GetCase").WithTags(ApiTags.Cases).WithSummary("Read a case").WithDescription("A case with its assignment, progress, deadlines and lock")
            .Produces<CaseDetails>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/cases/{id}/events", ReachAsync)
            .WithName("ReportNode").WithTags(ApiTags.Cases).WithSummary("Report a node").WithDescription("Report a process node reached (or an effort stage done), in the case type's order")
            .Accepts<CaseEventRequest>("application/json")
            .Produces<CaseCommandResponse>().ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Reporter);

        api.MapPost("/cases/{id}/unlock", UnlockAsync)
            .WithName("UnlockCase").WithTags(ApiTags.Cases).WithSummary("Unlock a case").WithDescription("Lift a case's lock (a division head of its division or the president)")
            .Accepts<UnlockRequest>("application/json")
            .Produces<CaseCommandResponse>().ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Unlocker);

        api.MapPost("/cases/{id}/extensions", ExtendAsync)
            .WithName("ExtendTimeLimit").WithTags(ApiTags.Cases).WithSummary("Extend a time limit").WithDescription("Extend a case's statutory time limit, with days and a reason (the president, once the limit's warning has come)")
            .Accepts<ExtensionRequest>("application/json")
            .Produces<CaseCommandResponse>().ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.President);

        api.MapPost("/cases/{id}/conversion", RequestConversionAsync)
            .WithName("RequestConversion").WithTags(ApiTags.Cases).WithSummary("Ask to convert to ordinary procedure")
            .WithDescription("A judge of the case's team asks, with a reason, to convert the simple-procedure case to ordinary procedure (cases 157, 159); the limit is unchanged until the approver decides")
            .Accepts<ConversionRequest>("application/json")
            .Produces<CaseCommandResponse>().ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.ConversionRequester);

        api.MapPost("/cases/{id}/conversion/decision", DecideConversionAsync)
            .WithName("DecideConversion").WithTags(ApiTags.Cases).WithSummary("Approve or refuse a conversion")
            .WithDescription("The scenario's approver (a division head of the case's division, or the president) approves or refuses the conversion requested; approved, the limit becomes the ordinary one counted from filing")
            .Accepts<ConversionDecisionRequest>("application/json")
            .Produces<CaseCommandResponse>().ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.ConversionApprover);

        api.MapPost("/cases/{id}/quality-review", RecordFindingAsync)
            .WithName("RecordReviewFinding").WithTags(ApiTags.Cases).WithSummary("Record a quality review's finding")
            .WithDescription("A reviewer of the court, or a division head of the case's division, records what the review of a drawn file found: none (the review passes and the file may be archived), general (a yellow card to the judge; red when the judge's previous general problem was within the window) or serious (a red card, announced court-wide); a carded file is reviewed again after its fix (cases 159, 162)")
            .Accepts<ReviewFindingRequest>("application/json")
            .Produces<CaseCommandResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.QualityReviewer);

        MeetingEndpoints.Map(api);

        api.MapPost("/cases/{id}/party-code", IssuePartyCodeAsync)
            .WithName("IssuePartyCode").WithTags(ApiTags.Cases).WithSummary("Re-issue a party's code")
            .WithDescription("Give the case's party a new code (a registrar of its court; the case not closed): answered once, recorded in the ledger as its keyed hash; the earlier code stops working")
            .Produces<PartyCodeResponse>().ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.PartyCodeIssuer);

        api.MapPost("/cases/{id}/designate", DesignateAsync)
            .WithName("DesignateCase").WithTags(ApiTags.Cases).WithSummary("Designate a case").WithDescription("Re-assign a case to a team, with a written reason (supervisors only)")
            .Accepts<DesignateRequest>("application/json")
            .Produces<CaseCommandResponse>().ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Supervisor);
    }

    private static async Task<IResult> FileAsync(string court, HttpContext context, IGrainFactory grains, Organization organization, PartyAccess parties,
        CancellationToken cancellationToken)
    {
        if (organization.Court(court) is null)
        {
            return Problems.NotFound($"no court {Quoted.Value(court)} (courts: {string.Join(", ", organization.CourtIds)})");
        }
        var actor = context.Actor();
        if (!AccessRules.Allows(actor, Permission.File, new(court)))
        {
            return Problems.Forbidden($"only {AccessRules.Who(Permission.File, court)} files its cases");
        }
        string? key = null;
        if (context.Request.Headers.TryGetValue(IdempotencyHeader, out var keys))
        {
            if (keys.Count > 1)
            {
                // Two header lines would otherwise be joined into one key ("a,b"): which filing is meant is unclear.
                return Problems.BadRequest($"send one Idempotency-Key header, not {keys.Count}", IdempotencyHeader);
            }
            key = keys.ToString();
            if (key.Length is 0 or > 200 || key.Any(ch => ch < 0x21 || ch > 0x7e))
            {
                return Problems.BadRequest("an Idempotency-Key is 1 to 200 visible ASCII characters (no spaces)", IdempotencyHeader);
            }
        }
        var (body, problem) = await JsonBody.ReadAsync<FileCaseRequest>(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (string.IsNullOrWhiteSpace(body!.Type))
        {
            return Problems.Invalid("type", "the case type is required");
        }
        if (RiskLevels.Parse(body.Flags?.Risk) is not { } risk)
        {
            return Problems.Invalid("flags.risk", $"unknown risk level {Quoted.Value(body.Flags!.Risk)} (none, ordinary, larger or major)");
        }
        var (code, hmac) = parties.NewCode();
        var result = await grains.LiveCourt(court)
            .FileAsync(new FilingRequest(body.Type, body.Flags?.Flagged ?? false, risk, key, actor, hmac));
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }
        // Where the filing sent the case: a new filing's case is as filed; a retry's answer is the first filing's, as its
        // entry records it, whatever happened to the case since (its record now is the answer's `case`).
        var c = result.Replayed && result.Entries.Length > 0
            ? CaseEntries.Filed(organization.Court(court)!, LedgerEntry.Parse(result.Entries[0].Json), withPartyCode: false)
            : result.Case!.Case;
        var response = new FiledCaseResponse(c.Id, c.Status, c.Team, c.Judge, c.Policy, c.Designated, result.Replayed,
            result.Entries.Length > 0 ? LedgerEntryView.Of(result.Entries[0]) : null, result.Case!, result.Replayed ? null : code);
        if (result.Replayed)
        {
            context.Response.Headers["Idempotent-Replayed"] = "true";
        }
        return Results.Created($"/api/cases/{c.Id}", response);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, IGrainFactory grains, Organization organization)
    {
        if (OutOfReach(id, context, organization) || await LoadAsync(id, grains, organization) is not { } details)
        {
            return Problems.NotFound($"no case {Quoted.Value(id)}");
        }
        var c = details.Case;
        return AccessRules.Allows(context.Actor(), Permission.Read, new(c.Court, details.Division, c.Team))
            ? Results.Ok(details)
            : Problems.Forbidden($"case {id} is not one you may see");
    }

    private static async Task<IResult> ReachAsync(string id, HttpContext context, IGrainFactory grains, Organization organization, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CaseEventRequest>(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (string.IsNullOrWhiteSpace(body!.Node))
        {
            return Problems.Invalid("node", "the node (or effort stage) reached is required");
        }
        return await RunAsync(id, context, grains, organization, g => g.ReachAsync(body.Node, context.Actor()));
    }

    private static async Task<IResult> UnlockAsync(string id, HttpContext context, IGrainFactory grains, Organization organization, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadOptionalAsync<UnlockRequest>(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        return await RunAsync(id, context, grains, organization, g => g.UnlockAsync(body?.Reason, context.Actor()));
    }

    private static async Task<IResult> DesignateAsync(string id, HttpContext context, IGrainFactory grains, Organization organization, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<DesignateRequest>(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        return await RunAsync(id, context, grains, organization, g => g.DesignateAsync(body!.Team, body.Reason ?? "", context.Actor()));
    }

    private static async Task<IResult> ExtendAsync(string id, HttpContext context, IGrainFactory grains, Organization organization, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ExtensionRequest>(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (body!.Days is not { } days)
        {
            return Problems.Invalid("days", "the days added to the time limit are required");
        }
        return await RunAsync(id, context, grains, organization, g => g.ExtendAsync(days, body.Reason ?? "", context.Actor()));
    }

    private static async Task<IResult> RequestConversionAsync(string id, HttpContext context, IGrainFactory grains, Organization organization, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ConversionRequest>(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        return await RunAsync(id, context, grains, organization, g => g.RequestConversionAsync(body!.Reason ?? "", context.Actor()));
    }

    private static async Task<IResult> DecideConversionAsync(string id, HttpContext context, IGrainFactory grains, Organization organization, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ConversionDecisionRequest>(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (body!.Approve is not { } approve)
        {
            return Problems.Invalid("approve", "say whether the conversion is approved: true or false");
        }
        return await RunAsync(id, context, grains, organization, g => g.DecideConversionAsync(approve, body.Reason, context.Actor()));
    }

    private static async Task<IResult> RecordFindingAsync(string id, HttpContext context, IGrainFactory grains, Organization organization, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ReviewFindingRequest>(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (Docket.Domain.Quality.QualityFindings.Parse(body!.Finding) is not { } finding)
        {
            return Problems.Invalid("finding", $"the finding is one of: {string.Join(", ", Docket.Domain.Quality.QualityFindings.All)}");
        }
        return await RunAsync(id, context, grains, organization, g => g.RecordFindingAsync(finding, body.Note, context.Actor()));
    }

    private static async Task<IResult> IssuePartyCodeAsync(string id, HttpContext context, IGrainFactory grains, Organization organization, PartyAccess parties)
    {
        if (OutOfReach(id, context, organization))
        {
            return Problems.NotFound($"no case {Quoted.Value(id)}");
        }
        var (code, hmac) = parties.NewCode();
        var result = await grains.GetGrain<ILiveCaseGrain>(id).IssuePartyCodeAsync(hmac, context.Actor());
        return result.Succeeded
            ? Results.Ok(new PartyCodeResponse(id, code, [.. result.Entries.Select(LedgerEntryView.Of)]))
            : Problems.From(result);
    }

    internal static async Task<IResult> RunAsync(string id, HttpContext context, IGrainFactory grains, Organization organization, Func<ILiveCaseGrain, Task<CommandResult>> command)
    {
        if (OutOfReach(id, context, organization))
        {
            return Problems.NotFound($"no case {Quoted.Value(id)}");
        }
        var result = await command(grains.GetGrain<ILiveCaseGrain>(id));
        return result.Succeeded
            ? Results.Ok(new CaseCommandResponse(result.Case!, [.. result.Entries.Select(LedgerEntryView.Of)]))
            : Problems.From(result);
    }

    /// <summary>
    /// Whether the case is not one to speak of: an id of no court, or of a court the user does not belong to (an
    /// auditor or admin bound to no court belongs to every one). Either is answered 404, whether the case exists or
    /// not, so a user of one court cannot tell which case numbers another court has given.
    /// </summary>
    private static bool OutOfReach(string id, HttpContext context, Organization organization) =>
        organization.ParseCaseId(id) is not ({ } court, _) || !AccessRules.InCourt(context.Actor(), court.Id);

    private static async Task<CaseDetails?> LoadAsync(string id, IGrainFactory grains, Organization organization) =>
        organization.ParseCaseId(id) is null ? null : await grains.GetGrain<ILiveCaseGrain>(id).GetAsync();
}
