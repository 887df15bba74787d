using Docket.Abstractions;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Supervision;
using Docket.Grains;

namespace Docket.Server.Api;

/// <summary>
/// A case's professional judges' meeting and the adjudication committee (cases 164, 165): referral with a trigger,
/// the meeting held, the minutes released, the committee's referral and decision; a sitting of several cases with its
/// members' attendance; the rules are the domain's (<see cref="CourtCommands.Meeting"/>, <see cref="CourtCommands.HoldSitting"/>).
/// </summary>
internal static class MeetingEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/cases/{id}/meeting", ReferAsync)
            .WithName("ReferToMeeting").WithTags(ApiTags.Cases).WithSummary("Refer a case to a professional judges' meeting")
            .WithDescription("The case's judge, a division head of its division or the president refers it, with a trigger (four_type, remand_or_reversal, remanded, panel_split, leader_disagrees — the last only by a division head or the president) and a reason; the papers go out now and the case cannot close until released")
            .Accepts<MeetingReferralRequest>("application/json")
            .Produces<CaseCommandResponse>().ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.MeetingReferrer);

        api.MapPost("/cases/{id}/meeting/held", HeldAsync)
            .WithName("RecordMeetingHeld").WithTags(ApiTags.Cases).WithSummary("Record that the meeting sat on a case")
            .WithDescription("A division head of the case's division or the president records the meeting (at least the scenario's papers_days after the referral) and whether the panel adopted its majority view")
            .Accepts<MeetingHeldRequest>("application/json")
            .Produces<CaseCommandResponse>().ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.MeetingConvener);

        api.MapPost("/cases/{id}/meeting/release", ReleaseAsync)
            .WithName("ReleaseAfterMeeting").WithTags(ApiTags.Cases).WithSummary("Release a case after its meeting's minutes are checked")
            .WithDescription("A division head of the case's division or the president releases it: it may close. Refused before the meeting sat, and when the panel departed from the majority on a four-type case (it goes to the adjudication committee)")
            .Produces<CaseCommandResponse>().ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.MeetingConvener);

        api.MapPost("/cases/{id}/committee", CommitteeAsync)
            .WithName("ReferToCommittee").WithTags(ApiTags.Cases).WithSummary("Send a case to the adjudication committee")
            .WithDescription("A division head of the case's division or the president sends it, after a meeting whose majority view the panel did not adopt; an optional reason")
            .Accepts<CommitteeRequest>("application/json")
            .Produces<CaseCommandResponse>().ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.MeetingConvener);

        api.MapPost("/cases/{id}/committee/decision", DecisionAsync)
            .WithName("RecordCommitteeDecision").WithTags(ApiTags.Cases).WithSummary("Record the adjudication committee's decision")
            .WithDescription("The president, who chairs the committee, records its decision on the case with a reason: the case is released")
            .Accepts<CommitteeRequest>("application/json")
            .Produces<CaseCommandResponse>().ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.CommitteeChair);

        api.MapPost("/courts/{court}/meetings", HoldSittingAsync)
            .WithName("RecordMeetingSitting").WithTags(ApiTags.Courts).WithSummary("Record a sitting of the professional judges' meeting")
            .WithDescription("A division head (the cases of their division) or the president records a sitting of the professional judges' meeting (cases 164, 165): the judges called, those present, and the cases heard (each referred, its papers out long enough) with whether each panel adopted the majority view. With more than half of the members present each case is held (a meeting_held entry after the meeting_sitting entry); without, the sitting does not count as held and only its attendance is recorded")
            .Accepts<MeetingSittingRequest>("application/json")
            .Produces<MeetingSittingResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.MeetingConvener);

        api.MapGet("/courts/{court}/meetings/attendance", AttendanceAsync)
            .WithName("MeetingAttendance").WithTags(ApiTags.Courts).WithSummary("The meeting's attendance per member")
            .WithDescription("The sittings of the court's professional judges' meeting, those without a majority present, and each member called: sittings called to, attended, the rate and whether under half (case 165)")
            .Produces<MeetingAttendance>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.KpiReader);
    }

    private static async Task<IResult> HoldSittingAsync(string court, HttpContext context, IGrainFactory grains, Organization organization, CancellationToken cancellationToken)
    {
        if (Problems.NotTheirCourt(organization, context.Actor(), court) is { } refused)
        {
            return refused;
        }
        var (body, problem) = await JsonBody.ReadAsync<MeetingSittingRequest>(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (body!.Members is null)
        {
            return Problems.Invalid("members", "the judges called to the sitting are required ({team}/judge-{k})");
        }
        if (body.Present is null)
        {
            return Problems.Invalid("present", "the members present are required (an empty list: nobody came)");
        }
        if (body.Cases is null)
        {
            return Problems.Invalid("cases", "the cases heard are required: [{ \"id\", \"adopted\" }]");
        }
        var sitting = new MeetingSitting(body.Members, body.Present, [.. body.Cases.Select(c => new HeardCase(c?.Id ?? "", c?.Adopted))]);
        var result = await grains.LiveCourt(court).HoldSittingAsync(sitting, context.Actor());
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }
        return Results.Created($"/api/courts/{Uri.EscapeDataString(court)}/meetings/attendance",
            new MeetingSittingResponse(court, MeetingReferral.HasQuorum(sitting.Present.Count, sitting.Members.Count), [.. result.Entries.Select(LedgerEntryView.Of)]));
    }

    private static async Task<IResult> AttendanceAsync(string court, HttpContext context, IGrainFactory grains, Organization organization)
    {
        if (Problems.NotTheirCourt(organization, context.Actor(), court) is { } refused)
        {
            return refused;
        }
        return AccessRules.Allows(context.Actor(), Permission.SeeKpis, new(court))
            ? Results.Ok(await grains.LiveCourt(court).GetAttendanceAsync())
            : Problems.Forbidden($"court {court}'s meeting attendance is for its president, division heads, auditors and admins");
    }

    private static async Task<IResult> ReferAsync(string id, HttpContext context, IGrainFactory grains, Organization organization, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<MeetingReferralRequest>(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        return await RunAsync(id, context, grains, organization, new MeetingStep(MeetingStepKind.Refer, body!.Trigger, body.Reason));
    }

    private static async Task<IResult> HeldAsync(string id, HttpContext context, IGrainFactory grains, Organization organization, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<MeetingHeldRequest>(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (body!.Adopted is not { } adopted)
        {
            return Problems.Invalid("adopted", "say whether the panel adopted the meeting's majority view: true or false");
        }
        return await RunAsync(id, context, grains, organization, new MeetingStep(MeetingStepKind.Held, Adopted: adopted));
    }

    private static Task<IResult> ReleaseAsync(string id, HttpContext context, IGrainFactory grains, Organization organization) =>
        RunAsync(id, context, grains, organization, new MeetingStep(MeetingStepKind.Release));

    private static async Task<IResult> CommitteeAsync(string id, HttpContext context, IGrainFactory grains, Organization organization, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadOptionalAsync<CommitteeRequest>(context, cancellationToken);
        return problem ?? await RunAsync(id, context, grains, organization, new MeetingStep(MeetingStepKind.Committee, Reason: body?.Reason));
    }

    private static async Task<IResult> DecisionAsync(string id, HttpContext context, IGrainFactory grains, Organization organization, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CommitteeRequest>(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        return await RunAsync(id, context, grains, organization, new MeetingStep(MeetingStepKind.Decision, Reason: body!.Reason));
    }

    private static Task<IResult> RunAsync(string id, HttpContext context, IGrainFactory grains, Organization organization, MeetingStep step) =>
        CaseEndpoints.RunAsync(id, context, grains, organization, g => g.MeetingAsync(step, context.Actor()));
}
