using System.Globalization;
using Docket.Domain.Statistics;
using Spectre.Console;

namespace Docket.Cli.Output;

/// <summary>The summary as tables for a person: court figures, case types, and teams grouped by kind.</summary>
internal static class SummaryTable
{
    public static void Write(Summary s, string path, string? report = null)
    {
        var c = s.Cases;
        var main = new Table().Title($"[bold]{Markup.Escape(s.Scenario)}[/] · seed {s.Seed} · days {s.Days} (warm-up {s.WarmupDays}) · {s.Replications} replication(s)")
            .AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, string value) => main.AddRow(name, value);
        Row("received / mediated / in mediation", $"{N(c.Received)} / {N(c.Mediated)} / {N(c.InMediationEnd)}");
        Row("pending at start + filed", $"{N(c.PendingStart)} + {N(c.Filed)}");
        Row("closed / pending at end", $"{N(c.Closed)} / {N(c.PendingEnd)}");
        Row("closure rate (closed ÷ accepted)", P(s.ClosureRate));
        Row("clearance ratio (closed ÷ filed)", P(s.ClearanceRatio));
        var t = s.TimeToDispositionDays;
        Row("days to disposition: mean / p50 / p90 / p99", $"{F(t.Mean)} / {F(t.P50)} / {F(t.P90)} / {F(t.P99)}");
        Row("pending cases, time average", F(s.PendingTimeAverage));
        Row("pending age at end: mean / p90 / max", $"{F(s.PendingAgeDays.Mean)} / {F(s.PendingAgeDays.P90)} / {F(s.PendingAgeDays.Max)}");
        Row("long pending: >1 / >1.5 / >3 years", $"{N(s.LongPending.Over365)} / {N(s.LongPending.Over548)} / {N(s.LongPending.Over1095)}");
        Row("flagged / designated / escalated / waiting", $"{N(s.Assignment.Flagged)} / {N(s.Assignment.Designated)} / {N(s.Assignment.Escalated)} / {N(s.Assignment.WaitingEnd)}");
        Row("courts / teams", $"{s.Courts.Count} / {s.Teams.Count}");
        Row("wall time / cases per second", $"{s.Engine.WallSeconds:F2} s / {s.Engine.CasesPerSecond:N0}");
        AnsiConsole.Write(main);

        var types = new Table().AddColumn("case type").AddColumn(new TableColumn("filed").RightAligned())
            .AddColumn(new TableColumn("closed").RightAligned()).AddColumn(new TableColumn("mean days").RightAligned());
        foreach (var row in s.ByType)
        {
            types.AddRow(Markup.Escape(row.Type), N(row.Filed), N(row.Closed), F(row.MeanTtdDays));
        }
        AnsiConsole.Write(types);

        var teams = new Table().AddColumn("team kind").AddColumn(new TableColumn("teams").RightAligned())
            .AddColumn(new TableColumn("closed").RightAligned()).AddColumn(new TableColumn("closed per team min–max").RightAligned())
            .AddColumn(new TableColumn("workload units").RightAligned()).AddColumn(new TableColumn("quota attainment").RightAligned())
            .AddColumn(new TableColumn("utilization").RightAligned());
        foreach (var kind in s.Teams.GroupBy(x => x.Kind))
        {
            var withQuota = kind.Where(x => x.Quota > 0).ToList();
            teams.AddRow(Markup.Escape(kind.Key), kind.Count().ToString(CultureInfo.InvariantCulture), N(kind.Sum(x => x.Closed)),
                $"{N(kind.Min(x => x.Closed))}–{N(kind.Max(x => x.Closed))}", F(kind.Sum(x => x.WorkloadUnits)),
                withQuota.Count == 0 ? "–" : P(withQuota.Average(x => x.QuotaAttainment)), P(kind.Average(x => x.Utilization)));
        }
        AnsiConsole.Write(teams);
        AnsiConsole.MarkupLine($"summary.json: [link]{Markup.Escape(path)}[/]");
        if (report is not null)
        {
            AnsiConsole.MarkupLine($"report.html: [link]{Markup.Escape(report)}[/]");
        }
    }

    private static string N(double v) => v.ToString(v == Math.Floor(v) ? "N0" : "N1", CultureInfo.InvariantCulture);

    private static string F(double v) => v.ToString("F1", CultureInfo.InvariantCulture);

    private static string P(double v) => v.ToString("P1", CultureInfo.InvariantCulture);
}
