namespace Docket.Domain.Statistics;

/// <summary>
/// Sorts a run's per-case day figures (time to disposition, pending age) in place, ascending. They are finite and not
/// negative, so their IEEE bit patterns, read as unsigned integers, are in the same order as the values: a radix sort
/// on those bits (four passes of 16 bits) gives exactly the array <see cref="Array.Sort{T}(T[])"/> gives, in linear
/// time — a court-year has ~10⁶ of them. Anything else (a negative, −0, NaN or ∞) is left to
/// <see cref="Array.Sort{T}(T[])"/>.
/// </summary>
public static class DaySort
{
    private const int Small = 4096;
    private const int DigitBits = 16;
    private const int Buckets = 1 << DigitBits;

    public static void Sort(double[] days)
    {
        if (days.Length < Small || !AllNonNegativeFinite(days))
        {
            Array.Sort(days);
            return;
        }
        var keys = new ulong[days.Length];
        for (var i = 0; i < days.Length; i++)
        {
            keys[i] = BitConverter.DoubleToUInt64Bits(days[i]);
        }
        var spare = new ulong[days.Length];
        var counts = new int[Buckets];
        for (var shift = 0; shift < 64; shift += DigitBits)
        {
            Array.Clear(counts);
            foreach (var k in keys)
            {
                counts[(int)((k >> shift) & (Buckets - 1))]++;
            }
            if (counts[(int)((keys[0] >> shift) & (Buckets - 1))] == keys.Length)
            {
                continue; // every key has this digit: the pass would not move anything
            }
            var at = 0;
            for (var b = 0; b < Buckets; b++)
            {
                var n = counts[b];
                counts[b] = at;
                at += n;
            }
            foreach (var k in keys)
            {
                spare[counts[(int)((k >> shift) & (Buckets - 1))]++] = k;
            }
            (keys, spare) = (spare, keys);
        }
        for (var i = 0; i < days.Length; i++)
        {
            days[i] = BitConverter.UInt64BitsToDouble(keys[i]);
        }
    }

    private static bool AllNonNegativeFinite(double[] days)
    {
        foreach (var d in days)
        {
            // −0 has the sign bit set: it would sort after every positive value.
            if (!(d >= 0) || double.IsPositiveInfinity(d) || BitConverter.DoubleToUInt64Bits(d) >> 63 != 0)
            {
                return false;
            }
        }
        return true;
    }
}
