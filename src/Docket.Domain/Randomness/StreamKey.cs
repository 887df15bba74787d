using System.Text;

namespace Docket.Domain.Randomness;

/// <summary>Keys for random streams: stable hashes of entity names and purposes, and the mixing of a key.</summary>
public static class StreamKey
{
    public const ulong Intake = 1;
    public const ulong Assignment = 2;
    public const ulong Effort = 3;
    public const ulong Mediation = 4;
    public const ulong Backlog = 5;
    public const ulong Replication = 6;
    public const ulong Flags = 7;
    public const ulong Appeal = 8;

    /// <summary>FNV-1a of the UTF-8 name: the same on every machine and every run (unlike string.GetHashCode).</summary>
    public static ulong Of(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return hash;
    }

    public static ulong Mix(ulong a, ulong b, ulong c)
    {
        var x = a;
        x = Finalize(x ^ (b + 0x9E3779B97F4A7C15UL));
        x = Finalize(x ^ (c + 0xBF58476D1CE4E5B9UL));
        return x;
    }

    public static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Finalize(state);
    }

    private static ulong Finalize(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Seeds derived for replications are below 2^53, so that a JSON reader keeps them exact (a double holds every such integer).</summary>
    public const ulong JsonExactSeeds = 1UL << 53;

    /// <summary>
    /// The seed of replication <paramref name="replication"/> (0-based); replication 0 uses the seed itself, the others
    /// a seed derived from it, below <see cref="JsonExactSeeds"/>. A replication run again with its seed as replication 0
    /// is the same run.
    /// </summary>
    public static ulong ReplicationSeed(ulong seed, int replication) =>
        replication == 0 ? seed : Mix(seed, Replication, (ulong)replication) % JsonExactSeeds;
}
