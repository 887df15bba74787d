using Docket.Abstractions;
using Docket.Domain.Courts;
using Docket.Domain.Supervision;
using Docket.Grains;

namespace Docket.Server.Api;

/// <summary>
/// A case's professional judges' meeting and the adjudication committee (cases 164, 165): referral with a trigger,
/// the meeting held, the minutes released, the committee's referral and decision; the rules are the domain's
/// (<see cref="CourtCommands.Meeting"/>).
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
    }

    private static async Task<IResult> ReferAsync(string id, HttpContext context, IGrainFactory grains, Organization organization, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<MeetingReferralRequest>(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (MeetingTriggers.IndexOf(body!.Trigger) < 0)
        {
            return Problems.Invalid("trigger", $"the referral's trigger is one of {string.Join(", ", MeetingTriggers.All)}");
        }
        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            return Problems.Invalid("reason", "a referral to a meeting needs a written reason");
        }
        return await RunAsync(id, context, grains, organization, new MeetingStep(MeetingStep.Refer, body.Trigger, body.Reason));
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
        return await RunAsync(id, context, grains, organization, new MeetingStep(MeetingStep.Held, Adopted: adopted));
    }

    private static Task<IResult> ReleaseAsync(string id, HttpContext context, IGrainFactory grains, Organization organization) =>
        RunAsync(id, context, grains, organization, new MeetingStep(MeetingStep.Release));

    private static async Task<IResult> CommitteeAsync(string id, HttpContext context, IGrainFactory grains, Organization organization, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CommitteeRequest>(context, cancellationToken);
        return problem ?? await RunAsync(id, context, grains, organization, new MeetingStep(MeetingStep.Committee, Reason: body!.Reason));
    }

    private static async Task<IResult> DecisionAsync(string id, HttpContext context, IGrainFactory grains, Organization organization, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CommitteeRequest>(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (string.IsNullOrWhiteSpace(body!.Reason))
        {
            return Problems.Invalid("reason", "the committee's decision needs a written reason");
        }
        return await RunAsync(id, context, grains, organization, new MeetingStep(MeetingStep.Decision, Reason: body.Reason));
    }

    private static Task<IResult> RunAsync(string id, HttpContext context, IGrainFactory grains, Organization organization, MeetingStep step) =>
        CaseEndpoints.RunAsync(id, context, grains, organization, g => g.MeetingAsync(step, context.Actor()));
}
