using Docket.Domain.Assignment;
using Docket.Domain.Audit;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;

namespace Docket.Domain.Reports;

/// <summary>
/// The live court's published lists: its cases' facts (<see cref="CheckedCase"/>, from the records of the cases in
/// progress and the rows of the finished ones in storage, read by a <see cref="LiveReportPass"/> in parts) and its ledger's
/// assignment entries, given to the same rules the simulator's summary uses (<see cref="CheckRules"/>,
/// <see cref="PublishedLists"/>, <see cref="RandomnessAudit"/>'s expected counts).
/// </summary>
public static class LiveReports
{
    /// <summary>
    /// Why the court cannot produce the report for the period today (<paramref name="now"/>), or null: a list of
    /// cases (the daily check, the past-limit list) stands as the cases stand now, so only the current day's or week's
    /// is produced; a count or ranking is produced for a period that has begun (one under way: so far).
    /// </summary>
    public static string? Refusal(Court court, ReportKind kind, ReportPeriod period, DateTimeOffset now)
    {
        var today = ReportPeriod.At(court.Scenario.Calendar, period.Cadence, now);
        if (ReportKinds.ListsCases(kind))
        {
            return period.Key == today.Key ? null
                : $"the {ReportKinds.NameOf(kind)} list stands as the cases stand now: only the current period, {today.Key}, can be produced (not {period.Key})";
        }
        return period.First <= today.First ? null : $"{period.Key} has not begun (the current period is {today.Key})";
    }

    /// <summary>
    /// The report of the kind for the period, as of <paramref name="now"/>, from the cases a pass kept
    /// (<see cref="LiveReportPass"/>, in number order, the records of listed cases as they stood when the pass began);
    /// <paramref name="assignments"/> are the ledger's assign, pull and designate entries (needed by the monthly counts only).
    /// </summary>
    internal static CourtReport Build(CourtState state, ReportKind kind, ReportPeriod period, DateTimeOffset now,
        IReadOnlyList<(CheckedCase Facts, CourtCase? Record)> cases, IEnumerable<LedgerEntry> assignments)
    {
        var court = state.Court;
        var calendar = court.Scenario.Calendar;
        var (from, to) = period.Days(calendar);
        var asOf = ReportKinds.ListsCases(kind) ? now : Min(now, Utc(calendar, to));
        var report = new CourtReport(court.Id, kind, period.Key, Utc(calendar, from), Utc(calendar, to), asOf);
        var facts = cases.Select(c => c.Facts);
        return kind switch
        {
            ReportKind.DailyCheck or ReportKind.PastLimit => report with { Cases = Listed(court, kind, now, cases) },
            ReportKind.Assignments => report with { Judges = JudgeCounts(court, period, assignments) },
            ReportKind.Caseload => report with { Divisions = PublishedLists.Caseload(court.Layout, facts, from, to) },
            _ => report with { Teams = PublishedLists.Rankings(court.Layout, facts, from, to) },
        };
    }

    /// <summary>
    /// Which of the court's cases the report reads, by their facts: the open ones for a list; for the caseload those
    /// filed before the period's end and not closed before its start; for a ranking those closed in the period. The
    /// others count for nothing in it, so a pass need not keep them.
    /// </summary>
    internal static Func<CheckedCase, bool> Reads(ReportKind kind, double from, double to) => kind switch
    {
        ReportKind.DailyCheck or ReportKind.PastLimit => c => double.IsNaN(c.Closed),
        ReportKind.Caseload => c => c.Filed < to && !(c.Closed < from),
        ReportKind.Rankings => c => c.Closed >= from && c.Closed < to,
        _ => _ => false,
    };

    /// <summary>A finished case's facts as the lists read them, from its row in storage.</summary>
    internal static CheckedCase Checked(Court court, FinishedCase f)
    {
        var calendar = court.Scenario.Calendar;
        return new CheckedCase(f.Number, court.TypeIndex(f.Type), court.TeamIndex(f.Team), -1, calendar.DayOf(f.FiledAt), calendar.DayOf(f.ClosedAt),
            double.NaN, double.NaN, double.NaN);
    }

    /// <summary>A case's facts as the lists read them, from its record (in progress, or finished and at hand), with the record.</summary>
    internal static (CheckedCase Facts, CourtCase? Record) Checked(Court court, CourtCase c)
    {
        var calendar = court.Scenario.Calendar;
        double Day(DateTimeOffset? at) => at is { } t ? calendar.DayOf(t) : double.NaN;
        var typeIndex = court.TypeIndex(c.Type);
        var type = court.CaseTypes[typeIndex];
        var nodes = CheckNodes.Of(type);
        DateTimeOffset? Reached(int node) => node < 0 ? null : c.Nodes.FirstOrDefault(r => r.Node == type.Nodes[node].Id)?.At;
        var teamIndex = c.Team is { } team ? court.TeamIndex(team) : -1;
        var judge = teamIndex >= 0 ? JudgeInCharge.NumberOf(c.Team!, court.Layout.JudgesPerTeam[teamIndex], c.Judge) : -1;
        return (new CheckedCase(c.Number, typeIndex, teamIndex, judge,
            Day(c.FiledAt), Day(c.ClosedAt), Day(Reached(nodes.Service)), Day(Reached(nodes.Hearing)), Day(CaseClock.RunningLimit(type, c))), c);
    }

    private static ListedCase[] Listed(Court court, ReportKind kind, DateTimeOffset now, IReadOnlyList<(CheckedCase Facts, CourtCase? Record)> cases)
    {
        var calendar = court.Scenario.Calendar;
        var nodes = court.CaseTypes.Select(CheckNodes.Of).ToArray();
        var records = cases.Where(c => c.Record is not null).ToDictionary(c => c.Facts.Number, c => c.Record!);
        var at = calendar.DayOf(now);
        return [.. PublishedLists.Listed(kind, cases.Select(c => c.Facts), nodes, court.Layout.Spec.Supervision.LimitWarnDays, at)
            .Select(x =>
            {
                var c = records[x.Case.Number];
                return new ListedCase(c.Id, c.Type, c.Team, court.DivisionOfTeam(c.Team), c.Judge, x.Check, c.FiledAt,
                    Utc(calendar, x.Since), double.IsNaN(x.Case.Limit) ? null : Utc(calendar, x.Case.Limit), (now - c.FiledAt).TotalDays);
            })];
    }

    /// <summary>The kinds of entry the monthly counts per judge read: a case given to a team and judge by its filing, a pull or a designation.</summary>
    public static IReadOnlyList<string> AssignmentKinds { get; } = [LedgerKinds.Assign, LedgerKinds.Pull, LedgerKinds.Designate];

    private static JudgeCount[] JudgeCounts(Court court, ReportPeriod period, IEnumerable<LedgerEntry> entries)
    {
        var calendar = court.Scenario.Calendar;
        var periodOf = ReportPeriod.KeyIn(calendar, ReportCadence.Month);
        var month = entries.Where(e => AssignmentKinds.Contains(e.Kind) && e.Team is not null && periodOf(e.At) == period.Key).ToList();
        var expected = RandomnessAudit.ExpectedCountsOf(month, AuditPeriod.Month, court, periodOf).FirstOrDefault();
        var assigned = month.Select(e => (Team: court.TeamIndex(e.Team!), e))
            .Where(x => x.Team >= 0)
            .Select(x => new JudgeAssignment(x.Team, Math.Max(0, JudgeInCharge.NumberOf(x.e.Team!, court.Layout.JudgesPerTeam[x.Team], x.e.Judge)),
                x.e.Kind == LedgerKinds.Assign && x.e.Draw is not null));
        return PublishedLists.JudgeCounts(court.Layout, assigned, expected);
    }

    /// <summary>A day of the court's calendar as a time in UTC, as the API writes every time.</summary>
    private static DateTimeOffset Utc(Calendar.WorkCalendar calendar, double day) => calendar.InstantOf(day).ToUniversalTime();

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
