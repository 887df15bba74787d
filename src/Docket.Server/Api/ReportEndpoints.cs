using Docket.Abstractions;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Reports;
using Microsoft.Net.Http.Headers;

namespace Docket.Server.Api;

/// <summary>The court's published lists (cases 154, 157, 160, 161): JSON, or CSV when asked for with <c>Accept: text/csv</c>.</summary>
internal static class ReportEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/courts/{court}/reports/{kind}", ReportAsync)
            .WithName("CourtReport").WithTags(ApiTags.Courts).WithSummary("A court's published list")
            .WithDescription($"The daily check (daily-check: not served after {CheckRules.NotServedDays:0} days, no hearing after {CheckRules.NoHearingDays:0} days, near the limit; the current day), "
                + "the cases past their limit (past-limit; the current ISO week), the monthly assignment counts per judge with the draws' expected "
                + "counts (assignments), the monthly caseload per division (caseload), the quarterly or yearly ranking of teams (rankings). "
                + "period: yyyy-MM-dd, yyyy-Www, yyyy-MM, yyyy-Qn or yyyy as the kind takes; default the current one. "
                + "JSON, or CSV with Accept: text/csv. Lists of cases hold the rows within the reader's reach")
            .Produces<CourtReport>().Produces<string>(StatusCodes.Status200OK, ReportCsv.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ReportAsync(string court, string kind, string? period, HttpContext context, IGrainFactory grains,
        Organization organization, TimeProvider time)
    {
        if (organization.Court(court) is not { } found)
        {
            return Problems.NotFound($"no court {Quoted.Value(court)}");
        }
        if (!ReportKinds.ByName.TryGetValue(kind, out var reportKind))
        {
            return Problems.BadRequest($"unknown report {Quoted.Value(kind)} (reports: {string.Join(", ", ReportKinds.ByName.Keys)})", "kind");
        }
        var actor = context.Actor();
        var permission = ReportKinds.PermissionOf(reportKind);
        if (!AccessRules.AllowsSomewhere(actor, permission, court))
        {
            return Problems.Forbidden($"court {court}'s {kind} report is not one your role may read");
        }
        var now = time.GetUtcNow();
        ReportPeriod asked;
        if (period is null)
        {
            asked = ReportPeriod.At(found.Scenario.Calendar, ReportKinds.CadencesOf(reportKind)[0], now);
        }
        else if (ReportPeriod.Parse(reportKind, period) is ({ } parsed, _))
        {
            asked = parsed;
        }
        else
        {
            return Problems.BadRequest(ReportPeriod.Parse(reportKind, period).Problem!, "period");
        }
        if (LiveReports.Refusal(found, reportKind, asked, now) is { } refusal)
        {
            return Problems.BadRequest(refusal, "period");
        }
        var report = await grains.GetGrain<ILiveCourtGrain>(court).GetReportAsync(reportKind, asked.Key);
        if (report.Cases is { } cases)
        {
            report = report with { Cases = [.. cases.Where(c => AccessRules.Allows(actor, permission, new(court, c.Division, c.Team)))] };
        }
        return WantsCsv(context.Request)
            ? Results.Text(ReportCsv.Write(report), $"{ReportCsv.ContentType}; charset=utf-8")
            : Results.Ok(report);
    }

    /// <summary>Whether the request's Accept header prefers CSV to JSON.</summary>
    private static bool WantsCsv(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().Accept;
        double Quality(string type) => accepted.Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1).DefaultIfEmpty(-1).Max();
        var csv = Quality(ReportCsv.ContentType);
        return csv > 0 && csv >= Math.Max(Quality("application/json"), 0);
    }
}
