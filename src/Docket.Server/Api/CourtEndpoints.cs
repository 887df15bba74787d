using Docket.Abstractions;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Deadlines;
using Docket.Domain.Ledger;
using Docket.Domain.Quality;
using Docket.Grains;

namespace Docket.Server.Api;

/// <summary>Courts, teams' caseloads and courts' indicators.</summary>
internal static class CourtEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/courts", ListCourts)
            .WithName("ListCourts").WithTags(ApiTags.Courts).WithSummary("List the courts").WithDescription("The courts the service runs, their divisions, teams and case types")
            .Produces<IReadOnlyList<CourtView>>();

        api.MapGet("/teams/{team}/caseload", CaseloadAsync)
            .WithName("TeamCaseload").WithTags(ApiTags.Teams).WithSummary("A team's caseload").WithDescription("A team's open cases (oldest first), counts, and its figures: open, closed, closure rate, quota attainment and the balance indicators over its cases")
            .Produces<TeamCaseload>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.CaseloadReader);

        api.MapGet("/teams/{team}/judges/{judge}/caseload", JudgeCaseloadAsync)
            .WithName("JudgeCaseload").WithTags(ApiTags.Teams).WithSummary("A judge's caseload").WithDescription("The open cases (oldest first), counts and figures of one judge of a team, judge-1, judge-2, …: the cases that judge is in charge of, quota attainment against the judge's equal share of the team's quota")
            .Produces<TeamCaseload>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.CaseloadReader);

        api.MapPost("/teams/{team}/absences", MarkAbsentAsync)
            .WithName("RecordAbsence").WithTags(ApiTags.Teams).WithSummary("Record a team's absence").WithDescription("Record a team away from a time (default now) to a time, with a reason: it receives no cases meanwhile")
            .Accepts<AbsenceRequest>("application/json")
            .Produces<TeamAbsencesResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.AbsenceKeeper);

        api.MapPost("/teams/{team}/absences/{seq}/withdraw", WithdrawAbsenceAsync)
            .WithName("WithdrawAbsence").WithTags(ApiTags.Teams).WithSummary("Withdraw a team's absence")
            .WithDescription("Withdraw the team's absence recorded by ledger entry {seq}, with an optional reason: the team is back now, or never leaves when the absence had not begun (by those who may record it)")
            .Accepts<AbsenceWithdrawalRequest>("application/json")
            .Produces<TeamAbsencesResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.AbsenceKeeper);

        api.MapGet("/teams/{team}/absences", AbsencesAsync)
            .WithName("TeamAbsences").WithTags(ApiTags.Teams).WithSummary("A team's absences").WithDescription("A team's absences, as recorded")
            .Produces<TeamAbsencesResponse>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Overseer);

        api.MapGet("/courts/{court}/kpis", KpisAsync)
            .WithName("CourtKpis").WithTags(ApiTags.Courts).WithSummary("A court's indicators").WithDescription("Closure rate, clearance, pending ages, long-pending, locks and the balance index")
            .Produces<CourtKpis>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.KpiReader);

        api.MapGet("/courts/{court}/queue", QueueAsync)
            .WithName("CourtQueue").WithTags(ApiTags.Courts).WithSummary("A court's waiting queue").WithDescription("Cases waiting for a team, each pool's in the order they will be pulled, with their escalation")
            .Produces<QueueResponse>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.KpiReader);

        api.MapGet("/courts/{court}/warnings", WarningsAsync)
            .WithName("CourtWarnings").WithTags(ApiTags.Courts).WithSummary("A court's deadline warnings").WithDescription("Deadline warnings the court's watcher issued (optionally since a time, of one level), oldest first")
            .Produces<WarningsResponse>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Overseer);

        api.MapPost("/courts/{court}/quality-review/draws", DrawForReviewAsync)
            .WithName("DrawReviewSample").WithTags(ApiTags.Courts).WithSummary("Draw the quality-review sample")
            .WithDescription("A reviewer of the court (or a division head) draws among the closed files not yet archived that no earlier draw covered: every file of the set categories, one per judge at random and a proportional share of the rest (cases 162, 166). The draw is a ledger entry anyone holding the epoch's secret re-makes; the files drawn are archived only after their review passes")
            .Produces<ReviewDrawResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.QualityReviewer);

        api.MapGet("/courts/{court}/quality-review", QualityYearAsync)
            .WithName("QualityReviewYear").WithTags(ApiTags.Courts).WithSummary("A year's quality review per judge")
            .WithDescription("Each judge's files closed in the year (UTC, ?year=, default this year): closed, held for the next draw, whether a draw drew one, reviewed; and the judges who closed files that year with none reviewed yet (case 166: at least one file per judge a year)")
            .Produces<Docket.Domain.Quality.QualityYear>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.QualityReader);

        api.MapPost("/courts/{court}/deadline-watch", WatchAsync)
            .WithName("RunDeadlineWatch").WithTags(ApiTags.Courts).WithSummary("Run the deadline watcher now").WithDescription("Run the court's deadline watcher now (it also runs on its reminder); answers the warnings it issued")
            .Produces<WarningsResponse>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Admin);
    }

    private static async Task<IResult> WarningsAsync(string court, DateTimeOffset? since, string? level, HttpContext context, IGrainFactory grains, Organization organization)
    {
        if (organization.Court(court) is null)
        {
            return Problems.NotFound($"no court {Quoted.Value(court)}");
        }
        var actor = context.Actor();
        if (!AccessRules.AllowsSomewhere(actor, Permission.Oversee, court))
        {
            return Problems.Forbidden($"court {court}'s warnings are for its president, division heads, auditors and admins");
        }
        var wanted = WarningLevels.Parse(level);
        if (level is not null && wanted is null)
        {
            return Problems.BadRequest($"unknown warning level {Quoted.Value(level)} (levels: {string.Join(", ", WarningLevels.All.Select(WarningLevels.NameOf))})", "level");
        }
        var warnings = await grains.LiveCourt(court).GetWarningsAsync(since);
        return Results.Ok(new WarningsResponse(court,
            [.. warnings.Where(w => (wanted is null || w.Warning.Level == wanted) && AccessRules.Allows(actor, Permission.Oversee, new(court, w.Division)))]));
    }

    private static async Task<IResult> DrawForReviewAsync(string court, HttpContext context, IGrainFactory grains, Organization organization)
    {
        if (Problems.NotTheirCourt(organization, context.Actor(), court) is { } refused)
        {
            return refused;
        }
        var result = await grains.LiveCourt(court).DrawForReviewAsync(context.Actor());
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }
        var entry = LedgerEntry.Parse(result.Entries[0].Json);
        return Results.Created($"/api/courts/{Uri.EscapeDataString(court)}/ledger",
            new ReviewDrawResponse(court, entry.Eligible ?? [], entry.Sample ?? [], LedgerEntryView.Of(result.Entries[0])));
    }

    private static async Task<IResult> QualityYearAsync(string court, string? year, HttpContext context, IGrainFactory grains, Organization organization, TimeProvider time)
    {
        if (Problems.NotTheirCourt(organization, context.Actor(), court) is { } refused)
        {
            return refused;
        }
        var which = QualityRules.ReviewYearOf(time.GetUtcNow());
        if (year is not null && (!int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out which) || which is < 1 or > 9999))
        {
            return Problems.BadRequest($"the year is a calendar year such as 2026, not {Quoted.Value(year)}", "year");
        }
        return Results.Ok(await grains.LiveCourt(court).GetQualityYearAsync(which));
    }

    private static async Task<IResult> MarkAbsentAsync(string team, HttpContext context, IGrainFactory grains, Organization organization, CancellationToken cancellationToken)
    {
        if (FindTeam(team, organization) is not ({ } court, var index, var id))
        {
            return Problems.NotFound($"no team {Quoted.Value(team)}");
        }
        var actor = context.Actor();
        if (!AccessRules.Allows(actor, Permission.MarkAbsent, new(court.Id, court.DivisionOf(index))))
        {
            return Problems.Forbidden($"team {id}'s absences are recorded by a division head of its division, its court's president or an admin");
        }
        var (body, problem) = await JsonBody.ReadAsync<AbsenceRequest>(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (body!.To is not { } to)
        {
            return Problems.Invalid("to", "when the absence ends is required");
        }
        var grain = grains.LiveCourt(court.Id);
        var result = await grain.MarkAbsentAsync(id, body.From, to, body.Reason ?? "", actor);
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }
        return Results.Created($"/api/teams/{Uri.EscapeDataString(id)}/absences",
            new TeamAbsencesResponse(id, await grain.GetAbsencesAsync(id) ?? [], LedgerEntryView.Of(result.Entries[0])));
    }

    private static async Task<IResult> WithdrawAbsenceAsync(string team, long seq, HttpContext context, IGrainFactory grains, Organization organization, CancellationToken cancellationToken)
    {
        if (FindTeam(team, organization) is not ({ } court, _, var id))
        {
            return Problems.NotFound($"no team {Quoted.Value(team)}");
        }
        var (body, problem) = await JsonBody.ReadOptionalAsync<AbsenceWithdrawalRequest>(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        // The court refuses (403) a user who may not record the team's absences, as it does the recording.
        var grain = grains.LiveCourt(court.Id);
        var result = await grain.WithdrawAbsenceAsync(id, seq, body?.Reason, context.Actor());
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }
        return Results.Ok(new TeamAbsencesResponse(id, await grain.GetAbsencesAsync(id) ?? [], LedgerEntryView.Of(result.Entries[0])));
    }

    private static async Task<IResult> AbsencesAsync(string team, HttpContext context, IGrainFactory grains, Organization organization)
    {
        if (FindTeam(team, organization) is not ({ } court, var index, var id))
        {
            return Problems.NotFound($"no team {Quoted.Value(team)}");
        }
        if (!AccessRules.Allows(context.Actor(), Permission.Oversee, new(court.Id, court.DivisionOf(index))))
        {
            return Problems.Forbidden($"team {id}'s absences are for its division head, its court's president, auditors and admins");
        }
        return Results.Ok(new TeamAbsencesResponse(id, await grains.LiveCourt(court.Id).GetAbsencesAsync(id) ?? [], null));
    }

    private static async Task<IResult> QueueAsync(string court, HttpContext context, IGrainFactory grains, Organization organization)
    {
        if (organization.Court(court) is null)
        {
            return Problems.NotFound($"no court {Quoted.Value(court)}");
        }
        if (!AccessRules.Allows(context.Actor(), Permission.SeeKpis, new(court)))
        {
            return Problems.Forbidden($"court {court}'s queue is for its president, division heads, auditors and admins");
        }
        return Results.Ok(new QueueResponse(court, await grains.LiveCourt(court).GetQueueAsync()));
    }

    private static async Task<IResult> WatchAsync(string court, HttpContext context, IGrainFactory grains, Organization organization)
    {
        if (organization.Court(court) is null)
        {
            return Problems.NotFound($"no court {Quoted.Value(court)}");
        }
        if (!AccessRules.Allows(context.Actor(), Permission.Administer, new(court)))
        {
            return Problems.Forbidden($"only {AccessRules.Who(Permission.Administer, court)} runs court {court}'s deadline watcher on demand");
        }
        return Results.Ok(new WarningsResponse(court, await grains.LiveCourt(court).WatchDeadlinesAsync()));
    }

    /// <summary>
    /// A team by its id, which for a many-court scenario holds a '/' ("court/team-1"), sent percent-encoded. The server
    /// decodes a route value but leaves <c>%2F</c> as it is, so that alone is decoded here: decoding the whole value
    /// again would read <c>civil%252D1</c> as civil-1.
    /// </summary>
    private static (Court Court, int Index, string Id)? FindTeam(string team, Organization organization)
    {
        var id = team.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        return organization.FindTeam(id) is { } found ? (found.Court, found.Team, id) : null;
    }

    private static IResult ListCourts(HttpContext context, Organization organization)
    {
        var actor = context.Actor();
        return Results.Ok(organization.CourtIds.Where(id => AccessRules.InCourt(actor, id)).Select(id => CourtView.Of(organization.Court(id)!)).ToList());
    }

    private static async Task<IResult> CaseloadAsync(string team, HttpContext context, IGrainFactory grains, Organization organization)
    {
        if (FindTeam(team, organization) is not ({ } court, var index, var id))
        {
            return Problems.NotFound($"no team {Quoted.Value(team)}");
        }
        if (!AccessRules.Allows(context.Actor(), Permission.Read, new(court.Id, court.DivisionOf(index), id)))
        {
            return Problems.Forbidden($"team {id}'s caseload is not one you may see");
        }
        return Results.Ok(await grains.LiveTeam(id).GetCaseloadAsync());
    }

    private static async Task<IResult> JudgeCaseloadAsync(string team, string judge, HttpContext context, IGrainFactory grains, Organization organization)
    {
        if (FindTeam(team, organization) is not ({ } court, var index, var id))
        {
            return Problems.NotFound($"no team {Quoted.Value(team)}");
        }
        if (!AccessRules.Allows(context.Actor(), Permission.Read, new(court.Id, court.DivisionOf(index), id)))
        {
            return Problems.Forbidden($"team {id}'s caseload is not one you may see");
        }
        return await grains.GetGrain<ILiveJudgeGrain>($"{id}/{judge}").GetCaseloadAsync() is { } load
            ? Results.Ok(load)
            : Problems.NotFound($"team {id} has no judge {Quoted.Value(judge)} (its judges are judge-1 to judge-{court.Layout.JudgesPerTeam[index]})");
    }

    private static async Task<IResult> KpisAsync(string court, DateTimeOffset? since, HttpContext context, IGrainFactory grains, Organization organization, TimeProvider time)
    {
        if (organization.Court(court) is null)
        {
            return Problems.NotFound($"no court {Quoted.Value(court)}");
        }
        if (!AccessRules.Allows(context.Actor(), Permission.SeeKpis, new(court)))
        {
            return Problems.Forbidden($"court {court}'s indicators are for its president, division heads, auditors and admins");
        }
        if (since > time.GetUtcNow())
        {
            return Problems.BadRequest($"the indicators' window starts at 'since' and ends now: {since:O} is after now", "since");
        }
        return Results.Ok(await grains.LiveCourt(court).GetKpisAsync(since));
    }
}

/// <summary>A court as the API lists it.</summary>
public sealed record CourtView(string Id, IReadOnlyList<string> CaseTypes, IReadOnlyList<DivisionView> Divisions, IReadOnlyList<PoolView> Pools)
{
    public static CourtView Of(Court court)
    {
        var layout = court.Layout;
        var divisions = layout.Spec.Teams.Select((g, i) => new DivisionView(g.Id,
            [.. layout.Teams.Where(t => t.Group == i).Select(t => t.Id)])).ToList();
        var pools = Enumerable.Range(0, layout.PoolSpecs.Count).Select(p => new PoolView(court.PoolNames[p],
            Docket.Domain.Assignment.AssignmentPolicyNames.NameOf(layout.PoolSpecs[p].Policy),
            [.. layout.PoolTeams[p].Select(t => layout.Teams[t].Id)])).ToList();
        return new CourtView(court.Id, [.. court.CaseTypes.Select(t => t.Id)], divisions, pools);
    }
}

public sealed record DivisionView(string Id, IReadOnlyList<string> Teams);

public sealed record PoolView(string Name, string Policy, IReadOnlyList<string> Teams);
