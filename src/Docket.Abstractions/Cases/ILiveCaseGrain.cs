using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Quality;
namespace Docket.Abstractions;

/// <summary>
/// A filed case, keyed by its id (<c>{court}-{number}</c>): it serialises the commands on it and holds its record,
/// folded from the court's ledger as storage holds it, checked against the court's mark of the case (never stored a
/// second time). It decides its own commands on that record — node
/// reached, unlock, extension, conversion asked and decided, party code (<see cref="Domain.Courts.CaseCommands"/>) —
/// and has the court sequence them; a designation (an assignment) the court decides.
/// It decides its own deadline warnings too (<see cref="WatchAsync"/>): when its team's or its court's watch asks, and,
/// while active, on its own timer at its record's next deadline check.
/// </summary>
[Alias("docket.live.case-grain")]
public interface ILiveCaseGrain : IGrainWithStringKey
{
    /// <summary>The case with its deadlines as of now; null when no such case was filed.</summary>
    [Alias("get")]
    Task<CaseDetails?> GetAsync();

    /// <summary>
    /// The case as <see cref="GetAsync"/> answers it, when <paramref name="codeHmac"/> is the keyed hash of its
    /// party's current code (<see cref="PartyCodes"/>); null otherwise — no such case, one filed before codes, or
    /// another code — so a party's read tells nothing about a case whose code it does not have.
    /// </summary>
    [Alias("get-for-party")]
    Task<CaseDetails?> GetForPartyAsync(string codeHmac);

    /// <summary>
    /// Told by the court that an entry of its own (a pull, an escalation, a review draw, a meeting's sitting) changed
    /// the case, up to entry <paramref name="version"/>: an active grain whose record is older folds it again.
    /// </summary>
    [Alias("changed")]
    Task ChangedAsync(long version);

    /// <summary>
    /// Issues the deadline warnings the case has earned by now and not been issued
    /// (<see cref="Domain.Courts.CaseCommands.Warn"/>), decided on its record and sequenced by the court like its other
    /// commands; returns those issued, once durable (none when nothing is due, or no such case).
    /// </summary>
    [Alias("watch")]
    Task<CourtWarning[]> WatchAsync();

    [Alias("reach")]
    Task<CommandResult> ReachAsync(string node, Actor by);

    [Alias("unlock")]
    Task<CommandResult> UnlockAsync(string? reason, Actor by);

    [Alias("extend")]
    Task<CommandResult> ExtendAsync(double days, string reason, Actor by);

    [Alias("request-conversion")]
    Task<CommandResult> RequestConversionAsync(string reason, Actor by);

    [Alias("decide-conversion")]
    Task<CommandResult> DecideConversionAsync(bool approve, string? reason, Actor by);

    /// <summary>Records a review's finding on the drawn file and the card it earns (case 159).</summary>
    [Alias("record-finding")]
    Task<CommandResult> RecordFindingAsync(QualityFinding finding, string? note, Actor by);

    [Alias("meeting")]
    Task<CommandResult> MeetingAsync(MeetingStep step, Actor by);

    /// <summary>Gives the case's party a new code, recorded as its keyed hash (a registrar; the earlier code stops working).</summary>
    [Alias("issue-party-code")]
    Task<CommandResult> IssuePartyCodeAsync(string hmac, Actor by);

    [Alias("designate")]
    Task<CommandResult> DesignateAsync(string? team, string reason, Actor by);
}
