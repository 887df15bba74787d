using System.Buffers;
using System.Security.Cryptography;
using Docket.Domain.Ledger;

namespace Docket.Grains;

/// <summary>
/// Where a court's signed checkpoints are kept outside its database. After each append that acknowledges anything the
/// court hands its new head here, and answers only once the signed checkpoint is durable; so every acknowledged entry
/// is covered by a checkpoint an attacker with the database alone cannot forge or take back.
/// </summary>
public interface ILedgerWitness
{
    /// <summary>Whether checkpoints are kept (not with in-memory storage, unless configured).</summary>
    bool Enabled { get; }

    /// <summary>The public half of the ledger key (null when no witness is kept).</summary>
    ECDsa? PublicKey { get; }

    /// <summary>Signs and durably appends a checkpoint of the court's ledger at <paramref name="seq"/> with head <paramref name="head"/>.</summary>
    Task CheckpointAsync(string court, long seq, string head, CancellationToken cancellationToken = default);

    /// <summary>
    /// The court's checkpoints with positions above <paramref name="afterSeq"/>, in the order written;
    /// <see cref="SpoiledWitnessException"/> when a line among them is not a checkpoint (the verifier fails on it).
    /// </summary>
    Task<IReadOnlyList<SignedCheckpoint>> ReadAfterAsync(string court, long afterSeq, CancellationToken cancellationToken = default);

    /// <summary>Bytes a saved state carries before the state itself once sealed (<see cref="LedgerKey.SealBytes"/>; 0 without a witness, which keeps states as they are).</summary>
    int SealBytes { get; }

    /// <summary>
    /// Seals the court's saved state at <paramref name="seq"/> with the ledger key, where it lies: the seal is written
    /// into <paramref name="seal"/> (<see cref="SealBytes"/> long, just before the state); the state is hashed at about
    /// <paramref name="share"/> of a core.
    /// </summary>
    Task SealAsync(string court, long seq, ReadOnlySequence<byte> state, Memory<byte> seal, double share, CancellationToken cancellationToken = default);

    /// <summary>The state <see cref="SealAsync"/> signed for this court and position; null when the signature does not hold.</summary>
    byte[]? Unseal(string court, long seq, byte[] sealedState);
}

/// <summary>No witness: checkpoints are not kept (in-memory storage, whose ledgers do not outlive the process).</summary>
public sealed class NoLedgerWitness : ILedgerWitness
{
    public bool Enabled => false;

    public ECDsa? PublicKey => null;

    public Task CheckpointAsync(string court, long seq, string head, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlyList<SignedCheckpoint>> ReadAfterAsync(string court, long afterSeq, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SignedCheckpoint>>([]);

    public int SealBytes => 0;

    public Task SealAsync(string court, long seq, ReadOnlySequence<byte> state, Memory<byte> seal, double share, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public byte[]? Unseal(string court, long seq, byte[] sealedState) => sealedState;
}
