using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Statistics;
using Docket.Domain.Supervision;

namespace Docket.Domain.Replay;

/// <summary>
/// The planner's what-if on a real court's intake: the ledger's filings (their times, types, flags and risk) given to
/// the scenario's <see cref="CourtSimulation"/> of the ledger's court in place of its Poisson intake and backlog, work
/// times from the scenario's effort model (the real closure times belong to the real layout), and the summary
/// <c>docket simulate</c> writes, with <see cref="Summary.Replay"/>: the filings and how many of them the simulated
/// court gave to another team id than the ledger's (the team of each case's assignment or pull; none while waiting).
/// A case filed in an epoch whose secret the ledger reveals is drawn as the live court drew it (its epoch's seed, the
/// court's streams), so a case moves because its eligible teams differ, not by the luck of another seed; a case of an
/// epoch not revealed is drawn with the scenario's seed.
/// </summary>
public static class LedgerWhatIf
{
    /// <summary>
    /// What can still be checked of a ledger on another layout, where the court's rules cannot re-make what it
    /// decided (its draws, pulls, escalations due, reports, holds all depend on the layout it ran): every entry's kind,
    /// its time not before the previous entry's, its actor's right, and a filing's case type, number and meeting trigger
    /// (<see cref="EntryRules"/>, as the court's own verifier checks them). A <see cref="LedgerInputException"/> naming the first entry that fails.
    /// </summary>
    public static void Verify(IReadOnlyList<LedgerLine> lines, string source)
    {
        DateTimeOffset? previous = null;
        var filed = 0L;
        var rules = 1;
        foreach (var line in lines)
        {
            var e = line.Entry;
            rules = e.Kind == LedgerKinds.Genesis ? e.Rules ?? 1 : rules;
            if ((EntryRules.Refuse(e, previous) ?? EntryRules.RefuseFiling(e, filed) ?? EntryRules.RefuseTrigger(e, rules)) is { } problem)
            {
                throw new LedgerInputException($"{source}:{line.Line}:1: the ledger fails verification at entry {e.Seq} ({e.Kind}): {problem}");
            }
            previous = e.At;
            filed += e.Kind is LedgerKinds.Assign or LedgerKinds.Queue ? 1 : 0;
        }
    }

    /// <summary>
    /// Day 0 is the ledger's genesis; the run lasts the scenario's days, or to the day after the last filing when that
    /// is later, with no warm-up (the statistics window is the whole run). The seed is the scenario's, but for the
    /// draws of the epochs revealed.
    /// </summary>
    /// <param name="secrets">The epochs' secrets the ledger reveals (<see cref="LedgerFile.RevealedSecrets"/>).</param>
    public static Summary Run(Scenario scenario, string source, string courtId, IReadOnlyList<LedgerLine> lines, IReadOnlyDictionary<int, string> secrets)
    {
        var start = lines[0].Entry.At;
        var types = scenario.CaseTypes.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var filings = new List<ExternalFiling>();
        var ledgerTeams = new List<string?>();
        var epoch = 0;
        foreach (var line in lines)
        {
            var e = line.Entry;
            if (e.Kind is LedgerKinds.Genesis or LedgerKinds.Seed)
            {
                epoch = e.Epoch ?? epoch;
            }
            else if (e.Kind is LedgerKinds.Assign or LedgerKinds.Queue)
            {
                var drawSeed = secrets.TryGetValue(epoch, out var secret) ? LedgerHash.Seed(secret) : (ulong?)null;
                filings.Add(new ExternalFiling((e.At - start).TotalDays, types[e.Type!], e.Flagged ?? false, e.FiledRisk, drawSeed));
                ledgerTeams.Add(e.Team);
            }
            else if (e.Kind == LedgerKinds.Pull && e.Number is { } n && n >= 1 && n <= ledgerTeams.Count)
            {
                ledgerTeams[(int)n - 1] = e.Team;
            }
        }
        var lastDay = filings.Count == 0 ? 0 : filings[^1].Day;
        var run = scenario with { Days = Math.Max(scenario.Days, (int)Math.Ceiling(lastDay) + 1), WarmupDays = 0 };
        var court = new Organization(run, source).Court(courtId) ?? throw new ArgumentException($"no court '{courtId}'", nameof(courtId));
        var simulation = new CourtSimulation(court.Layout, run.Seed, filings);
        simulation.RunToEnd();
        var moved = 0;
        for (var i = 0; i < simulation.CaseCount; i++)
        {
            ref readonly var c = ref simulation.Case(i);
            var team = c.Team >= 0 ? court.Layout.Teams[c.Team].Id : null;
            if (team != ledgerTeams[i])
            {
                moved++;
            }
        }
        return SummaryBuilder.Replication(run, run.Seed, [CourtStatisticsCollector.Collect(simulation)]) with
        {
            Replay = new ReplayFigures(filings.Count, moved),
        };
    }
}
