using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Quality;
using Orleans.Concurrency;
namespace Docket.Abstractions;

/// <summary>
/// A court in the live service, keyed by the court's id: the single writer of the court's ledger. It assigns filed
/// cases with the court's policies, designates, records absences and lets teams pull; sequences, hashes and appends
/// the commands each case's grain decides on its own record (<see cref="LedgerAsync"/>); answers for its teams and
/// indicators. Nothing is acknowledged before its ledger entries are durable.
/// </summary>
[Alias("docket.live.court-grain")]
public interface ILiveCourtGrain : IGrainWithStringKey
{
    /// <summary>Files a case: assigns it (or queues it when no team can take it) and opens its case grain.</summary>
    [Alias("file")]
    Task<CommandResult> FileAsync(FilingRequest request);

    /// <summary>
    /// Sequences a command a case's grain decided on its record (<see cref="Domain.Courts.CaseCommands"/>): when the
    /// court's record of the case is still the one decided on and the decision holds now, appends its entries (and
    /// the pulls a closure lets the case's team make) in the court's group commit and answers once they are durable;
    /// otherwise answers stale, for the case's grain to fold its record again and decide again. What the waiting queue
    /// owes by then is appended first; when that moves the very case (a waiting case), the answer is stale once those
    /// entries are durable.
    /// </summary>
    [Alias("ledger-case-decision")]
    Task<CaseLedgered> LedgerAsync(CaseDecision decision);

    /// <summary>Re-assigns a case to a team chosen by a supervisor (or, with no team, to the designated leader's team).</summary>
    [Alias("designate")]
    Task<CommandResult> DesignateAsync(long number, string? team, string reason, Actor by);

    /// <summary>
    /// A reviewer (or a division head) draws the quality-review sample among the closed files not yet archived that
    /// no earlier draw covered (cases 162, 166): one review_draw entry, re-made on replay.
    /// </summary>
    [Alias("draw-review")]
    Task<CommandResult> DrawForReviewAsync(Actor by);

    /// <summary>Records a review's finding on a drawn file (none, general, serious) and the card it earns (case 159).</summary>
    [Alias("record-finding")]
    Task<CommandResult> RecordFindingAsync(long number, QualityFinding finding, string? note, Actor by);

    /// <summary>One step of a case's professional judges' meeting or adjudication committee (cases 164, 165): refer, held, release, committee, decision.</summary>
    [Alias("meeting")]
    Task<CommandResult> MeetingAsync(long number, MeetingStep step, Actor by);

    /// <summary>
    /// The whole court's deadline watch, now (on demand): escalates the waiting cases that have waited their pool's
    /// threshold and lets free teams pull (the court's own share), then has every case whose check has come decide its
    /// warnings — through its team's watch for a case a team holds open, directly for a waiting or closed one — and
    /// returns the warnings issued, once all are durable. The court's reminder runs the same without waiting for them.
    /// </summary>
    [Alias("watch-deadlines")]
    Task<CourtWarning[]> WatchDeadlinesAsync();

    /// <summary>The warnings issued, oldest first, those issued at or after <paramref name="since"/> when given.</summary>
    [Alias("warnings")]
    Task<CourtWarning[]> GetWarningsAsync(DateTimeOffset? since);

    /// <summary>Records a team away from <paramref name="from"/> (null: now) to <paramref name="to"/>; it leaves its pool's eligible set meanwhile.</summary>
    [Alias("mark-absent")]
    Task<CommandResult> MarkAbsentAsync(string team, DateTimeOffset? from, DateTimeOffset to, string reason, Actor by);

    /// <summary>
    /// Withdraws the team's absence recorded by ledger entry <paramref name="absence"/>: the team is back now, or never
    /// leaves when the absence had not begun (a ledger entry <c>absence_withdrawn</c>).
    /// </summary>
    [Alias("withdraw-absence")]
    Task<CommandResult> WithdrawAbsenceAsync(string team, long absence, string? reason, Actor by);

    /// <summary>A team's absences (null: no such team).</summary>
    [Alias("absences")]
    Task<TeamAbsence[]?> GetAbsencesAsync(string team);

    /// <summary>The court's waiting cases, each pool's in the order they will be pulled.</summary>
    [Alias("queue")]
    Task<QueuedCase[]> GetQueueAsync();

    /// <summary>
    /// Where case <paramref name="number"/> stands in the court's verified ledger, once every entry through it is
    /// durable (<see cref="CaseMark"/>): what its grain checks the entries it reads from storage against. Null for no
    /// such case.
    /// </summary>
    [Alias("case-mark")]
    Task<CaseMark?> GetCaseMarkAsync(long number);

    /// <summary>
    /// A team's docket — or one of its judges', by name — as of the court's durable ledger (a team's or judge's grain
    /// starts or catches up from it); null when no such team or judge.
    /// </summary>
    [Alias("docket")]
    Task<DocketSnapshot?> GetDocketAsync(string team, string? judge);

    /// <summary>
    /// What a team's or judge's docket at <paramref name="through"/> lacks of the court's durable ledger: the last entry
    /// that concerned the team, and the news with the entries after <paramref name="through"/> when the court still
    /// keeps them all (news on its way to the team's grain); null when no such team.
    /// </summary>
    [Alias("catch-up")]
    Task<DocketCatchUp?> CatchUpAsync(string team, long through);

    /// <summary>
    /// A team's grain tells the court the earliest next check among its open cases (null: none can come due until one
    /// changes), as of its docket's ledger position <paramref name="through"/> (not awaited). The court keeps no check
    /// of the cases a team holds: it wakes the team's watch when this check has waited longer than the team's own
    /// watch would have let it.
    /// </summary>
    [OneWay, Alias("team-next-check")]
    Task TeamNextCheckAsync(string team, long through, DateTimeOffset? next);

    [Alias("kpis")]
    Task<CourtKpis> GetKpisAsync(DateTimeOffset? since);

    /// <summary>Records a sitting of the professional judges' meeting (<see cref="CourtCommands.HoldSitting"/>).</summary>
    [Alias("meeting-sitting")]
    Task<CommandResult> HoldSittingAsync(MeetingSitting sitting, Actor by);

    /// <summary>The meeting's sittings and each member's attendance (<see cref="CourtState.Attendance"/>).</summary>
    [Alias("meeting-attendance")]
    Task<MeetingAttendance> GetAttendanceAsync();

    /// <summary>The court's quality review of the files closed in <paramref name="year"/> (UTC), per judge (<see cref="CourtState.QualityYearOf"/>).</summary>
    [Alias("quality-year")]
    Task<Domain.Quality.QualityYear> GetQualityYearAsync(int year);

    /// <summary>
    /// The court's published list of the kind for the period (a key <see cref="Domain.Reports.ReportPeriod.Parse"/>
    /// reads; the caller has checked it and <see cref="Domain.Reports.LiveReports.Refusal"/>), as of now; every row, the
    /// caller keeps those its user may read.
    /// </summary>
    [Alias("report")]
    Task<Domain.Reports.CourtReport> GetReportAsync(Domain.Reports.ReportKind kind, string period);

    /// <summary>The court's seed commitments, the current one last (its secret not revealed).</summary>
    [Alias("commitments")]
    Task<SeedCommitment[]> GetCommitmentsAsync();

    /// <summary>Whether the court serves its work: null, or why it is closed (its ledger does not verify).</summary>
    [Alias("closed")]
    Task<LedgerVerification?> GetClosedAsync();

    /// <summary>Closes the court: its ledger was found not to verify (by the background verification or an audit).</summary>
    [Alias("close")]
    Task CloseAsync(LedgerVerification failure);

    /// <summary>Reveals the current seed in the ledger and commits to a new one.</summary>
    [Alias("rotate-seed")]
    Task<SeedCommitment[]> RotateSeedAsync(Actor by);
}
