using System.Text.Json;
using Docket.Domain.Access;
using Docket.Domain.Balance;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Reports;
using Docket.Domain.Scenarios;
using Docket.Domain.Supervision;
using Docket.Domain.Tests.Scenarios;

namespace Docket.Domain.Tests.Courts;

/// <summary>
/// A finished case (closed, last stage done) leaves the court's memory: its row goes to storage (here a
/// <see cref="FinishedCaseTable"/>), and its record is read back from its ledger entries as it was. Checked on a ledger of filings, stages with unlocks, extensions and
/// the deadline watcher's warnings (Yancheng's node deadlines), replayed by a court that keeps one finished case at
/// hand and by one that keeps them all.
/// </summary>
public sealed class FinishedCasesTests
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_finished_case_leaves_memory_and_its_ledger_entries_make_its_record_again()
    {
        var (court, records, entries, _) = Ledger(seed: 5);
        var (small, smallRows) = Replayed(court, records, finishedAtHand: 0);
        var (all, allRows) = Replayed(court, records, finishedAtHand: int.MaxValue);
        var finished = Enumerable.Range(1, (int)small.LastNumber).Where(n => small.IsFinished(n)).ToList();
        Assert.Equal(finished.Select(n => (long)n), smallRows.All.Select(f => f.Number));
        Assert.True(finished.Count > 50, $"only {finished.Count} cases finished");
        Assert.True(small.HeldCases.Count() < small.LastNumber, "finished cases leave memory");
        foreach (var n in finished)
        {
            var folded = CaseEntries.Fold(court, entries.Where(e => e.Number == n && e.Kind != LedgerKinds.Absence));
            Assert.Equal(Json(all.Case(n)!), Json(folded));
            // As a case's grain or the court folds a finished case from storage: every entry, each hash and case checked.
            var (stored, problem) = CaseEntries.FoldStored(court, court.CaseId(n), [.. records.Where(r => r.CaseId == court.CaseId(n))], 0, null);
            Assert.Null(problem);
            Assert.Equal(Json(folded), Json(stored!));
            // The court keeps no digest of a finished case (its entries no longer change).
            Assert.Null(small.DigestOf(n));
            Assert.Null(all.DigestOf(n));
            if (n != finished[^1])
            {
                Assert.True(small.HasLeft(n));
                Assert.Null(small.Case(n));
            }
            small.Recall(folded);
            Assert.False(small.HasLeft(n));
            Assert.Equal(Json(folded), Json(small.Case(n)!));
        }
        Assert.Equal(allRows.All, smallRows.All);
        Assert.Throws<InvalidOperationException>(() => small.Recall(small.HeldCases.First()));
    }

    [Fact]
    public void Indicators_over_any_window_count_finished_cases_as_their_records_would()
    {
        var (court, records, entries, end) = Ledger(seed: 9);
        var (state, rows) = Replayed(court, records, finishedAtHand: 0);
        var cases = entries.Where(e => e.Number is not null).GroupBy(e => e.Number!.Value).OrderBy(g => g.Key)
            .Select(g => CaseEntries.Fold(court, g.Where(e => e.Kind != LedgerKinds.Absence))).ToList();
        foreach (var since in new DateTimeOffset?[] { null, s_start.AddDays(10), s_start.AddDays(60), end.AddDays(-5) })
        {
            var kpis = CourtIndicators.Compute(state, rows, since, end);
            var from = since ?? cases[0].FiledAt;
            var filed = cases.Where(c => c.FiledAt >= from).ToList();
            var closed = cases.Where(c => c.ClosedAt >= from).ToList();
            var pendingStart = cases.Count(c => c.FiledAt < from && (c.ClosedAt is null || c.ClosedAt >= from));
            Assert.Equal(filed.Count, kpis.Filed);
            Assert.Equal(closed.Count, kpis.Closed);
            Assert.Equal(pendingStart, kpis.PendingStart);
            Assert.Equal(cases.Count(c => c.Status != CourtCaseStatus.Closed), kpis.PendingEnd);
            var inputs = new BalanceInputs();
            foreach (var c in cases)
            {
                var type = court.CaseTypes[court.TypeIndex(c.Type)];
                if (c.FiledAt >= from)
                {
                    inputs.File(c.Extensions);
                }
                if (c.ClosedAt is { } at && at >= from)
                {
                    inputs.Close(type, (at - c.FiledAt).TotalDays, CaseClock.Suspension(type, c).Days);
                }
                if (c.ClosedAt is { } closure && c.StagesDone == type.Stages.Count && c.Stages[^1].At >= from)
                {
                    inputs.Archive(Math.Max(0, (c.Stages[^1].At - closure).TotalDays));
                }
                if (c.Status != CourtCaseStatus.Closed)
                {
                    inputs.Pending((end - c.FiledAt).TotalDays, court.Scenario.Balance.LongPendingDays);
                }
            }
            // Equal to rounding: over the whole ledger the finished cases come from the court's running sums, added in
            // the order the cases finished, not in case-number order as here.
            var expected = inputs.Indicators();
            Assert.Equal(expected.TrialTimeIndex, kpis.Balance.TrialTimeIndex, 12);
            Assert.Equal(expected.TimeLimitChangeRate, kpis.Balance.TimeLimitChangeRate, 12);
            Assert.Equal(expected.LongPendingShare, kpis.Balance.LongPendingShare, 12);
            Assert.Equal(expected.MediationAndSimpleShare, kpis.Balance.MediationAndSimpleShare, 12);
        }
    }

    [Fact]
    public void The_whole_ledger_s_indicators_from_the_court_s_sums_equal_those_from_every_finished_case_s_row()
    {
        var (_, records, _, end) = Ledger(seed: 13);
        var (state, rows) = Replayed(TestCourts.Yancheng(), records, finishedAtHand: 0);
        Assert.True(state.FinishedTotals.Count > 20, $"only {state.FinishedTotals.Count} cases finished");
        Assert.Equal(rows.Count, state.FinishedTotals.Count);
        var whole = CourtIndicators.Compute(state, rows, null, end);
        var fromRows = CourtIndicators.Compute(state, rows, state.FirstFiledAt, end);
        Assert.Equal((fromRows.PendingStart, fromRows.Filed, fromRows.Closed, fromRows.PendingEnd), (whole.PendingStart, whole.Filed, whole.Closed, whole.PendingEnd));
        Assert.Equal(fromRows.Balance.TrialTimeIndex, whole.Balance.TrialTimeIndex, 12);
        Assert.Equal(fromRows.Balance.TimeLimitChangeRate, whole.Balance.TimeLimitChangeRate, 12);
        Assert.Equal(fromRows.Balance.MediationAndSimpleShare, whole.Balance.MediationAndSimpleShare, 12);
        Assert.Equal(fromRows.Balance.Index, whole.Balance.Index, 12);
    }

    [Fact]
    public void A_finished_case_s_row_says_where_its_filing_and_the_entry_that_finished_it_are_in_the_ledger()
    {
        var (court, records, entries, _) = Ledger(seed: 3);
        var (_, rows) = Replayed(court, records, finishedAtHand: 0);
        var filings = entries.Where(e => e.Kind is LedgerKinds.Assign or LedgerKinds.Queue).ToDictionary(e => e.Number!.Value);
        Assert.True(rows.Count > 20, $"only {rows.Count} cases finished");
        foreach (var f in rows.All)
        {
            Assert.Equal(filings[f.Number].Seq, f.FilingSeq);
            // The case's last entry finished it: no entry names it after that one.
            Assert.Equal(entries.Last(e => e.Number == f.Number && e.Kind != LedgerKinds.Absence).Seq, f.FinishedSeq);
        }
    }

    private static string Json(CourtCase c) => JsonSerializer.Serialize(c);

    [Fact]
    public void Indicators_counted_a_few_cases_a_step_equal_those_counted_in_one_go()
    {
        var (court, records, _, end) = Ledger(seed: 9);
        var (state, rows) = Replayed(court, records, finishedAtHand: 0);
        foreach (var since in new DateTimeOffset?[] { null, s_start.AddDays(30) })
        {
            var pass = new CourtIndicatorPass(state, since, end);
            // Read as the court reads storage: a page at a time.
            for (var after = FinishedKey.Since(pass.From); ;)
            {
                var page = rows.Read(pass.Through, after, 5);
                pass.CountFinished(page);
                if (page.Count < 5)
                {
                    break;
                }
                after = FinishedKey.Of(page[^1]);
            }
            var steps = 1;
            while (!pass.Step(7))
            {
                steps++;
            }
            Assert.True(steps > 10, $"{steps} steps");
            Assert.Equal(JsonSerializer.Serialize(CourtIndicators.Compute(state, rows, since, end)), JsonSerializer.Serialize(pass.Finish()));
            Assert.True(pass.QuotaUnits.Values.Sum() > 0);
        }
        Assert.Throws<InvalidOperationException>(() => new CourtIndicatorPass(state, null, end).Finish());
    }

    [Fact]
    public void A_pass_counts_the_court_as_it_stood_when_the_pass_began_however_the_court_goes_on_meanwhile()
    {
        var (court, records, entries, end) = Ledger(seed: 9);
        var half = records.Count / 2;
        var (state, rows) = Replayed(court, records.Take(half), finishedAtHand: 0);
        var first = state.LastNumber;
        var atStart = JsonSerializer.Serialize(CourtIndicators.Compute(state, rows, null, end));
        var unitsAtStart = state.QuotaUnits();
        var pass = new CourtIndicatorPass(state, null, end);
        // The rest of the ledger arrives before the steps: cases in progress when the pass began change and finish,
        // others are filed; none of it reaches the pass.
        foreach (var record in records.Skip(half))
        {
            Assert.Null(state.Replay(record));
        }
        rows.Put(state.DrainFinished());
        Assert.NotEqual(unitsAtStart, state.QuotaUnits());
        while (!pass.Step(3))
        {
        }
        var kpis = pass.Finish();

        Assert.Equal(atStart, JsonSerializer.Serialize(kpis));
        Assert.Equal(unitsAtStart, pass.QuotaUnits);
        var cases = entries.Where(e => e.Number is { } n && n <= first && e.Seq <= records[half - 1].Seq).GroupBy(e => e.Number!.Value)
            .Select(g => CaseEntries.Fold(court, g.Where(e => e.Kind != LedgerKinds.Absence))).ToList();
        Assert.Equal(cases.Count, kpis.Filed);
        Assert.Equal(cases.Count(c => c.ClosedAt is not null), kpis.Closed);
        Assert.Equal(cases.Count(c => c.Status != CourtCaseStatus.Closed), kpis.PendingEnd);
    }

    [Fact]
    public void Reports_read_a_few_cases_a_step_equal_those_read_in_one_go()
    {
        var (court, records, entries, end) = Ledger(seed: 11);
        var (state, rows) = Replayed(court, records, finishedAtHand: 0);
        var calendar = court.Scenario.Calendar;
        var assignments = entries.Where(e => e.Kind is LedgerKinds.Assign or LedgerKinds.Pull or LedgerKinds.Designate).ToList();
        foreach (var (kind, cadence) in new[]
        {
            (ReportKind.DailyCheck, ReportCadence.Day), (ReportKind.PastLimit, ReportCadence.Week), (ReportKind.Assignments, ReportCadence.Month),
            (ReportKind.Caseload, ReportCadence.Month), (ReportKind.Rankings, ReportCadence.Quarter),
        })
        {
            // The current period, and for the counts one before it (a list stands as the cases stand now).
            var periods = new List<ReportPeriod> { ReportPeriod.At(calendar, cadence, end) };
            if (!ReportKinds.ListsCases(kind))
            {
                periods.Add(ReportPeriod.At(calendar, cadence, end.AddDays(-100)));
            }
            foreach (var period in periods)
            {
                var whole = new LiveReportPass(state, kind, period, end);
                whole.CountFinished(rows.All);
                Assert.True(whole.Step(int.MaxValue));
                var stepped = new LiveReportPass(state, kind, period, end);
                stepped.CountFinished(rows.Read(stepped.FinishedSince, stepped.Through));
                var steps = 1;
                while (!stepped.Step(7))
                {
                    steps++;
                }
                Assert.True(kind == ReportKind.Assignments ? steps == 1 : steps > 10, $"{kind}: {steps} steps");
                var report = whole.Finish(assignments);
                Assert.Equal(JsonSerializer.Serialize(report), JsonSerializer.Serialize(stepped.Finish(assignments)));
                Assert.True((report.Cases?.Length ?? 0) + (report.Divisions?.Sum(d => d.Filed + d.PendingEnd) ?? 0)
                    + (report.Teams?.Sum(t => t.Closed) ?? 0) + (report.Judges?.Sum(j => j.Assigned) ?? 0) > 0, $"{kind} {period.Key} is empty");
            }
        }
        Assert.Throws<InvalidOperationException>(() => new LiveReportPass(state, ReportKind.Caseload, ReportPeriod.At(calendar, ReportCadence.Month, end), end).Finish(assignments));
    }

    /// <summary>The ledger replayed, with the rows of the cases it finished (what the court writes to storage).</summary>
    private static (CourtState State, FinishedCaseTable Finished) Replayed(Court court, IEnumerable<LedgerRecord> records, int finishedAtHand)
    {
        var state = new CourtState(court, _ => Secret, finishedAtHand) { TracksFinished = true };
        var finished = new FinishedCaseTable();
        foreach (var record in records)
        {
            Assert.Null(state.Replay(record));
        }
        finished.Put(state.DrainFinished());
        return (state, finished);
    }

    private static readonly string Secret = LiveLedgerSecret();

    private static string LiveLedgerSecret() => Docket.Domain.Tests.Replay.LiveLedger.Secret(7, 1);

    /// <summary>A ledger of Yancheng's court: filings (some with keys), stages to the end with unlocks, extensions and watches.</summary>
    private static (Court Court, List<LedgerRecord> Records, List<LedgerEntry> Entries, DateTimeOffset End) Ledger(int seed)
    {
        var court = TestCourts.Yancheng();
        var state = new CourtState(court, _ => Secret);
        var at = s_start;
        var records = new List<LedgerRecord> { CourtCommands.Open(state, "yancheng", LedgerHash.Commitment(Secret), at) };
        var registrar = new Actor("r", UserRoles.Registrar, court.Id, null, null);
        var clerk = new Actor("c", UserRoles.Clerk, court.Id, null, null);
        var president = new Actor("p", UserRoles.President, court.Id, null, null);
        var random = new Random(seed);
        var types = court.CaseTypes.Where((t, i) => court.Layout.TypePool[i] >= 0).ToList();
        for (var step = 0; step < 1500; step++)
        {
            at = at.AddHours(random.Next(1, 30));
            var open = state.HeldCases.Where(c => c.Status != CourtCaseStatus.Waiting && c.StagesDone < court.CaseTypes[court.TypeIndex(c.Type)].Stages.Count).ToList();
            var effect = random.Next(6) switch
            {
                0 or 1 => CourtCommands.File(state, new FilingRequest(types[random.Next(types.Count)].Id, false, RiskLevel.None, random.Next(2) == 0 ? $"key-{step}" : null, registrar), at),
                2 or 3 when open.Count > 0 => Progress(state, open[random.Next(Math.Min(open.Count, 4))], clerk, president, at),
                4 when open.Count > 0 => CourtCommands.Extend(state, open[random.Next(open.Count)].Number, 30, "appraisal", president, at),
                _ => CourtCommands.Watch(state, at),
            };
            records.AddRange(effect.Records);
        }
        return (court, records, [.. records.Select(r => LedgerEntry.Parse(r.Json))], at);
    }

    private static CommandEffect Progress(CourtState state, CourtCase c, Actor clerk, Actor president, DateTimeOffset at)
    {
        var effect = new CommandEffect();
        if (CaseProgress.NextStage(state.Court, c) is not { } stage)
        {
            return effect;
        }
        if (CaseClock.IsLocked(state.Court, c, at))
        {
            effect.Records.AddRange(CourtCommands.Unlock(state, c.Number, "moving on", president, at).Records);
        }
        effect.Records.AddRange(CourtCommands.Reach(state, c.Number, stage, clerk, at).Records);
        return effect;
    }
}
