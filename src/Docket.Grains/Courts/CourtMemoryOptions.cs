using Docket.Domain.Courts;

namespace Docket.Grains;

/// <summary>
/// The <c>Docket:Courts</c> configuration section: what a live court keeps in memory besides its cases in progress.
/// </summary>
public sealed class CourtMemoryOptions
{
    public const string Section = "Docket:Courts";

    /// <summary>
    /// How many finished cases' records stay at hand (at least one); older ones are read back from the ledger when
    /// asked for (<see cref="CourtState"/>).
    /// </summary>
    public int FinishedCasesAtHand { get; set; } = CourtState.DefaultFinishedAtHand;

    /// <summary>
    /// The fewest ledger entries between two saves of the court's state (0: never; <see cref="CourtSaves.Due"/>): at
    /// activation the court takes its latest saved state and replays only the entries after it.
    /// </summary>
    public int SaveStateEvery { get; set; } = 50_000;

    /// <summary>
    /// Seconds without a new entry after which a court that has appended entries since its last save saves its state
    /// anyway (0: never; <see cref="CourtSaves.DueWhenIdle"/>): a court restarted after a quiet spell replays nothing,
    /// however far below <see cref="SaveStateEvery"/> and its cases in progress its entries since the last save were.
    /// </summary>
    public int SaveWhenIdleSeconds { get; set; } = 60;

    /// <summary>
    /// The share of one core a save of the court's state may take while it writes (0.01–1): it pauses between slices
    /// of cases, so it runs beside the filings rather than in their way.
    /// </summary>
    public double SaveShare { get; set; } = 0.25;

    /// <summary>
    /// Days an Idempotency-Key is honoured after its filing (at least 1): a retry within them is answered with the case
    /// first filed; after them the key is forgotten and a filing under it is a new case. The court holds no
    /// key in memory: keys are in the journal (<see cref="ICourtJournal.FindKeyAsync"/>), deleted past the window.
    /// </summary>
    public int IdempotencyKeyDays { get; set; } = 30;

    /// <summary>
    /// Seconds between two sweeps of a court's stored keys past <see cref="IdempotencyKeyDays"/> (at least 1; the first a
    /// minute after activation, or sooner when this is shorter). A look-up ignores such keys anyway: the sweep only
    /// keeps the table to the window.
    /// </summary>
    public int IdempotencyKeySweepSeconds { get; set; } = 3600;

    /// <summary>
    /// Whether a service of one silo with SQLite storage starts taking its courts up — the saved state read, the ledger
    /// after it replayed and verified — while it starts, before its silo and listener are up (<see cref="EarlyTakeUps"/>);
    /// otherwise each court takes itself up when it activates.
    /// </summary>
    public bool TakeUpWhileStarting { get; set; } = true;
}
