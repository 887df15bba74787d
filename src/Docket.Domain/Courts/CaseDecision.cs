using Docket.Domain.Access;
using Docket.Domain.Ledger;
using Orleans;

namespace Docket.Domain.Courts;

/// <summary>
/// A command on one case decided on the case's record alone (<see cref="CaseCommands"/>): refused, or the ledger
/// entries to append — drafts, without their place in the chain (<c>seq</c>, <c>prev</c>) or their time, which the
/// court gives them when it sequences them (<see cref="CourtCommands.Ledger"/>). The court takes the decision only
/// while the case's record is still <see cref="Version"/> and the entry's time falls where the decision holds.
/// </summary>
/// <param name="Version">The record's version (its last entry) the decision was made on.</param>
/// <param name="At">The moment it was decided at.</param>
/// <param name="HoldsUntil">
/// The first moment after <see cref="At"/> at which the same record may be decided otherwise by the clock alone
/// (<see cref="CaseClock.SteadyUntil"/>); null: not until the record changes.
/// </param>
/// <param name="By">Who asked (the pulls a closure lets the team make are recorded under them).</param>
[GenerateSerializer, Immutable, Alias("docket.live.case-decision")]
public sealed record CaseDecision(
    [property: Id(0)] long Number,
    [property: Id(1)] long Version,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] DateTimeOffset? HoldsUntil,
    [property: Id(4)] LedgerEntry[] Entries,
    [property: Id(5)] Actor By,
    [property: Id(6)] CommandResult? Refused)
{
    /// <summary>Whether the decision's entries close the case (its team then pulls: an assignment, the court's).</summary>
    public bool Closes => Array.Exists(Entries, e => e.Kind == LedgerKinds.Close);

    /// <summary>Whether the decision holds for entries recorded at <paramref name="at"/> (the moment decided at, or after it and before <see cref="HoldsUntil"/>).</summary>
    public bool HoldsAt(DateTimeOffset at) => at == At || (at > At && (HoldsUntil is not { } until || at < until));

    public static CaseDecision Refuse(CourtCase c, Actor by, DateTimeOffset at, Outcome outcome, string? field, string error) =>
        new(c.Number, c.Version, at, null, [], by, CommandResult.Fail(outcome, field, error));
}
