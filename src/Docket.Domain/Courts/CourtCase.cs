using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Orleans;
namespace Docket.Domain.Courts;

/// <summary>
/// A filed case's record, as the court's ledger makes it: the case grain persists it. <see cref="Version"/> is the
/// ledger sequence number of the last entry that changed it.
/// </summary>
/// <param name="FilingSeq">The ledger entry that filed it (kind assign or queue).</param>
/// <param name="Status">waiting (no team could take it yet), pending, or closed.</param>
/// <param name="AssignmentSeq">The ledger entry of its current assignment (0 while waiting).</param>
/// <param name="StagesDone">Effort stages of the type completed, in effort order.</param>
/// <param name="Stages">The effort stages completed and when.</param>
/// <param name="Nodes">The process nodes reached and when.</param>
/// <param name="Warnings">Deadline warnings issued to the case, in the order issued.</param>
/// <param name="ExtendedDays">Days added to the statutory limit by the extensions granted.</param>
/// <param name="Extensions">Extensions granted.</param>
/// <param name="EscalatedAt">When the waiting case was escalated to the top of its pool's queue (null: not escalated).</param>
[GenerateSerializer, Immutable, Alias("docket.live.case")]
public sealed record CourtCase(
    [property: Id(0)] string Id,
    [property: Id(1)] string Court,
    [property: Id(2)] long Number,
    [property: Id(3)] string Type,
    [property: Id(4)] bool Flagged,
    [property: Id(5)] string Risk,
    [property: Id(6)] DateTimeOffset FiledAt,
    [property: Id(7)] long FilingSeq,
    [property: Id(8)] string Status,
    [property: Id(9)] string? Team,
    [property: Id(10)] string? Judge,
    [property: Id(11)] string Policy,
    [property: Id(12)] bool Designated,
    [property: Id(13)] DateTimeOffset? AssignedAt,
    [property: Id(14)] long AssignmentSeq,
    [property: Id(15)] DateTimeOffset? ClosedAt,
    [property: Id(16)] int StagesDone,
    [property: Id(17)] NodeReach[] Stages,
    [property: Id(18)] NodeReach[] Nodes,
    [property: Id(19)] DateTimeOffset? UnlockedAt,
    [property: Id(20)] int Unlocks,
    [property: Id(21)] long Version,
    [property: Id(22)] CaseWarning[] Warnings,
    [property: Id(23)] double ExtendedDays,
    [property: Id(24)] int Extensions,
    [property: Id(25)] DateTimeOffset? EscalatedAt)
{
    public const string Waiting = "waiting";
    public const string Pending = "pending";
    public const string Closed = "closed";
}
