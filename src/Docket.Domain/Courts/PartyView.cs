using System.Text.Json.Serialization;

namespace Docket.Domain.Courts;

/// <summary>
/// What a case's party sees with their code: the case's progress — each process node reached, due or late, with its
/// dates — the team it is assigned to (never the judge), the statutory limit and its extensions.
/// </summary>
public sealed record PartyView
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public required CourtCaseStatus Status { get; init; }

    public required DateTimeOffset FiledAt { get; init; }

    public required string? Team { get; init; }

    public required DateTimeOffset? AssignedAt { get; init; }

    public required DateTimeOffset? ClosedAt { get; init; }

    public required DateTimeOffset? LimitAt { get; init; }

    public required int Extensions { get; init; }

    public required double ExtendedDays { get; init; }

    public required bool Locked { get; init; }

    public required IReadOnlyList<PartyNode> Progress { get; init; }

    /// <summary>The ledger sequence number of the last entry that changed the case.</summary>
    public required long Version { get; init; }

    /// <summary>The party's view of the case as of <paramref name="now"/>.</summary>
    public static PartyView Of(CaseDetails details, DateTimeOffset now)
    {
        var c = details.Case;
        var deadlines = details.Deadlines.Select(d => new PartyNode(d.Node,
            d.ReachedAt is not null ? PartyNodeState.Reached : d.Due < now ? PartyNodeState.Late : PartyNodeState.Due, d.Due, d.ReachedAt));
        var undated = c.Nodes.Where(n => !details.Deadlines.Any(d => d.Node == n.Node)).Select(n => new PartyNode(n.Node, PartyNodeState.Reached, null, n.At));
        return new PartyView
        {
            Id = c.Id,
            Type = c.Type,
            Status = c.Status,
            FiledAt = c.FiledAt,
            Team = c.Team,
            AssignedAt = c.AssignedAt,
            ClosedAt = c.ClosedAt,
            LimitAt = details.LimitAt,
            Extensions = c.Extensions,
            ExtendedDays = c.ExtendedDays,
            Locked = details.Locked,
            Progress = [.. deadlines.Concat(undated).OrderBy(n => n.ReachedAt ?? n.Due)],
            Version = c.Version,
        };
    }
}

/// <summary>A process node in a party's view: <c>reached</c> (when, and when it was due), <c>due</c> (by when) or <c>late</c> (due and not reached).</summary>
public sealed record PartyNode(string Node, PartyNodeState State, DateTimeOffset? Due, DateTimeOffset? ReachedAt);

/// <summary>The states of a node in a party's view. JSON spells them reached, due and late (the view is only ever written as JSON).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PartyNodeState>))]
public enum PartyNodeState : byte
{
    [JsonStringEnumMemberName("reached")]
    Reached,

    [JsonStringEnumMemberName("due")]
    Due,

    [JsonStringEnumMemberName("late")]
    Late,
}
