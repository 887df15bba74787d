using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Orleans.Concurrency;

namespace Docket.Abstractions;

/// <summary>
/// A team of a live court, keyed by the team's id: it holds the team's open docket (<see cref="OpenDocket"/>),
/// derived from the court's ledger — told by its court of every durable entry that concerns the team, caught up
/// from the court when one was lost — and answers for the team's caseload. It tells its judges' grains what it is
/// told, and watches its open cases' deadlines: on its own timer while it is active, and when the court wakes it.
/// </summary>
[Alias("docket.live.team-grain")]
public interface ILiveTeamGrain : IGrainWithStringKey
{
    /// <summary>Durable entries of the court's ledger that concern the team (sent by the court, not awaited).</summary>
    [OneWay, Alias("tell")]
    Task TellAsync(DocketNews news);

    /// <summary>The team's caseload, as of the court's durable ledger; null when no such team.</summary>
    [Alias("caseload")]
    Task<TeamCaseload?> GetCaseloadAsync();

    /// <summary>
    /// The team's deadline watch, now (its timer's tick; the court calls it for a team whose due case waited too
    /// long): has each of its open cases whose check has come decide its warnings (<see cref="ILiveCaseGrain.WatchAsync"/>),
    /// in parallel, and returns those issued. Empty for no such team.
    /// </summary>
    [Alias("watch-deadlines")]
    Task<CourtWarning[]> WatchDeadlinesAsync();
}

/// <summary>
/// Durable ledger entries that concerned a team, in order (without the eligible teams and draw, which only the
/// assignment needs), with the entry before them that concerned it
/// (<see cref="Previous"/>, 0: none), so a docket that did not take that one knows it missed news; and the records
/// of the cases that arrived at the team by a pull or designation, or were filed to it, as of the last of the entries
/// (immutable: in the silo the team's and judges' dockets keep the court's records themselves).
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.live.docket-news")]
public sealed record DocketNews(
    [property: Id(0)] string Team,
    [property: Id(1)] long Previous,
    [property: Id(2)] LedgerEntry[] Entries,
    [property: Id(3)] CourtCase[] Arrivals);

/// <summary>
/// A docket's catch-up (<see cref="ILiveCourtGrain.CatchUpAsync"/>): the last durable entry that concerned the team
/// (<see cref="LastTouch"/>, 0: none), and the news with every entry the docket lacks, oldest first — empty when it
/// lacks none, null when the court no longer keeps them all (the docket is then taken afresh).
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.live.docket-catch-up")]
public sealed record DocketCatchUp(
    [property: Id(0)] long LastTouch,
    [property: Id(1)] DocketNews[]? News);
