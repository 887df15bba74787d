namespace Docket.Domain.Courts;

/// <summary>
/// What a case's party sees with their code: the case's progress — each process node reached, due or late, with its
/// dates — the team it is assigned to (never the judge), the statutory limit and its extensions.
/// </summary>
/// <param name="Version">The ledger sequence number of the last entry that changed the case.</param>
public sealed record PartyView(
    string Id,
    string Type,
    CourtCaseStatus Status,
    DateTimeOffset FiledAt,
    string? Team,
    DateTimeOffset? AssignedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? LimitAt,
    int Extensions,
    double ExtendedDays,
    bool Locked,
    IReadOnlyList<PartyNode> Progress,
    long Version)
{
    /// <summary>The party's view of the case as of <paramref name="now"/>.</summary>
    public static PartyView Of(CaseDetails details, DateTimeOffset now)
    {
        var c = details.Case;
        var deadlines = details.Deadlines.Select(d => new PartyNode(d.Node,
            d.ReachedAt is not null ? PartyNodeStates.Reached : d.Due < now ? PartyNodeStates.Late : PartyNodeStates.Due, d.Due, d.ReachedAt));
        var undated = c.Nodes.Where(n => !details.Deadlines.Any(d => d.Node == n.Node)).Select(n => new PartyNode(n.Node, PartyNodeStates.Reached, null, n.At));
        return new PartyView(c.Id, c.Type, c.Status, c.FiledAt, c.Team, c.AssignedAt, c.ClosedAt, details.LimitAt, c.Extensions, c.ExtendedDays,
            details.Locked, [.. deadlines.Concat(undated).OrderBy(n => n.ReachedAt ?? n.Due)], c.Version);
    }
}

/// <summary>A process node in a party's view: <c>reached</c> (when, and when it was due), <c>due</c> (by when) or <c>late</c> (due and not reached).</summary>
public sealed record PartyNode(string Node, string State, DateTimeOffset? Due, DateTimeOffset? ReachedAt);

/// <summary>The states of a node in a party's view.</summary>
public static class PartyNodeStates
{
    public const string Reached = "reached";
    public const string Due = "due";
    public const string Late = "late";
}
