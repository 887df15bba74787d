namespace Docket.Server.Api;

/// <summary>The groups of the API page (the OpenAPI document's tags), in the order the page lists them.</summary>
internal static class ApiTags
{
    public const string Cases = "Cases";
    public const string Courts = "Courts";
    public const string Teams = "Teams";
    public const string Audit = "Audit";
    public const string Health = "Health";
    public const string Public = "Parties";

    public static readonly (string Name, string Description)[] All =
    [
        (Cases, "Filing a case (assigned at once by the court's policy), reading it, reporting its process nodes, unlocking, designating and extending its time limit."),
        (Courts, "The courts the service runs, their indicators, waiting queue, deadline warnings and published reports."),
        (Teams, "A team's caseload and absences."),
        (Audit, "The hash-chained assignment ledger: entries, verification and the seed commitments."),
        (Public, "A case's party reads its progress with the code the filing gave (header X-Party-Code, no other credentials); the page /track shows it."),
        (Health, "Liveness, for load balancers and monitoring; no credentials needed."),
    ];
}
