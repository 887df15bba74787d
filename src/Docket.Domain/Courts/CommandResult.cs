using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Orleans;
namespace Docket.Domain.Courts;

/// <summary>
/// What a command on a case gave: the outcome, and on failure the field at fault and a message; on success the
/// case and the ledger entries the command appended.
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.live.command-result")]
public sealed record CommandResult(
    [property: Id(0)] Outcome Outcome,
    [property: Id(1)] string? Field,
    [property: Id(2)] string? Error,
    [property: Id(3)] CaseDetails? Case,
    [property: Id(4)] LedgerRecord[] Entries,
    [property: Id(5)] bool Replayed)
{
    public static CommandResult Fail(Outcome outcome, string? field, string error) => new(outcome, field, error, null, [], false);

    public bool Succeeded => Outcome is Outcome.Ok or Outcome.Created;
}
