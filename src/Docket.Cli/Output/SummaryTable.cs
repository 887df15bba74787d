using System.Globalization;
using Docket.Domain.Staffing;
using Docket.Domain.Statistics;
using Spectre.Console;

namespace Docket.Cli.Output;

/// <summary>
/// The summary as tables for a person: court figures, case types, and teams grouped by kind. With several
/// replications every figure is the mean ± the half-width of its 95% confidence interval over the replications.
/// </summary>
internal static class SummaryTable
{
    public static void Write(CliOutput output, Summary s, string path, string? report = null)
    {
        var console = output.Console();
        var detail = s.ReplicationsDetail is { Count: > 1 } d ? d : null;
        string V(Func<Summary, double> read, bool rate = false) =>
            detail is null ? Numbers.Of(read(s), rate) : Numbers.Interval(ConfidenceInterval.Of([.. detail.Select(read)]), rate);

        foreach (var warning in s.Warnings)
        {
            console.MarkupLine($"[yellow]warning[/] {Markup.Escape(warning.Code)}: {Markup.Escape(warning.Message)}");
        }
        var reps = s.Replications == 1 ? "1 replication" : $"{s.Replications} replications: mean ± 95% interval";
        var main = new Table().Title($"[bold]{Markup.Escape(s.Scenario)}[/] · seed {s.Seed} · days {s.Days:N0} (warm-up {s.WarmupDays:N0}) · {reps}")
            .AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        // One row a figure with several replications (an interval each is too wide to share a row); grouped otherwise.
        void Row(string name, bool rate, Func<Summary, double>[] reads, string separator = " / ", string[]? split = null)
        {
            if (detail is null || reads.Length == 1)
            {
                main.AddRow(Markup.Escape(name), Markup.Escape(string.Join(separator, reads.Select(r => V(r, rate)))));
                return;
            }
            var names = split ?? name.Split(separator);
            for (var i = 0; i < reads.Length; i++)
            {
                main.AddRow(Markup.Escape(names[i]), Markup.Escape(V(reads[i], rate)));
            }
        }
        Row("received / mediated / in mediation", false, [x => x.Cases.Received, x => x.Cases.Mediated, x => x.Cases.InMediationEnd]);
        Row("pending at start + filed", false, [x => x.Cases.PendingStart, x => x.Cases.Filed], " + ");
        Row("closed / pending at end", false, [x => x.Cases.Closed, x => x.Cases.PendingEnd]);
        Row("closure rate (closed ÷ accepted)", true, [x => x.ClosureRate]);
        Row("clearance ratio (closed ÷ filed)", true, [x => x.ClearanceRatio]);
        Row("days to disposition: mean / p50 / p90 / p99", false,
            [x => x.TimeToDispositionDays.Mean, x => x.TimeToDispositionDays.P50, x => x.TimeToDispositionDays.P90, x => x.TimeToDispositionDays.P99],
            split: ["mean days to disposition", "p50 days to disposition", "p90 days to disposition", "p99 days to disposition"]);
        Row("pending cases, time average", false, [x => x.PendingTimeAverage]);
        Row("pending age at end: mean / p90 / max", false, [x => x.PendingAgeDays.Mean, x => x.PendingAgeDays.P90, x => x.PendingAgeDays.Max],
            split: ["pending age at end: mean", "pending age at end: p90", "pending age at end: max"]);
        Row("long pending: >1 / >1.5 / >2 / >3 years", false,
            [x => x.LongPending.Over365, x => x.LongPending.Over548, x => x.LongPending.Over730, x => x.LongPending.Over1095],
            split: ["pending over 1 year", "pending over 1.5 years", "pending over 2 years", "pending over 3 years"]);
        Row("flagged / designated / escalated / waiting", false,
            [x => x.Assignment.Flagged, x => x.Assignment.Designated, x => x.Assignment.Escalated, x => x.Assignment.WaitingEnd]);
        if (s.Appeals is not null)
        {
            Row("appeals: in transit at start / out / in / in transit at end", false,
                [x => x.Appeals!.InTransitStart, x => x.Appeals!.Out, x => x.Appeals!.In, x => x.Appeals!.InTransitEnd],
                split: ["appeals in transit at start", "appeals out (to the court above)", "appeals in (filed above)", "appeals in transit at end"]);
        }
        if (s.LimitApprovals is not null)
        {
            Row("conversions: requested / approved / refused", false,
                [x => x.LimitApprovals!.ConversionsRequested, x => x.LimitApprovals!.ConversionsApproved, x => x.LimitApprovals!.ConversionsRefused],
                split: ["conversions requested", "conversions approved", "conversions refused"]);
            Row("extensions: within the cap / to the higher court / by it", false,
                [x => x.LimitApprovals!.ExtensionsWithinCap, x => x.LimitApprovals!.ExtensionsToHigherCourt, x => x.LimitApprovals!.ExtensionsByHigherCourt],
                split: ["extensions within the cap", "extensions to the higher court", "extensions by the higher court"]);
        }
        if (s.QualityReview is not null)
        {
            Row("quality review: reviewed / yellow / red / waiting", false,
                [x => x.QualityReview!.CasesReviewed, x => x.QualityReview!.YellowCards, x => x.QualityReview!.RedCards, x => x.QualityReview!.WaitingForReview],
                split: ["files reviewed", "yellow cards", "red cards", "files waiting for review"]);
        }
        if (s.MeetingReferrals is not null)
        {
            Row("meetings / referrals / to the committee", false,
                [x => x.MeetingReferrals!.Meetings, x => x.MeetingReferrals!.Referrals.Values.Sum(), x => x.MeetingReferrals!.Committee.Referrals],
                split: ["judges' meetings held", "cases referred to a meeting", "cases sent to the adjudication committee"]);
        }
        if (s.Scores.Rounds is { Count: > 1 } rounds && rounds.All(r => r.Court == rounds[0].Court))
        {
            // Linshu's coin rounds (one court): the judges' spread before the first re-pricing and in the last round.
            static string Spread(CoinRoundRow r) => r.Spread is { } x ? Numbers.Number(x) + "×" : "–";
            main.AddRow("coin spread, round 0 → last / moves",
                Markup.Escape($"{Spread(rounds[0])} → {Spread(rounds[^1])} / {Numbers.Number(s.Scores.Moves)}"));
        }
        main.AddRow("courts / teams", $"{Numbers.Number(s.Courts.Count)} / {Numbers.Number(s.Teams.Count)}");
        main.AddRow("wall time / cases per second", Markup.Escape($"{s.Engine.WallSeconds.ToString("F2", CultureInfo.InvariantCulture)} s / {Numbers.Number(Math.Round(s.Engine.CasesPerSecond))}"));
        FittedTable.Write(console, main);

        var types = new Table().AddColumn("case type").AddColumn(new TableColumn("filed").RightAligned())
            .AddColumn(new TableColumn("closed").RightAligned()).AddColumn(new TableColumn("mean days").RightAligned());
        foreach (var row in s.ByType)
        {
            TypeRow Of(Summary x) => x.ByType.FirstOrDefault(t => t.Type == row.Type) ?? new TypeRow();
            types.AddRow(Markup.Escape(row.Type), V(x => Of(x).Filed), V(x => Of(x).Closed), V(x => Of(x).MeanTtdDays));
        }
        FittedTable.Write(console, types);

        var teams = new Table().AddColumn("team kind").AddColumn(new TableColumn("teams").RightAligned())
            .AddColumn(new TableColumn("closed").RightAligned()).AddColumn(new TableColumn("closed per team min–max").RightAligned())
            .AddColumn(new TableColumn("workload units").RightAligned()).AddColumn(new TableColumn("quota attainment").RightAligned())
            .AddColumn(new TableColumn("utilization").RightAligned());
        foreach (var kind in s.Teams.GroupBy(x => x.Kind))
        {
            IEnumerable<TeamRow> Of(Summary x) => x.Teams.Where(t => t.Kind == kind.Key);
            var hasQuota = kind.Any(x => x.Quota > 0);
            teams.AddRow(Markup.Escape(kind.Key), Numbers.Number(kind.Count()), V(x => Of(x).Sum(t => t.Closed)),
                $"{Numbers.Number(kind.Min(x => x.Closed))}–{Numbers.Number(kind.Max(x => x.Closed))}", V(x => Of(x).Sum(t => t.WorkloadUnits)),
                hasQuota ? V(x => QuotaAttainment.Pooled(Of(x).Select(t => (t.Quota, t.QuotaAttainment))), rate: true) : "–",
                V(x => Of(x).Average(t => t.Utilization), rate: true));
        }
        FittedTable.Write(console, teams);

        if (s.Pools.Count > 0)
        {
            var pools = new Table().AddColumn("shared pool").AddColumn(new TableColumn("staff").RightAligned())
                .AddColumn(new TableColumn("tasks").RightAligned()).AddColumn(new TableColumn("utilization").RightAligned())
                .AddColumn(new TableColumn("waiting at end").RightAligned());
            for (var i = 0; i < s.Pools.Count; i++)
            {
                var at = i;
                PoolRow Of(Summary x) => at < x.Pools.Count ? x.Pools[at] : new PoolRow();
                pools.AddRow(Markup.Escape(s.Pools[i].Id), Numbers.Number(s.Pools[i].Servers), V(x => Of(x).Tasks),
                    V(x => Of(x).Utilization, rate: true), V(x => Of(x).WaitingEnd));
            }
            FittedTable.Write(console, pools);
        }
        console.MarkupLine($"summary.json: [link]{Markup.Escape(path)}[/]");
        if (report is not null)
        {
            console.MarkupLine($"report.html: [link]{Markup.Escape(report)}[/]");
        }
    }
}
