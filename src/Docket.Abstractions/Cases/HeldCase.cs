using Docket.Domain.Courts;
using Docket.Domain.Ledger;

namespace Docket.Abstractions;

/// <summary>
/// A case's record as the court holds it, sent to the case's grain whole: <see cref="CourtCase"/>'s Orleans form
/// leaves out where its conversion, its quality review and its meeting stand (kept so the form silos exchange stays as it was),
/// which the case's grain needs to decide its commands (a conversion; archiving waits for a review; a held case closes only once released); they travel
/// beside the record here.
/// </summary>
/// <remarks>
/// The conversion and the review travel as their enums (ids 1 and 2, strings in earlier versions): a message between
/// silos, never stored, so silos of one version read each other's.
/// </remarks>
[GenerateSerializer, Immutable, Alias("docket.live.held-case")]
public sealed record HeldCase(
    [property: Id(0)] CourtCase Record,
    [property: Id(1)] Domain.Deadlines.ConversionState? Conversion,
    [property: Id(2)] Domain.Quality.ReviewState? Review = null,
    [property: Id(3)] Domain.Supervision.MeetingHold? Meeting = null)
{
    public static HeldCase Of(CourtCase c) => new(c, c.Conversion, c.Review, c.Meeting);

    /// <summary>The record with its conversion, review and meeting, however it travelled.</summary>
    public CourtCase Whole => Record.Conversion == Conversion && Record.Review == Review && Record.Meeting == Meeting
        ? Record
        : Record with { Conversion = Conversion, Review = Review, Meeting = Meeting };
}

/// <summary>
/// The court's answer to a case's decision (<see cref="ILiveCourtGrain.LedgerAsync"/>): ledgered — the entries
/// appended, durable, the record after them and the deadline warnings they issued — or stale, with the record the
/// court holds now (durable), to decide on again.
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.live.case-ledgered")]
public sealed record CaseLedgered(
    [property: Id(0)] bool Stale,
    [property: Id(1)] HeldCase? Case,
    [property: Id(2)] LedgerRecord[] Entries,
    [property: Id(3)] CourtWarning[] Warnings);
