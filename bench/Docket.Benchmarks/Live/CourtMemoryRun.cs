using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Docket.Benchmarks.Infrastructure;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Scenarios;
using Docket.Domain.Supervision;

namespace Docket.Benchmarks.Live;

/// <summary>
/// <c>--court-memory ENTRIES [OPEN] [--long-pending EVERY] [--data DIR [--saved-behind N]]</c>: how much memory a live court's state takes, and how fast it replays, for a
/// ledger of about ENTRIES entries of which about OPEN cases are still in progress (default 5% of the filings). The
/// ledger is written by the court's own commands on Xicheng's pooled court (scenarios/xicheng-pooled.yaml): filings
/// with Idempotency-Keys, and the oldest case in progress taken through every stage whenever more than OPEN are
/// open (a four-type case, one filing in 40, is referred to its professional judges' meeting the first time it comes
/// up and closed when it comes up again after the papers' week, so a few hundred more than OPEN are open). With <c>--long-pending EVERY</c>, every EVERY-th case filed is never closed (besides the OPEN): cases in
/// progress spread over the court's whole history, not only its last filings. It is kept in a temporary file; then, with nothing else of it in memory, a fresh court state replays it
/// (verifying each entry as activation does) and the managed heap retained by that state is measured after a full
/// collection; then the state is taken (<see cref="CourtState.CaptureSnapshot"/>: the part that holds the court up),
/// written and read back, each timed.
/// Prints one line of key=value figures.
/// </summary>
public static class CourtMemoryRun
{
    public static int Run(string[] args)
    {
        var at = Array.IndexOf(args, "--court-memory");
        if (at + 1 >= args.Length || !long.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var entries) || entries < 100)
        {
            Console.Error.WriteLine("--court-memory ENTRIES [OPEN]: ENTRIES must be a whole number of at least 100");
            return 2;
        }
        long? open = at + 2 < args.Length && long.TryParse(args[at + 2], CultureInfo.InvariantCulture, out var o) && o > 0 ? o : null;
        var loaded = ScenarioLoader.LoadFile(Path.Combine(RepoPaths.Scenarios, "xicheng-pooled.yaml"));
        var organization = new Organization(loaded.Scenario!, "xicheng-pooled.yaml");
        var court = organization.Court(organization.CourtIds[0])!;
        var secret = LedgerHash.NewSecret();
        var file = Path.Combine(Path.GetTempPath(), $"docket-court-memory-{Environment.ProcessId}.tsv");
        try
        {
            var behindAt = Array.IndexOf(args, "--saved-behind");
            long behind = 0;
            if (behindAt >= 0 && (behindAt + 1 >= args.Length || !long.TryParse(args[behindAt + 1], CultureInfo.InvariantCulture, out behind) || behind < 0 || behind >= entries))
            {
                Console.Error.WriteLine("--saved-behind N: N must be a whole number of entries, at least 0 and fewer than ENTRIES");
                return 2;
            }
            var longAt = Array.IndexOf(args, "--long-pending");
            long longPending = 0;
            if (longAt >= 0 && (longAt + 1 >= args.Length || !long.TryParse(args[longAt + 1], CultureInfo.InvariantCulture, out longPending) || longPending < 2))
            {
                Console.Error.WriteLine("--long-pending EVERY: EVERY must be a whole number of at least 2");
                return 2;
            }
            var (written, filings, inProgress, live, earlier) = Write(court, secret, entries, open, file, behind, longPending);
            var data = Array.IndexOf(args, "--data");
            if (data >= 0 && data + 1 < args.Length)
            {
                StoreAsync(court, secret, file, args[data + 1], live, earlier).GetAwaiter().GetResult();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"entries={written} filings={filings} in_progress={inProgress} stored_in={args[data + 1]}"));
                return 0;
            }
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var started = Stopwatch.GetTimestamp();
            var state = Replay(court, secret, file);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var after = GC.GetTotalMemory(forceFullCollection: true);
            started = Stopwatch.GetTimestamp();
            var snapshot = state.CaptureSnapshot();
            var captureSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            started = Stopwatch.GetTimestamp();
            var saved = new MemoryStream();
            snapshot.WriteTo(saved);
            var saveSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            saved.Position = 0;
            started = Stopwatch.GetTimestamp();
            var restored = CourtState.ReadSnapshot(court, _ => secret, saved);
            var readSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"entries={written} filings={filings} in_progress={inProgress} state_mb={(after - before) / 1048576.0:F1} bytes_per_filing={(after - before) / (double)filings:F0} replay_s={seconds:F2} entries_per_s={written / seconds:F0} saved_mb={saved.Length / 1048576.0:F1} capture_s={captureSeconds:F3} write_s={saveSeconds:F2} read_saved_s={readSeconds:F2} seq={restored.Seq}"));
            GC.KeepAlive(state);
            return 0;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <param name="behind">
    /// When above 0, the court's state is also written once the ledger is within that many entries of its end (after
    /// the filing that brings it there), to be stored as its saved state: a restart then replays that tail.
    /// </param>
    /// <param name="longPending">When above 0, every case filed with a number divisible by it is left open for good.</param>
    private static (long Entries, long Filings, int InProgress, CourtState Live, (StateBuffer State, long Seq)? Earlier) Write(Court court, string secret, long entries, long? open, string file, long behind, long longPending)
    {
        (StateBuffer State, long Seq)? earlier = null;
        // The finished cases' rows collected for --data, which stores them as the court would have written them.
        var live = new CourtState(court, _ => secret) { TracksFinished = true, TracksTouches = true };
        // The deadline watch split as the service splits it: the court's share (the queue, the cases no team holds)
        // and each team's docket watching the cases it holds, told the entries that concern it.
        var dockets = Enumerable.Range(0, court.Layout.Teams.Count).Select(t => new OpenDocket(court, t)).ToArray();
        // About six entries a filing, one filing every 30 s: the ledger ends about now, so a server taking it up finds
        // the deadlines of its open cases where a running court would have left them (the watch runs as it goes).
        var time = DateTimeOffset.UtcNow.AddSeconds(-30.0 * entries / 6);
        var registrar = new Actor("registrar", UserRoles.Registrar, court.Id, null, null);
        var clerk = new Actor("clerk", UserRoles.Clerk, court.Id, null, null);
        var president = new Actor("president", UserRoles.President, court.Id, null, null);
        var types = court.CaseTypes.Where(t => court.Layout.TypePool[court.TypeIndex(t.Id)] >= 0).Select(t => t.Id).ToArray();
        var random = new Random(1);
        var pending = new Queue<long>();
        long filings = 0, written = 0, stuck = 0;
        using var writer = new StreamWriter(file);
        void Save(IEnumerable<LedgerRecord> records)
        {
            foreach (var r in records)
            {
                writer.Write(r.Kind);
                writer.Write('\t');
                writer.Write(r.CaseId);
                writer.Write('\t');
                writer.WriteLine(r.Json);
                written++;
            }
            foreach (var touch in live.DrainTouches())
            {
                dockets[touch.Team].Apply(touch.Entry, n => live.Case(n));
            }
        }
        // A four-type case goes to its professional judges' meeting before it closes (rules version 5): referred the
        // first time it comes up, heard and released once its papers have been out the papers' week; till then it
        // waits its turn again.
        bool MeetingAllowsClosing(long number)
        {
            switch (live.Case(number)?.Meeting)
            {
                case { Stage: MeetingStage.Required }:
                    Save(CourtCommands.Meeting(live, number, new MeetingStep(MeetingStepKind.Refer, MeetingTriggers.FourType, "a four-type case"), president, time).Records);
                    return false;
                case { Stage: MeetingStage.Referred } hold when hold.ReferredAt.AddDays(live.PapersDays) > time:
                    return false;
                case { Stage: MeetingStage.Referred }:
                    Save(CourtCommands.Meeting(live, number, new MeetingStep(MeetingStepKind.Held, Adopted: true), president, time).Records);
                    Save(CourtCommands.Meeting(live, number, new MeetingStep(MeetingStepKind.Release), president, time).Records);
                    return true;
                default:
                    return true;
            }
        }
        void Warn(long number)
        {
            if (live.Case(number) is { } c && CaseCommands.Warn(court, c, time) is { } decision && CourtCommands.Ledger(live, decision, time) is { } ledgered)
            {
                Save(ledgered.Records);
            }
        }
        Save([CourtCommands.Open(live, court.Scenario.Name, LedgerHash.Commitment(secret), time)]);
        foreach (var docket in dockets)
        {
            docket.Watch(time);
        }
        while (written < entries)
        {
            time = time.AddSeconds(30);
            // As the service files: with the keyed hash of the party's code (64 hex digits; here a digest of the count).
            var partyCode = Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(filings)));
            var filed = CourtCommands.File(live, new FilingRequest(types[random.Next(types.Length)], random.Next(40) == 0, RiskLevel.None, $"key-{filings}", registrar, partyCode), time);
            filings++;
            Save(filed.Records);
            if (filings % 100 == 0)
            {
                Save(CourtCommands.WatchQueue(live, time).Records);
                live.DueBy(time).Select(c => c.Number).ToList().ForEach(Warn);
                foreach (var docket in dockets)
                {
                    docket.DueBy(time).ForEach(Warn);
                }
            }
            if (behind > 0 && earlier is null && written >= entries - behind)
            {
                var state = new StateBuffer();
                state.Restart(LedgerKey.SealBytes);
                live.WriteSnapshot(state);
                earlier = (state, live.Seq);
            }
            if (live.Case(filed.Case!.Value) is { Status: CourtCaseStatus.Pending } && (longPending == 0 || filed.Case!.Value % longPending != 0))
            {
                pending.Enqueue(filed.Case!.Value);
            }
            while (pending.Count > (open ?? Math.Max(1, filings / 20)))
            {
                var number = pending.Dequeue();
                if (!MeetingAllowsClosing(number))
                {
                    pending.Enqueue(number);
                    continue;
                }
                foreach (var stage in court.CaseTypes[court.TypeIndex(live.Case(number)!.Type)].Stages.Select(s => s.Task))
                {
                    var reached = CourtCommands.Reach(live, number, stage, clerk, time);
                    // A refused step may still carry what the queue owed by then: the court's entries all the same.
                    Save(reached.Records);
                    if (reached.Refused is not null)
                    {
                        stuck++;
                        break;
                    }
                    foreach (var (pulled, _) in reached.Pulled)
                    {
                        pending.Enqueue(pulled);
                    }
                }
            }
        }
        return (written, filings, live.InProgress, live, earlier);
    }

    /// <summary>
    /// <c>--data DIR</c>: the ledger and its seed secret stored in a SQLite data directory through the server's own
    /// journal, with the court's saved state at its last entry unless <c>--no-saved-state</c> (or, with
    /// <c>--saved-behind N</c>, the state written N entries or fewer before the end), so <c>docket serve --data DIR</c>
    /// on the same scenario takes the court up (for timing a restart).
    /// </summary>
    private static async Task StoreAsync(Court court, string secret, string file, string directory, CourtState live, (StateBuffer State, long Seq)? earlier)
    {
        await using var store = new Docket.Server.Storage.SqliteStore(directory, "normal", Microsoft.Extensions.Logging.Abstractions.NullLogger<Docket.Server.Storage.SqliteStore>.Instance,
            Docket.Server.Storage.SqliteStore.Inline);
        var journal = new Docket.Server.Storage.SqliteCourtJournal(store);
        // The server's ledger key and witness in the same directory: a checkpoint after each append, the saved state sealed.
        using var key = Docket.Server.Storage.LedgerKeyFile.LoadOrCreate(Path.Combine(directory, "ledger-key.pem"));
        await using var witness = new Docket.Server.Storage.FileLedgerWitness(Path.Combine(directory, "witness"), key, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Docket.Server.Storage.FileLedgerWitness>.Instance);
        await journal.AddSecretAsync(new Docket.Grains.CourtSecret(court.Id, 1, secret));
        var batch = new List<LedgerRecord>();
        var seq = 0L;
        foreach (var line in File.ReadLines(file))
        {
            var parts = line.Split('\t', 3);
            batch.Add(new LedgerRecord(court.Id, ++seq, parts[0], parts[1].Length == 0 ? null : parts[1], parts[2], LedgerHash.Of(parts[2])));
            if (batch.Count == 5_000)
            {
                await journal.AppendAsync(court.Id, batch);
                await witness.CheckpointAsync(court.Id, batch[^1].Seq, batch[^1].Hash);
                batch = [];
            }
        }
        if (batch.Count > 0)
        {
            await journal.AppendAsync(court.Id, batch);
            await witness.CheckpointAsync(court.Id, batch[^1].Seq, batch[^1].Hash);
        }
        foreach (var rows in live.DrainFinished().Chunk(5_000))
        {
            await journal.PutFinishedAsync(court.Id, rows);
        }
        if (Array.IndexOf(Environment.GetCommandLineArgs(), "--no-saved-state") < 0)
        {
            var (saved, savedSeq) = earlier ?? (new StateBuffer(), live.Seq);
            if (earlier is null)
            {
                saved.Restart(witness.SealBytes);
                live.WriteSnapshot(saved);
            }
            await witness.SealAsync(court.Id, savedSeq, saved.Written.Slice(witness.SealBytes), saved.Start(witness.SealBytes), share: 1.0);
            await journal.SaveStateAsync(court.Id, savedSeq, saved.Written);
        }
    }

    private static CourtState Replay(Court court, string secret, string file)
    {
        var state = new CourtState(court, _ => secret);
        var seq = 0L;
        foreach (var line in File.ReadLines(file))
        {
            var parts = line.Split('\t', 3);
            var json = parts[2];
            var problem = state.Replay(new LedgerRecord(court.Id, ++seq, parts[0], parts[1].Length == 0 ? null : parts[1], json, LedgerHash.Of(json)));
            if (problem is not null)
            {
                throw new InvalidOperationException($"entry {seq} does not replay: {problem}");
            }
        }
        return state;
    }
}
