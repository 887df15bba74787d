using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Docket.Cli.Output;
using Docket.Cli.Reports;
using Docket.Domain.Courts;
using Docket.Domain.Replay;
using Docket.Domain.Statistics;

namespace Docket.Cli.Commands;

/// <summary>
/// `docket replay SCENARIO LEDGER.jsonl`: a court's exported ledger, verified, replayed on the scenario's court. With
/// the same layout the court's own verifier checks every entry and every assignment decision is re-made and compared
/// (exit 0 when all reproduce, 3 otherwise); with another, what does not depend on the layout is checked and the
/// planner's what-if runs on the ledger's intake (summary.json and report.html, exit 0). A ledger that fails
/// verification exits 2 naming the entry, with nothing written.
/// </summary>
internal static class ReplayCommand
{
    private static readonly JsonWriterOptions s_json = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions s_names = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>What the what-if on another layout writes (beside its charts folder).</summary>
    private static readonly string[] s_whatIfFiles = ["summary.json", SimulationReport.FileName];

    public static Command Create(CliOutput output)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file (YAML or JSON): the organisation the service ran" };
        var ledger = new Argument<string>("ledger") { Description = "The court's ledger, one entry a line (GET /api/courts/{court}/ledger?format=jsonl)" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var outDir = new Option<string?>("--out") { Description = "Same layout: also write the result to DIR/replay.json. Another layout: where summary.json and report.html go (default out/<scenario-name>-replay)" };
        var noReport = new Option<bool>("--no-report") { Description = "Another layout: do not write report.html and its charts beside summary.json" };
        var command = new Command("replay", "Replay a court's exported ledger on the scenario's court: every assignment decision re-made and compared")
        {
            scenario, ledger, json, outDir, noReport,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var scenarioPath = parse.GetValue(scenario)!;
            var ledgerPath = parse.GetValue(ledger)!;
            var (_, loaded) = ScenarioInput.Read(scenarioPath);
            InputFile.Require(ledgerPath, "ledger");
            var directory = parse.GetValue(outDir);
            if (directory is not null)
            {
                OutputDirectory.Check(directory, ["replay.json", .. s_whatIfFiles], [SimulationReport.ChartsFolder]);
            }
            ReplayResult result;
            try
            {
                var lines = LedgerFile.Read(File.ReadLines(ledgerPath), ledgerPath);
                var secrets = LedgerFile.RevealedSecrets(lines, ledgerPath);
                var court = LedgerReplay.CourtOf(new Organization(loaded, scenarioPath), lines, ledgerPath);
                if (!LedgerReplay.SameLayout(court, lines))
                {
                    // The what-if writes to --out (checked above) or its default folder, checked as --out is before the run.
                    var whatIfDirectory = directory ?? OutputDirectory.Default("", [loaded.Name], "-replay");
                    if (directory is null)
                    {
                        OutputDirectory.Check(whatIfDirectory, s_whatIfFiles, [SimulationReport.ChartsFolder]);
                    }
                    LedgerWhatIf.Verify(lines, ledgerPath);
                    var summary = LedgerWhatIf.Run(loaded, scenarioPath, court.Id, lines, secrets);
                    await WriteWhatIfAsync(output, summary, whatIfDirectory, parse.GetValue(json), parse.GetValue(noReport), cancellationToken);
                    return ExitCodes.Success;
                }
                LedgerReplay.CheckTeams(court, lines, ledgerPath);
                result = LedgerReplay.Run(court, lines, secrets, ledgerPath);
            }
            catch (LedgerInputException e)
            {
                throw new BadInputException(e.Message);
            }
            var text = ToJson(result);
            if (directory is not null)
            {
                CreateOut(directory);
                await File.WriteAllTextAsync(Path.Combine(directory, "replay.json"), text + Environment.NewLine, cancellationToken);
            }
            if (parse.GetValue(json))
            {
                await output.Writer.WriteLineAsync(text);
            }
            else
            {
                await WriteTextAsync(output.Writer, result);
            }
            return result.Reproduced ? ExitCodes.Success : ExitCodes.Mismatch;
        });
        return command;
    }

    /// <summary>The what-if on another layout: summary.json and report.html as `simulate` writes them, with <c>replay: {cases, moved}</c>.</summary>
    private static async Task WriteWhatIfAsync(CliOutput output, Summary summary, string directory, bool asJson, bool noReport, CancellationToken cancellationToken)
    {
        CreateOut(directory);
        var summaryJson = SummaryJson.Serialize(summary);
        await File.WriteAllTextAsync(Path.Combine(directory, "summary.json"), summaryJson + Environment.NewLine, cancellationToken);
        string? report = null;
        if (!noReport)
        {
            report = await SimulationReport.WriteAsync(summary, directory, cancellationToken);
        }
        if (asJson)
        {
            await output.Writer.WriteLineAsync(summaryJson);
            return;
        }
        SummaryTable.Write(output, summary, Path.Combine(directory, "summary.json"), report);
        var replay = summary.Replay!;
        await output.Writer.WriteLineAsync($"what-if on the ledger's intake: {replay.Cases:N0} cases, {replay.Moved:N0} to another team than in the ledger");
    }

    /// <summary>The --out directory, made when missing; bad input (exit 2) when it cannot be, before anything is written.</summary>
    private static void CreateOut(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"--out {directory}: cannot be made a directory ({e.Message})");
        }
    }

    private static async Task WriteTextAsync(TextWriter output, ReplayResult r)
    {
        await output.WriteLineAsync($"court {r.Court}: {r.Cases:N0} cases; same team {r.SameTeam:N0}, same judge {r.SameJudge:N0}, unrevealed {r.Unrevealed:N0}");
        if (r.Caseload is { } c)
        {
            await output.WriteLineAsync(FormattableString.Invariant(
                $"caseload from {c.Since:u} to the last entry, {c.AsOf:u}: filed {c.Filed:N0}, closed {c.Closed:N0}, pending {c.PendingEnd:N0} (waiting {c.Waiting:N0}); closure rate {c.ClosureRate:0.000}, clearance {c.ClearanceRatio:0.000}, open work's Gini {r.CaseloadGini:0.000}"));
        }
        if (r.Balance is { } b)
        {
            await output.WriteLineAsync(FormattableString.Invariant(
                $"balance over the same window: index {b.Index:0.00}; time-limit change rate {b.TimeLimitChangeRate:0.000}, trial-time index {b.TrialTimeIndex:0.000}, mediation and simple share {b.MediationAndSimpleShare:0.000}, long-pending share {b.LongPendingShare:0.000}"));
        }
        if (r.Reproduced)
        {
            await output.WriteLineAsync("every assignment decision reproduced");
            return;
        }
        await output.WriteLineAsync($"{r.Mismatches.Count:N0} decision(s) made otherwise:");
        foreach (var m in r.Mismatches)
        {
            var at = m.Seq > 0 ? $"entry {m.Seq} ({m.Kind})" : $"a {m.Kind} the ledger lacks";
            await output.WriteLineAsync($"  {m.Case}, {at}: ledger {m.LedgerTeam ?? "-"} / {m.LedgerJudge ?? "-"}, replayed {m.ReplayedTeam ?? "-"} / {m.ReplayedJudge ?? "-"}: {m.Problem}");
        }
    }

    /// <summary><c>{"court", "cases", "same_team", "same_judge", "unrevealed", "caseload": {...}, "balance": {...}, "mismatches": [...]}</c>.</summary>
    internal static string ToJson(ReplayResult r)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, s_json))
        {
            w.WriteStartObject();
            w.WriteString("court", r.Court);
            w.WriteNumber("cases", r.Cases);
            w.WriteNumber("same_team", r.SameTeam);
            w.WriteNumber("same_judge", r.SameJudge);
            w.WriteNumber("unrevealed", r.Unrevealed);
            if (r.Caseload is { } c)
            {
                WriteCaseload(w, c, r.CaseloadGini);
            }
            if (r.Balance is { } b)
            {
                w.WritePropertyName("balance");
                JsonSerializer.SerializeToNode(b, s_names)!.WriteTo(w);
            }
            w.WriteStartArray("mismatches");
            foreach (var m in r.Mismatches)
            {
                w.WriteStartObject();
                w.WriteString("case", m.Case);
                if (m.Seq > 0)
                {
                    w.WriteNumber("seq", m.Seq);
                }
                else
                {
                    w.WriteNull("seq");
                }
                w.WriteString("kind", m.Kind);
                WriteOrNull(w, "ledger_team", m.LedgerTeam);
                WriteOrNull(w, "ledger_judge", m.LedgerJudge);
                WriteOrNull(w, "replayed_team", m.ReplayedTeam);
                WriteOrNull(w, "replayed_judge", m.ReplayedJudge);
                w.WriteString("problem", m.Problem);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The caseload under the names the live KPIs give its figures (their records, snake_case, as the API writes them), with the open work's Gini.</summary>
    private static void WriteCaseload(Utf8JsonWriter w, Caseload c, double gini)
    {
        var caseload = JsonSerializer.SerializeToNode(c, s_names)!.AsObject();
        caseload["caseload_gini"] = gini;
        w.WritePropertyName("caseload");
        caseload.WriteTo(w);
    }

    private static void WriteOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
