using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Orleans;
namespace Docket.Domain.Courts;

/// <summary>
/// A process node's deadline as of now: when it is due, whether it was reached, how far the escalation ladder has
/// gone (none, judge, division_head, president, discipline) and whether it locks the case when overdue.
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.live.deadline")]
public sealed record DeadlineView(
    [property: Id(0)] string Node,
    [property: Id(1)] DateTimeOffset Due,
    [property: Id(2)] DateTimeOffset? ReachedAt,
    [property: Id(3)] string Escalation,
    [property: Id(4)] bool Locks);
