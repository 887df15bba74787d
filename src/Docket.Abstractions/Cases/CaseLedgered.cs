using Docket.Domain.Courts;
using Docket.Domain.Ledger;

namespace Docket.Abstractions;

/// <summary>
/// The court's answer to a case's decision (<see cref="ILiveCourtGrain.LedgerAsync"/>): ledgered — the decision's
/// entries appended (and a closure's pulls after them), durable, as stored (<see cref="Entries"/>, the text the
/// command's answer shows) and the decision's own as typed entries (<see cref="Decided"/>), which the case's grain
/// applies to the record it decided on (the court took the decision only on that record's version), and the deadline
/// warnings they issued; the
/// entries the waiting queue owed by the decision's moment, written first in the same write, are not among them — or
/// stale: the case changed meanwhile, and its grain folds its record again from the ledger and decides again.
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.live.case-ledgered")]
public sealed record CaseLedgered(
    [property: Id(0)] bool Stale,
    [property: Id(2)] LedgerRecord[] Entries,
    [property: Id(3)] CourtWarning[] Warnings,
    [property: Id(4)] LedgerEntry[] Decided);

/// <summary>
/// Where a case stands in the court's verified ledger (<see cref="ILiveCourtGrain.GetCaseMarkAsync"/>): for a case in
/// progress, the last entry that changed it (<see cref="Version"/>) and the digest of its entries through that one
/// (<see cref="CaseDigest"/>), every one of them durable; for a finished case, whose entries no longer change,
/// no digest (the court keeps none for it).
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.live.case-mark")]
public sealed record CaseMark(
    [property: Id(0)] long Version,
    [property: Id(1)] CaseDigest? Digest);
