using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Orleans.Concurrency;

namespace Docket.Abstractions;

/// <summary>
/// A judge of a live court's team, keyed by the judge's name (<c>{team}/judge-{k}</c>): the open docket of the cases
/// the judge is in charge of, derived from the court's ledger as the team's is.
/// </summary>
[Alias("docket.live.judge-grain")]
public interface ILiveJudgeGrain : IGrainWithStringKey
{
    /// <summary>The team's news, passed on by the team's grain (not awaited).</summary>
    [OneWay, Alias("tell")]
    Task TellAsync(DocketNews news);

    /// <summary>The judge's caseload, as of the court's durable ledger; null when no such judge.</summary>
    [Alias("caseload")]
    Task<TeamCaseload?> GetCaseloadAsync();
}
