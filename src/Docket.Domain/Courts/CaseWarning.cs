using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Orleans;
namespace Docket.Domain.Courts;

/// <summary>
/// A deadline warning issued to a case by its court's deadline watcher and recorded in the court's ledger (entry
/// <see cref="Seq"/>, at <see cref="At"/>): about <see cref="Subject"/> (a process node, or <c>time_limit</c>), at
/// <see cref="Level"/> (judge, division_head, president, discipline, locked, limit_warning, limit_overdue,
/// yellow_card), for the deadline <see cref="Due"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.live.case-warning")]
public sealed record CaseWarning(
    [property: Id(0)] string Subject,
    [property: Id(1)] string Level,
    [property: Id(2)] DateTimeOffset Due,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] long Seq);
