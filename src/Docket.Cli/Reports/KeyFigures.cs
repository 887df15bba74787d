using System.Text.Json;
using System.Text.Json.Nodes;
using Docket.Domain.Statistics;

namespace Docket.Cli.Reports;

/// <summary>One figure of summary.json: its dotted path, its JSON text, and a label in the court's words.</summary>
internal sealed record KeyFigure(string Path, string Json, string Label);

/// <summary>
/// Every single figure of summary.json — each number or text outside its lists (monthly rows, types, teams, courts,
/// histograms and replications are drawn as charts instead), read from the same JSON the file holds, so the report's
/// table can never miss a field summary.json gains.
/// </summary>
internal static class KeyFigures
{
    private static readonly Dictionary<string, string> s_labels = new()
    {
        ["cases.received"] = "disputes received",
        ["cases.mediated"] = "settled by pre-litigation mediation",
        ["cases.in_mediation_end"] = "in mediation at the end",
        ["cases.filed"] = "filed",
        ["cases.pending_start"] = "pending at the start",
        ["cases.closed"] = "closed",
        ["cases.pending_end"] = "pending at the end",
        ["closure_rate"] = "closure rate, closed ÷ (pending at start + filed)",
        ["clearance_ratio"] = "clearance ratio, closed ÷ filed",
        ["time_to_disposition_days.mean"] = "mean days to disposition",
        ["time_to_disposition_days.p50"] = "median days to disposition",
        ["time_to_disposition_days.p90"] = "90th percentile days to disposition",
        ["pending_time_average"] = "pending cases, time average",
        ["pending_age_days.mean"] = "mean age of pending cases, days",
        ["long_pending.over_365"] = "pending over 1 year",
        ["long_pending.over_548"] = "pending over 1.5 years",
        ["long_pending.over_730"] = "pending over 2 years",
        ["long_pending.over_1095"] = "pending over 3 years",
        ["steady_state.reached"] = "steady state reached (month-end pending trend test)",
        ["balance.file_transfer_days"] = "mean file transfer days between court levels (appeals)",
        ["balance.file_transfer_note"] = "why there is no file transfer time",
        ["balance.closure_to_archive_days"] = "mean days from closure to the end of archiving (not an Anhui indicator)",
        ["balance.long_pending_days"] = "long-pending threshold, days",
        ["balance.long_pending"] = "pending past the long-pending threshold",
        ["appeals.out"] = "closures appealed to the court above",
        ["appeals.in"] = "appeals filed by the courts above",
        ["appeals.in_transit_start"] = "appeals on their way up at the start",
        ["appeals.in_transit_end"] = "appeals on their way up at the end",
        ["appeals.returned"] = "appeal files back at the court below",
        ["appeals.returning_end"] = "appeal files on their way back at the end",
        ["locks.first"] = "cases locked (first lock)",
        ["locks.second"] = "cases locked a second time",
        ["balance.index"] = "balance index (0–100)",
        ["balance.months_below_baseline"] = "months whose share of the year's closures is below the monthly baseline",
        ["balance.below_annual_baseline"] = "years whose closure rate is below the annual baseline",
        ["balance.pending_over_3_years"] = "pending over 3 years (the baseline is none)",
        ["deadlines.yellow_cards"] = "yellow cards (0: no quality review configured)",
        ["deadlines.red_cards"] = "red cards (0: no quality review configured)",
        ["engine.wall_seconds"] = "wall seconds (this machine)",
        ["engine.cases_per_second"] = "cases simulated per second (this machine)",
    };

    /// <summary>
    /// Whether a figure is a rate or a share (a fraction in summary.json, a percentage on the page): closure rate,
    /// clearance ratio, change rates, shares, utilization and quota attainment.
    /// </summary>
    public static bool IsRate(string path)
    {
        var name = path[(path.LastIndexOf('.') + 1)..];
        return name.EndsWith("_rate", StringComparison.Ordinal) || name.EndsWith("_ratio", StringComparison.Ordinal)
            || name.EndsWith("_share", StringComparison.Ordinal) || name is "utilization" or "quota_attainment";
    }

    /// <summary>Whether a figure names something rather than counts it (the seed, the schema version): shown as written, without separators.</summary>
    public static bool IsIdentifier(string path) => path is "seed" or "schema";

    public static IReadOnlyList<KeyFigure> Of(Summary summary)
    {
        var tree = JsonSerializer.SerializeToNode(summary, SummaryJson.Options)!.AsObject();
        var figures = new List<KeyFigure>();
        Flatten(tree, "", figures);
        return figures;
    }

    private static void Flatten(JsonObject node, string prefix, List<KeyFigure> figures)
    {
        foreach (var (key, value) in node)
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            switch (value)
            {
                case JsonObject child:
                    Flatten(child, path, figures);
                    break;
                case JsonValue leaf:
                    figures.Add(new KeyFigure(path, leaf.ToJsonString(), s_labels.GetValueOrDefault(path) ?? path.Replace('_', ' ').Replace(".", ": ")));
                    break;
            }
        }
    }
}
