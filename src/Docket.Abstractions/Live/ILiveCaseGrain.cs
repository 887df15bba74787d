using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
namespace Docket.Abstractions.Live;

/// <summary>
/// A filed case, keyed by its id (<c>{court}-{number}</c>): it persists the case's record and serialises the
/// commands on it; the court's ledger decides them.
/// </summary>
[Alias("docket.live.case-grain")]
public interface ILiveCaseGrain : IGrainWithStringKey
{
    /// <summary>The case with its deadlines as of now; null when no such case was filed.</summary>
    [Alias("get")]
    Task<CaseDetails?> GetAsync();

    /// <summary>Stores the court's newer record of the case (called by the court).</summary>
    [Alias("adopt")]
    Task AdoptAsync(CourtCase record);

    [Alias("reach")]
    Task<CommandResult> ReachAsync(string node, Actor by);

    [Alias("unlock")]
    Task<CommandResult> UnlockAsync(string? reason, Actor by);

    [Alias("extend")]
    Task<CommandResult> ExtendAsync(double days, string reason, Actor by);

    [Alias("designate")]
    Task<CommandResult> DesignateAsync(string? team, string reason, Actor by);
}
