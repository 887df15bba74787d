using Docket.Domain.Randomness;

namespace Docket.Domain.Assignment;

/// <summary>
/// The random numbers a pool's draw uses: for case number N of a court (1, 2, 3… in filing order), the stream keyed
/// by (seed, the pool's stream key, N). Every draw is re-made from those three values alone, whatever came before it,
/// so the simulator and the live service draw a case alike, and a verifier can re-make any single draw of a ledger.
/// A policy's own state (a deck, a rotation) still advances from case to case; only the random numbers are per case.
/// One instance re-keys one stream and allocates nothing per draw.
/// </summary>
public sealed class AssignmentDraw
{
    /// <summary>The pool name of the court's own assignment, shared by every team group without its own.</summary>
    public const string CourtPoolName = "court";

    private readonly RandomStream _stream = new(0);

    /// <summary>
    /// The entity key of a pool's stream: <c>StreamKey.Of("{courtStreamName}/{poolName}")</c>. The live service
    /// passes its court id; the simulator passes <c>CourtSimulation.StreamName</c> (a fixed name in the single-court
    /// form, so two scenarios of one court share their draws).
    /// </summary>
    public static ulong PoolStreamKey(string courtStreamName, string poolName) => StreamKey.Of($"{courtStreamName}/{poolName}");

    /// <summary>Whether a policy chooses with the case's draw (random, pull, weighted random, deck) rather than by rule alone.</summary>
    public static bool UsesDraw(AssignmentPolicyKind policy) =>
        policy is AssignmentPolicyKind.Random or AssignmentPolicyKind.Pull or AssignmentPolicyKind.WeightedRandom or AssignmentPolicyKind.Deck;

    /// <summary>
    /// The stream for the draw of case <paramref name="caseNumber"/> in the pool keyed <paramref name="poolStreamKey"/>,
    /// freshly keyed. The same instance is returned each call: use it before asking for the next case's.
    /// </summary>
    public RandomStream For(ulong seed, ulong poolStreamKey, long caseNumber)
    {
        _stream.Reseed(seed, poolStreamKey, (ulong)caseNumber);
        return _stream;
    }
}
