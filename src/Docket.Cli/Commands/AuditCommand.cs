using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Docket.Domain.Audit;
using Docket.Domain.Courts;
using Docket.Domain.Replay;

namespace Docket.Cli.Commands;

/// <summary>
/// `docket audit randomness LEDGER.jsonl [--by team|judge] [--period month|quarter|year] [--alpha A] [--scenario FILE]
/// [--json]`: a court's exported ledger, verified, its random draws' counts per team and period tested against the
/// counts the recorded probabilities give (exit 0 none departs, 3 some period departs, 2 bad input).
/// </summary>
internal static class AuditCommand
{
    private static readonly JsonWriterOptions s_json = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(TextWriter output)
    {
        var audit = new Command("audit", "Audit a court's exported ledger");
        audit.Subcommands.Add(Randomness(output));
        return audit;
    }

    private static Command Randomness(TextWriter output)
    {
        var ledger = new Argument<string>("ledger") { Description = "The court's ledger, one entry a line (GET /api/courts/{court}/ledger?format=jsonl)" };
        var by = new Option<string>("--by") { Description = "Count draws of: team (default) or judge", DefaultValueFactory = _ => "team" };
        var period = new Option<string>("--period") { Description = "Test each: month (default), quarter or year (UTC)", DefaultValueFactory = _ => "month" };
        var alpha = new Option<double>("--alpha") { Description = "The level: the chance of a false alarm over the whole audit (default 0.01)", DefaultValueFactory = _ => 0.01 };
        var scenario = new Option<string?>("--scenario") { Description = "The scenario the service ran: re-verifies every entry of a revealed epoch (draws re-made) and gives deck draws their cards" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("randomness", "Test a ledger's random draws: observed counts per team and period against the counts the recorded probabilities give")
        {
            ledger, by, period, alpha, scenario, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(ledger)!;
            var subject = parse.GetValue(by) switch
            {
                "team" => AuditSubject.Team,
                "judge" => AuditSubject.Judge,
                var other => throw new BadInputException($"--by: '{other}' is not team or judge"),
            };
            if (!AuditPeriods.ByName.TryGetValue(parse.GetValue(period)!, out var grouping))
            {
                throw new BadInputException($"--period: '{parse.GetValue(period)}' is not a period (month, quarter or year)");
            }
            var level = parse.GetValue(alpha);
            if (!(level > 0 && level < 1))
            {
                throw new BadInputException($"--alpha: {level.ToString(CultureInfo.InvariantCulture)} is not a level between 0 and 1");
            }
            InputFile.Require(path, "ledger");
            RandomnessAuditResult result;
            ChainCheck chain;
            try
            {
                // Read three times with --scenario (its court, the secrets revealed at its end, the audit itself), else once.
                using var input = parse.GetValue(scenario) is null ? new RereadableInput(path, null) : InputFile.Rereadable(path);
                var court = parse.GetValue(scenario) is { } scenarioPath ? CourtOf(scenarioPath, input.Path, path) : null;
                var audited = new RandomnessAudit(grouping, subject, court);
                chain = AuditedLedger.Read(() => File.ReadLines(input.Path), path, audited, court);
                result = audited.Result(level);
            }
            catch (LedgerInputException e)
            {
                throw new BadInputException(e.Message);
            }
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(ToJson(result, chain));
            }
            else
            {
                await WriteTextAsync(output, result, chain);
            }
            return result.Departs ? ExitCodes.Departs : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The scenario's court the ledger is of (its first entry's court).</summary>
    private static Court CourtOf(string scenarioPath, string readPath, string ledgerPath)
    {
        var (_, loaded) = ScenarioInput.Read(scenarioPath);
        var organization = new Organization(loaded, scenarioPath);
        var first = LedgerFile.Lines(File.ReadLines(readPath), ledgerPath).FirstOrDefault()
            ?? throw new LedgerInputException($"{ledgerPath}: no ledger entries");
        return organization.Court(first.Entry.Court)
            ?? throw new LedgerInputException($"{LedgerFile.At(ledgerPath, first.Line, first.Text, "court")}: the scenario {scenarioPath} has no court '{first.Entry.Court}' (courts: {string.Join(", ", organization.CourtIds)})");
    }

    private static string Counts(IReadOnlyDictionary<string, long> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.Select(c => $"{c.Key} {c.Value:N0}"));

    private static string Cell(AuditCell c) => c.Teams.Count == 1 ? c.Teams[0] : $"pooled ({string.Join(", ", c.Teams)})";

    private static async Task WriteTextAsync(TextWriter w, RandomnessAuditResult r, ChainCheck chain)
    {
        var inv = CultureInfo.InvariantCulture;
        await w.WriteLineAsync($"court {r.Court}: {chain.Entries:N0} entries, hashes and links verified"
            + (chain.Verified > 0 ? $"; {chain.Verified:N0} re-verified with the scenario ({chain.DrawsReMade:N0} draws re-made)" : "")
            + (chain.UnrevealedEpoch is { } epoch ? $"; entries of epoch {epoch} on not re-verified (its secret is not revealed yet)" : ""));
        await w.WriteLineAsync($"random draws tested: {Counts(r.Drawn)}; not tested (made by rule): {Counts(r.NotTested)}");
        foreach (var note in r.Notes)
        {
            await w.WriteLineAsync($"note: {note}");
        }
        var tested = r.Periods.Count(p => p.Tested);
        await w.WriteLineAsync($"Pearson chi-square per {AuditPeriods.NameOf(r.Period)} (UTC) of observed against expected draws per {(r.By == AuditSubject.Team ? "team" : "judge")} "
            + $"(expected: each draw's recorded probabilities summed; teams expecting under {RandomnessTest.MinExpected.ToString(inv)} pooled); "
            + $"df = cells − 1 per group of teams drawn together; Holm across {tested} tested period(s) at alpha {r.Alpha.ToString(inv)}");
        if (r.Periods.Count > 0)
        {
            await w.WriteLineAsync($"{"period",-8} {"draws",8} {"cells",6} {"pooled",7} {"df",4} {"chi-square",11} {"p",10} {"p (Holm)",10}");
            foreach (var p in r.Periods)
            {
                await w.WriteLineAsync(p.Tested
                    ? $"{p.Period,-8} {p.Draws,8:N0} {p.Cells.Count,6} {p.PooledTeams,7} {p.DegreesOfFreedom,4} {p.ChiSquare.ToString("F2", inv),11} {P(p.P),10} {P(p.AdjustedP),10}{(p.Departs ? "  departs" : "")}"
                    : $"{p.Period,-8} {p.Draws,8:N0} {p.Cells.Count,6} {p.PooledTeams,7} {p.DegreesOfFreedom,4} {"not tested (no degree of freedom)",22}");
            }
        }
        var departing = r.Periods.Where(p => p.Departs).ToList();
        if (departing.Count == 0)
        {
            await w.WriteLineAsync($"no period departs from the recorded probabilities at alpha {r.Alpha.ToString(inv)}");
            return;
        }
        await w.WriteLineAsync($"departing at alpha {r.Alpha.ToString(inv)} (each cell's standardized residual, two-sided, Bonferroni over its period's cells):");
        foreach (var p in departing)
        {
            if (p.Departing.Count == 0)
            {
                await w.WriteLineAsync($"  {p.Period}: the period as a whole; no single cell on its own");
            }
            foreach (var c in p.Departing)
            {
                await w.WriteLineAsync($"  {p.Period} {Cell(c)}: observed {c.Observed:N0}, expected {c.Expected.ToString("N1", inv)}, residual {c.Residual.ToString("+0.00;-0.00", inv)}, p (adjusted) {P(c.AdjustedP)}");
            }
        }
    }

    private static string P(double p) => p.ToString(p < 0.001 ? "0.0e0" : "0.0000", CultureInfo.InvariantCulture);

    /// <summary>The result as JSON (docs/audit.md names the fields).</summary>
    internal static string ToJson(RandomnessAuditResult r, ChainCheck chain)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, s_json))
        {
            w.WriteStartObject();
            w.WriteString("court", r.Court);
            w.WriteString("by", r.By == AuditSubject.Team ? "team" : "judge");
            w.WriteString("period", AuditPeriods.NameOf(r.Period));
            w.WriteNumber("alpha", r.Alpha);
            w.WriteString("test", "pearson_chi_square");
            w.WriteNumber("min_expected", RandomnessTest.MinExpected);
            w.WriteString("correction", "holm_across_periods");
            w.WriteString("cell_correction", "bonferroni_within_period");
            w.WriteStartObject("chain");
            w.WriteNumber("entries", chain.Entries);
            w.WriteNumber("re_verified", chain.Verified);
            w.WriteNumber("draws_re_made", chain.DrawsReMade);
            if (chain.UnrevealedEpoch is { } epoch)
            {
                w.WriteNumber("unrevealed_epoch", epoch);
            }
            else
            {
                w.WriteNull("unrevealed_epoch");
            }
            w.WriteEndObject();
            WriteCounts(w, "drawn", r.Drawn);
            WriteCounts(w, "not_tested", r.NotTested);
            w.WriteStartArray("periods");
            foreach (var p in r.Periods)
            {
                w.WriteStartObject();
                w.WriteString("period", p.Period);
                w.WriteNumber("draws", p.Draws);
                w.WriteBoolean("tested", p.Tested);
                w.WriteNumber("df", p.DegreesOfFreedom);
                w.WriteNumber("chi_square", p.ChiSquare);
                w.WriteNumber("p", p.P);
                w.WriteNumber("p_holm", p.AdjustedP);
                w.WriteBoolean("departs", p.Departs);
                w.WriteNumber("pooled_teams", p.PooledTeams);
                w.WriteStartArray("cells");
                foreach (var c in p.Cells)
                {
                    WriteCell(w, null, c);
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("departing");
            foreach (var p in r.Periods)
            {
                foreach (var c in p.Departing)
                {
                    WriteCell(w, p.Period, c);
                }
            }
            w.WriteEndArray();
            w.WriteBoolean("departs", r.Departs);
            w.WriteStartArray("notes");
            foreach (var note in r.Notes)
            {
                w.WriteStringValue(note);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteCounts(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, long> counts)
    {
        w.WriteStartObject(name);
        foreach (var (key, count) in counts)
        {
            w.WriteNumber(key, count);
        }
        w.WriteEndObject();
    }

    private static void WriteCell(Utf8JsonWriter w, string? period, AuditCell c)
    {
        w.WriteStartObject();
        if (period is not null)
        {
            w.WriteString("period", period);
        }
        w.WriteStartArray("teams");
        foreach (var t in c.Teams)
        {
            w.WriteStringValue(t);
        }
        w.WriteEndArray();
        w.WriteNumber("observed", c.Observed);
        w.WriteNumber("expected", c.Expected);
        w.WriteNumber("residual", c.Residual);
        w.WriteNumber("p_adjusted", c.AdjustedP);
        w.WriteEndObject();
    }
}
