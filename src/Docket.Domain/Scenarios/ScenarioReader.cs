using Docket.Domain.Balance;
using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Staffing;
using YamlDotNet.RepresentationModel;

namespace Docket.Domain.Scenarios;

/// <summary>
/// Walks a parsed scenario, builds the model and reports every rule broken (docs/scenarios.md). One instance reads
/// one file. Parts: this file (top level, calendar, roles), .CaseTypes (case types and distributions), .Nodes
/// (process nodes, closes_after, risk, extension), .Courts (courts, intake, pools, absences, backlog, cross-checks),
/// .Teams (team groups, assignment), .Supervision (supervision, meetings), .Balance (balance, scores), .Values
/// (scalars).
/// </summary>
internal sealed partial class ScenarioReader(ScenarioDiagnostics diagnostics)
{
    internal static readonly string[] TopKeys =
    [
        "name", "seed", "days", "warmup_days", "replications", "calendar", "roles", "case_types",
        "intake", "teams", "pools", "assignment", "absences", "backlog", "quota_target", "supervision", "courts",
        "balance", "scores", "quality_review", "closed_cases",
    ];

    private static readonly (string Name, ClosedCases Value)[] s_closedCasesNames = [("keep", ClosedCases.Keep), ("stream", ClosedCases.Stream)];

    /// <summary>Keys that describe one court: at the top level in the single-court form, inside courts[] otherwise.</summary>
    internal static readonly string[] CourtBodyKeys = ["intake", "teams", "pools", "absences", "backlog", "quota_target", "supervision", "quality_review"];

    private static readonly string[] s_calendarKeys = ["days_per_week", "hours_per_day", "start_date", "holidays", "make_up_days", "utc_offset_hours"];

    private static readonly string[] s_dateRangeKeys = ["name", "from", "to"];

    private readonly ScenarioDiagnostics _diagnostics = diagnostics;
    private RoleCatalog _roles = RoleCatalog.Default;

    public Scenario? Read(YamlNode root)
    {
        var top = MappingReader.Open(root, "", _diagnostics, "'name: ...' followed by case_types, intake and teams");
        if (top is null)
        {
            return null;
        }
        // 'appeals' belongs in a court of courts[]: at the top level it gets its own message below.
        top.RejectUnknown(TopKeys, reportedElsewhere: ["appeals"]);

        var name = ReadRequiredString(top, "name") ?? "scenario";
        var seed = ReadSeed(top);
        var errorsBefore = _diagnostics.Count;
        var days = ReadInt(top, "days", 365, Bounds.Between(1, Scenario.MaxDays));
        var daysValid = _diagnostics.Count == errorsBefore;
        var warmup = ReadInt(top, "warmup_days", 0, Bounds.AtLeast(0));
        if (daysValid && warmup >= days && top.Value("warmup_days") is { } warmupNode)
        {
            Error(warmupNode, "warmup_days", $"must be less than days ({days}) (got {warmup})");
        }
        var replications = ReadInt(top, "replications", 1, Bounds.Between(1, Scenario.MaxReplications));
        var closedCases = ReadEnum(top, "closed_cases", ClosedCases.Keep, s_closedCasesNames);
        var calendar = ReadCalendar(top);
        _roles = ReadRoles(top);
        var caseTypes = ReadCaseTypes(top);
        var balance = top.Value("balance") is { } balanceNode ? ReadBalance(balanceNode, "balance") : BalanceSpec.Default;
        var scoring = top.Value("scores") is { } scoresNode ? ReadScores(scoresNode, "scores", caseTypes) : ScoringSpec.Default;
        var topAssignment = top.Value("assignment") is { } assignmentNode ? ReadAssignment(assignmentNode, "assignment") : null;

        if (top.KeyNode("appeals") is { } appealsKey)
        {
            Error(appealsKey, "", "'appeals' sends cases to a court above: it goes inside a court of 'courts' (the multi-court form), with the court above among them");
        }

        List<CourtSpec> courts;
        if (top.KeyNode("courts") is not null)
        {
            foreach (var key in CourtBodyKeys)
            {
                if (top.KeyNode(key) is { } keyNode)
                {
                    Error(keyNode, "", $"'{key}' cannot be at the top level when 'courts' is given: put it inside each court");
                }
            }
            courts = ReadCourts(top, topAssignment);
        }
        else if (top.KeyNode("teams") is null)
        {
            Error(top.Node, "", "either 'teams' (a single court) or 'courts' (several courts) is required");
            courts = [];
        }
        else
        {
            courts = [ReadCourtBody(top, name, 1, topAssignment, multiCourt: false)];
        }

        return _diagnostics.Count > 0
            ? null
            : new Scenario(name, seed, days, warmup, replications, calendar, _roles, caseTypes, courts)
            {
                Balance = balance,
                Scoring = scoring,
                ClosedCases = closedCases,
            };
    }

    private ulong ReadSeed(MappingReader top)
    {
        if (top.Value("seed") is not { } node)
        {
            return 1;
        }
        // Seeds run to 2^64-1, as --seed does: above a long's range the integer reader would call them too large.
        if (node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: { } text }
            && ulong.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var large))
        {
            return large;
        }
        return TryReadInteger(node, "seed", out var value) && InBounds(value, node, "seed", Bounds.AtLeast(0)) ? (ulong)value : 1;
    }

    private WorkCalendar ReadCalendar(MappingReader top)
    {
        if (top.Value("calendar") is not { } node ||
            MappingReader.Open(node, "calendar", _diagnostics, "{ days_per_week: 5, hours_per_day: 8 }") is not { } m)
        {
            return new WorkCalendar(5, 8);
        }
        m.RejectUnknown(s_calendarKeys);
        var daysPerWeek = ReadInt(m, "days_per_week", 5, Bounds.Between(1, 7));
        var hoursPerDay = ReadNumber(m, "hours_per_day", 8, Bounds.AboveAtMost(0, 24));
        var start = m.Value("start_date") is { } startNode ? ReadDate(startNode, m.PathOf("start_date")) : null;
        if (start is { } first && (first < Scenario.EarliestStart || first > Scenario.LatestStart))
        {
            Error(m.Value("start_date")!, m.PathOf("start_date"), $"must be between {Scenario.EarliestStart:yyyy-MM-dd} and {Scenario.LatestStart:yyyy-MM-dd} (got {first:yyyy-MM-dd})");
            start = null;
        }
        var holidays = ReadDates(m, "holidays");
        var makeUp = ReadDates(m, "make_up_days");
        var offset = ReadNumber(m, "utc_offset_hours", WorkCalendar.DefaultUtcOffsetHours, Bounds.Between(-12, 14));
        foreach (var clash in holidays.Intersect(makeUp).Take(1))
        {
            Error(m.Value("make_up_days")!, m.PathOf("make_up_days"), $"{clash:yyyy-MM-dd} is also a holiday");
        }
        // Dates named anywhere put the working week on the dates' weekdays; none keeps the week starting on day 0.
        var dated = m.Has("start_date") || m.Has("holidays") || m.Has("make_up_days");
        return new WorkCalendar(daysPerWeek, hoursPerDay, start ?? WorkCalendar.DefaultStartDate, dated, holidays, makeUp, offset);
    }

    /// <summary>A date, <c>yyyy-MM-dd</c>; null when wrong (reported).</summary>
    private DateOnly? ReadDate(YamlNode node, string path)
    {
        var text = ScalarText(node, path, "a date (yyyy-MM-dd)");
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }
        Error(node, path, $"expected a date as yyyy-MM-dd (got '{text}')");
        return null;
    }

    /// <summary>A list of dates and date ranges (<c>{ name, from, to }</c>, both ends included), every day listed once.</summary>
    private List<DateOnly> ReadDates(MappingReader calendar, string key)
    {
        var days = new SortedSet<DateOnly>();
        if (ReadList(calendar, key, required: false) is not { } list)
        {
            return [.. days];
        }
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = ScenarioPaths.Index(calendar.PathOf(key), i);
            var item = list.Children[i];
            if (item is not YamlMappingNode)
            {
                if (ReadDate(item, path) is { } date)
                {
                    days.Add(date);
                }
                continue;
            }
            var m = MappingReader.Open(item, path, _diagnostics, "{ name: Spring Festival, from: 2026-02-15, to: 2026-02-23 }");
            if (m is null)
            {
                continue;
            }
            m.RejectUnknown(s_dateRangeKeys);
            ReadString(m, "name");
            DateOnly? from = m.Value("from") is { } f ? ReadDate(f, m.PathOf("from")) : null;
            DateOnly? to = m.Value("to") is { } t ? ReadDate(t, m.PathOf("to")) : null;
            if (!m.Has("from"))
            {
                Missing(m, "from");
            }
            if (!m.Has("to"))
            {
                Missing(m, "to");
            }
            if (from is not { } first || to is not { } last)
            {
                continue;
            }
            if (last < first)
            {
                Error(m.Value("to")!, m.PathOf("to"), $"must not be before from ({first:yyyy-MM-dd}) (got {last:yyyy-MM-dd})");
                continue;
            }
            if (last.DayNumber - first.DayNumber > 366)
            {
                Error(m.Value("to")!, m.PathOf("to"), $"a range is at most a year long (got {last.DayNumber - first.DayNumber + 1} days)");
                continue;
            }
            for (var d = first; d <= last; d = d.AddDays(1))
            {
                days.Add(d);
            }
        }
        return [.. days];
    }

    private RoleCatalog ReadRoles(MappingReader top)
    {
        if (top.Value("roles") is not { } node ||
            MappingReader.Open(node, "roles", _diagnostics, "{ judge: 1, assistant: 0.6 }") is not { } m)
        {
            return RoleCatalog.Default;
        }
        var overrides = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, value) in m.Entries)
        {
            var role = key.Value!;
            var path = m.PathOf(role);
            if (role.Trim().Length == 0)
            {
                Error(key, "roles", "a role name must not be empty");
                continue;
            }
            if (YamlScalars.IsNull(value))
            {
                Error(key, path, "a coefficient is required");
                continue;
            }
            if (TryReadNumber(value, path, Bounds.AtLeast(0), out var coefficient))
            {
                overrides[role] = coefficient;
            }
        }
        return new RoleCatalog(overrides);
    }
}
