using Docket.Domain.Courts;
using Docket.Domain.Ledger;

namespace Docket.Domain.Reports;

/// <summary>
/// One production of a live court's report (<see cref="LiveReports"/>), in parts as <see cref="CourtIndicatorPass"/>
/// counts, so a court with a long history produces it between other commands instead of stopping for the whole read:
/// the cases finished when it began from their rows in storage (<see cref="CountFinished"/>; only a count or ranking
/// reads them, <see cref="ReadsFinished"/>, and only those last staged at or after <see cref="FinishedSince"/> can
/// fall in its period), then the cases in progress when it began from their records as they stood then
/// (<see cref="Step"/>, a few at a time or all at once, on any thread). All against the one <c>now</c>, and only the
/// cases the report reads are kept (<see cref="LiveReports.Reads"/>): the report of the court as of the entry it began
/// at, however long it takes.
/// </summary>
public sealed class LiveReportPass : ICourtCasesPass
{
    private readonly CourtState _state;
    private readonly ReportKind _kind;
    private readonly ReportPeriod _period;
    private readonly DateTimeOffset _now;
    private readonly Func<CheckedCase, bool> _reads;
    private readonly List<(CheckedCase Facts, CourtCase? Record)> _kept = [];
    private readonly CasesInProgressSweep _inProgress;

    public LiveReportPass(CourtState state, ReportKind kind, ReportPeriod period, DateTimeOffset now)
    {
        _state = state;
        _kind = kind;
        _period = period;
        _now = now;
        var calendar = state.Court.Scenario.Calendar;
        var (from, to) = period.Days(calendar);
        _reads = LiveReports.Reads(kind, from, to);
        // A finished case counts in a period only by a closure in or after it, and its last stage is no earlier; a day
        // of slack for the rounding of days to instants, the facts deciding exactly.
        FinishedSince = calendar.InstantOf(from) - TimeSpan.FromDays(1);
        Through = state.Seq;
        // The monthly counts read the ledger's assignment entries, not the cases.
        _inProgress = new CasesInProgressSweep(kind == ReportKind.Assignments ? [] : state.CasesInProgressNow());
    }

    /// <summary>Whether the report reads finished cases at all (a list reads the open ones only, the monthly counts none).</summary>
    public bool ReadsFinished => _kind is ReportKind.Caseload or ReportKind.Rankings;

    /// <summary>The finished cases the report can read are those whose last stage is at or after this.</summary>
    public DateTimeOffset FinishedSince { get; }

    /// <summary>The ledger position the pass began at: the finished cases to read are those finished by this entry.</summary>
    public long Through { get; }

    /// <summary>Reads finished cases from storage; rows finished after <see cref="Through"/> are skipped.</summary>
    public void CountFinished(IEnumerable<FinishedCase> finished)
    {
        foreach (var f in finished)
        {
            if (f.FinishedSeq <= Through)
            {
                CountFinished(f);
            }
        }
    }

    private void CountFinished(FinishedCase f)
    {
        if (ReadsFinished)
        {
            Keep(LiveReports.Checked(_state.Court, f), null);
        }
    }

    /// <summary>Reads up to <paramref name="cases"/> more of the cases in progress when the pass began, as they stood then; true once every one is read.</summary>
    public bool Step(int cases) => _inProgress.Step(cases, c =>
    {
        var (facts, record) = LiveReports.Checked(_state.Court, c);
        Keep(facts, record);
    });

    private void Keep(CheckedCase facts, CourtCase? record)
    {
        if (_reads(facts))
        {
            _kept.Add((facts, record));
        }
    }

    /// <summary>
    /// The report, once <see cref="Step"/> has said the pass is done; <paramref name="assignments"/> are the ledger's
    /// assign, pull and designate entries (read by the monthly counts only).
    /// </summary>
    public CourtReport Finish(IEnumerable<LedgerEntry> assignments)
    {
        _inProgress.EnsureDone();
        _kept.Sort((a, b) => a.Facts.Number.CompareTo(b.Facts.Number));
        return LiveReports.Build(_state, _kind, _period, _now, _kept, assignments);
    }
}
