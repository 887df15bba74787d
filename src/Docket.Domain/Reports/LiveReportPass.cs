using Docket.Domain.Courts;
using Docket.Domain.Ledger;

namespace Docket.Domain.Reports;

/// <summary>
/// One production of a live court's report (<see cref="LiveReports"/>), reading the court's cases in steps as
/// <see cref="CourtIndicatorPass"/> counts them, so a court holding hundreds of thousands of cases produces it between
/// other commands instead of stopping for the whole scan. The cases are those filed when the pass began, each read as
/// it stands when its step runs, all against the one <c>now</c>, and only those the report reads are kept
/// (<see cref="LiveReports.Reads"/>); run in a single step it is exactly the report of that moment.
/// </summary>
public sealed class LiveReportPass
{
    private readonly CourtState _state;
    private readonly ReportKind _kind;
    private readonly ReportPeriod _period;
    private readonly DateTimeOffset _now;
    private readonly Func<CheckedCase, bool> _reads;
    private readonly List<(CheckedCase Facts, CourtCase? Record)> _kept = [];
    private readonly int _count;
    private int _next;

    public LiveReportPass(CourtState state, ReportKind kind, ReportPeriod period, DateTimeOffset now)
    {
        _state = state;
        _kind = kind;
        _period = period;
        _now = now;
        var (from, to) = period.Days(state.Court.Scenario.Calendar);
        _reads = LiveReports.Reads(kind, from, to);
        // The monthly counts read the ledger's assignment entries, not the cases.
        _count = kind == ReportKind.Assignments ? 0 : state.Digests.Count;
    }

    /// <summary>Reads up to <paramref name="cases"/> more cases; true once every case of the pass is read.</summary>
    public bool Step(int cases)
    {
        var end = (int)Math.Min(_count, (long)_next + cases);
        for (; _next < end; _next++)
        {
            var c = LiveReports.Checked(_state, _next + 1);
            if (_reads(c.Facts))
            {
                _kept.Add(c);
            }
        }
        return _next >= _count;
    }

    /// <summary>
    /// The report, once <see cref="Step"/> has said the pass is done; <paramref name="assignments"/> are the ledger's
    /// assign, pull and designate entries (read by the monthly counts only).
    /// </summary>
    public CourtReport Finish(IEnumerable<LedgerEntry> assignments)
    {
        if (_next < _count)
        {
            throw new InvalidOperationException($"the pass has read {_next} of {_count} cases");
        }
        return LiveReports.Build(_state, _kind, _period, _now, _kept, assignments);
    }
}
