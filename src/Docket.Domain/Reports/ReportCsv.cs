using System.Globalization;
using System.Text;

namespace Docket.Domain.Reports;

/// <summary>
/// A report as CSV (RFC 4180): a header line of the rows' field names (as the JSON names them), then one line a row;
/// times in ISO 8601, numbers invariant; a field holding a comma, quote or line break is quoted.
/// </summary>
public static class ReportCsv
{
    public const string ContentType = "text/csv";

    public static string Write(CourtReport report)
    {
        var (header, rows) = Table(report);
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows)
        {
            Line(text, row);
        }
        return text.ToString();
    }

    private static (string[] Header, IEnumerable<object?[]> Rows) Table(CourtReport report)
    {
        if (report.Cases is { } cases)
        {
            return (["case", "type", "team", "division", "judge", "check", "filed_at", "listed_since", "limit_at", "days_since_filing"],
                cases.Select(c => new object?[] { c.Case, c.Type, c.Team, c.Division, c.Judge, PublishedLists.NameOf(c.Check), c.FiledAt, c.ListedSince, c.LimitAt, c.DaysSinceFiling }));
        }
        if (report.Judges is { } judges)
        {
            return (["team", "judge", "assigned", "drawn", "expected", "deviation", "team_residual"],
                judges.Select(j => new object?[] { j.Team, j.Judge, j.Assigned, j.Drawn, j.Expected, j.Deviation, j.TeamResidual }));
        }
        if (report.Divisions is { } divisions)
        {
            return (["division", "pending_start", "filed", "closed", "pending_end"],
                divisions.Select(d => new object?[] { d.Division, d.PendingStart, d.Filed, d.Closed, d.PendingEnd }));
        }
        return (["rank", "team", "division", "closed", "workload_units", "mean_days_to_disposition"],
            (report.Teams ?? []).Select(t => new object?[] { t.Rank, t.Team, t.Division, t.Closed, t.WorkloadUnits, t.MeanDaysToDisposition }));
    }

    private static void Line(StringBuilder text, IEnumerable<object?> fields)
    {
        text.AppendJoin(',', fields.Select(Field)).Append("\r\n");
    }

    private static string Field(object? value)
    {
        var s = value switch
        {
            null => "",
            DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return s.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;
    }
}
