using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Microsoft.Extensions.Logging;

namespace Docket.Grains;

/// <summary>
/// What a court's activation reads before it serves: its seed secrets; the refusal of a ledger begun by another
/// organisation (or under secrets that do not match it); its latest saved state, when it is sound; and the ledger after
/// that state replayed through the domain's <see cref="ChainVerifier"/>. Only reads — the one write it makes is the
/// finished cases of the replayed tail, rows the ledger derives (written again unchanged, or made for a ledger written
/// before there were any). The court's grain runs it at activation, or takes it run already while the service started
/// (<see cref="EarlyTakeUps"/>) and replays what was appended since (<see cref="CatchUpAsync"/>).
/// </summary>
public sealed partial class CourtTakeUp
{
    private const int ReplayPage = 10_000;

    private readonly Court _court;
    private readonly ICourtJournal _journal;
    private readonly ILedgerWitness _witness;
    private readonly int _finishedAtHand;
    private readonly ILogger _logger;

    public CourtTakeUp(Court court, ICourtJournal journal, ILedgerWitness witness, int finishedAtHand, ILogger logger)
    {
        _court = court;
        _journal = journal;
        _witness = witness;
        _finishedAtHand = Math.Max(0, finishedAtHand);
        _logger = logger;
        State = NewState();
    }

    /// <summary>The court's seed secrets by epoch; <see cref="State"/> reads them, and the court adds the epochs it rotates to.</summary>
    public Dictionary<int, string> Secrets { get; } = [];

    /// <summary>The state taken up: the saved state and the tail replayed after it, or the whole ledger replayed.</summary>
    public CourtState State { get; private set; }

    /// <summary>The position of the saved state the replay started from; 0 when the whole ledger was replayed.</summary>
    public long FromSaved { get; private set; }

    /// <summary>Why the court is closed — the first entry of the replay that failed — or null.</summary>
    public LedgerVerification? Closed { get; private set; }

    /// <summary>Entries replayed by the last <see cref="RunAsync"/> or <see cref="CatchUpAsync"/>.</summary>
    public long Replayed { get; private set; }

    /// <summary>
    /// Takes the court up from storage. A ledger begun by another organisation throws <see cref="InvalidOperationException"/>
    /// ("cannot be taken up"): replaying it would put cases on the wrong teams, a configuration error, not a broken ledger.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var id = _court.Id;
        foreach (var secret in await _journal.ReadSecretsAsync(id, cancellationToken))
        {
            Secrets[secret.Epoch] = secret.SecretHex;
        }
        // Checked whether or not a state was saved, before anything is taken up (by the fresh state the constructor made).
        if (await _journal.ReadAsync(id, 0, 1, cancellationToken) is [var first] && State.RefusesGenesis(first) is { } refused)
        {
            throw new InvalidOperationException($"court {id}: the ledger cannot be taken up: {refused}");
        }
        // The tail after the saved state's position is read and parsed on the thread pool while the state is taken up.
        var readAhead = new TailReader(_journal, id, await _journal.ReadStateSeqAsync(id, cancellationToken) ?? 0, ReplayPage, cancellationToken);
        try
        {
            State = await SavedStateAsync(cancellationToken) ?? NewState();
        }
        catch
        {
            await readAhead.DisposeAsync();
            throw;
        }
        FromSaved = State.Seq;
        if (await ReplayTailAsync(readAhead, cancellationToken) is { } failure && FromSaved > 0 && failure.FirstInvalidSeq == FromSaved + 1)
        {
            // The tail does not follow the saved state: set the state aside and take up the whole ledger.
            LogSavedStateRefused(id, FromSaved, failure.Problem ?? "");
            State = NewState();
            Closed = null;
            FromSaved = 0;
            await ReplayTailAsync(null, cancellationToken);
        }
        if (Closed is null)
        {
            LogReplayed(id, FromSaved, State.Seq - FromSaved);
        }
    }

    /// <summary>Replays, verified, the entries appended after <see cref="State"/> since it was taken up (none when nothing else writes the court's ledger).</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var from = State.Seq;
        if (Closed is null && await ReplayTailAsync(null, cancellationToken) is null && Replayed > 0)
        {
            LogReplayed(_court.Id, from, Replayed);
        }
    }

    private CourtState NewState() => new(_court, epoch => Secrets.GetValueOrDefault(epoch), _finishedAtHand);

    /// <summary>
    /// Replays the ledger after the state's position through the domain's <see cref="ChainVerifier"/>, which verifies
    /// each entry and compares the chain with the witness's checkpoints after that position (the last one's signature
    /// checked); stops at the first entry that fails and closes the court (returning the failure), so no state is
    /// ever built from an entry that does not verify. A checkpoint past the ledger's end (a cut tail) closes it too.
    /// The entries come from <paramref name="readAhead"/> when it reads after the state's position (which it is then
    /// done with); otherwise — none, or the saved state was set aside — they are read from that position now.
    /// </summary>
    private async Task<LedgerVerification?> ReplayTailAsync(TailReader? readAhead, CancellationToken cancellationToken)
    {
        var id = _court.Id;
        var from = State.Seq;
        Replayed = 0;
        if (readAhead is not null && readAhead.After != from)
        {
            await readAhead.DisposeAsync();
            readAhead = null;
        }
        await using var tail = readAhead ?? new TailReader(_journal, id, from, ReplayPage, cancellationToken);
        State.TracksFinished = true;
        var verifier = new ChainVerifier(_court, State);
        try
        {
            if (_witness.PublicKey is { } key
                && verifier.Witness(await _witness.ReadAfterAsync(id, from, cancellationToken), key, lastSignatureOnly: true) is { } unsigned)
            {
                return Closed = unsigned;
            }
        }
        catch (SpoiledWitnessException spoiled)
        {
            return Closed = verifier.SpoiledWitness(spoiled);
        }
        while (await tail.NextAsync(cancellationToken) is { } page)
        {
            var failed = verifier.Feed(page);
            var finished = State.DrainFinished();
            if (failed is not null)
            {
                return Closed = failed;
            }
            await _journal.PutFinishedAsync(id, finished, cancellationToken);
        }
        if (verifier.Finish() is { Valid: false } cut)
        {
            return Closed = cut;
        }
        Replayed = State.Seq - from;
        return null;
    }

    /// <summary>
    /// The court's latest saved state, when it is sound: of this court and organisation, and ending at an entry the
    /// ledger holds with the same hash (the entries after it are then replayed and verified as usual). Null — replay
    /// the whole ledger — when there is none or it does not hold.
    /// </summary>
    private async Task<CourtState?> SavedStateAsync(CancellationToken cancellationToken)
    {
        var id = _court.Id;
        if (await _journal.ReadStateAsync(id, cancellationToken) is not { } saved)
        {
            return null;
        }
        if (_witness.Unseal(id, saved.Seq, saved.State) is not { } unsealed)
        {
            LogSavedStateRefused(id, saved.Seq, "it is not signed with the ledger key");
            return null;
        }
        try
        {
            var state = CourtState.ReadSnapshot(_court, epoch => Secrets.GetValueOrDefault(epoch), new MemoryStream(unsealed), _finishedAtHand);
            var at = await _journal.ReadAsync(id, saved.Seq - 1, 1, cancellationToken);
            if (state.Seq != saved.Seq || at.Count != 1 || at[0].Seq != saved.Seq || at[0].Hash != state.Head || LedgerHash.Of(at[0].Json) != at[0].Hash)
            {
                LogSavedStateRefused(id, saved.Seq, "it does not end at the ledger's entry of that position");
                return null;
            }
            return state;
        }
        catch (InvalidDataException e)
        {
            LogSavedStateRefused(id, saved.Seq, e.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Court {Court}: state taken at ledger entry {From}, {Replayed} entries replayed after it")]
    private partial void LogReplayed(string court, long from, long replayed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Court {Court}: the state saved at entry {Seq} is not taken ({Reason}); replaying the whole ledger")]
    private partial void LogSavedStateRefused(string court, long seq, string reason);
}
