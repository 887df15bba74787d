namespace Docket.Domain.Randomness;

/// <summary>
/// A reproducible random stream (xoshiro256**) keyed by (seed, entity, purpose), so that results never depend on
/// thread timing or on how many silos run a simulation. Subclasses <see cref="System.Random"/> so that Math.NET's
/// samplers draw from it; <see cref="Reseed"/> re-keys it without allocating.
/// </summary>
public sealed class RandomStream : System.Random
{
    private ulong _s0, _s1, _s2, _s3;

    public RandomStream(ulong seed, ulong entity = 0, ulong purpose = 0) => Reseed(seed, entity, purpose);

    public void Reseed(ulong seed, ulong entity = 0, ulong purpose = 0)
    {
        var x = StreamKey.Mix(seed, entity, purpose);
        _s0 = StreamKey.SplitMix(ref x);
        _s1 = StreamKey.SplitMix(ref x);
        _s2 = StreamKey.SplitMix(ref x);
        _s3 = StreamKey.SplitMix(ref x);
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    protected override double Sample() => NextDouble();

    /// <summary>Uniform integer in [0, <paramref name="maxValue"/>) without modulo bias (Lemire).</summary>
    public override int Next(int maxValue)
    {
        if (maxValue <= 1)
        {
            return 0;
        }
        var m = Math.BigMul(NextUInt64(), (ulong)maxValue, out var low);
        if (low < (ulong)maxValue)
        {
            var threshold = (0UL - (ulong)maxValue) % (ulong)maxValue;
            while (low < threshold)
            {
                m = Math.BigMul(NextUInt64(), (ulong)maxValue, out low);
            }
        }
        return (int)m;
    }

    public override int Next(int minValue, int maxValue) => minValue + Next(maxValue - minValue);

    /// <summary>Uniform in [0, int.MaxValue), as <see cref="System.Random"/> promises.</summary>
    public override int Next()
    {
        int value;
        do
        {
            value = (int)(NextUInt64() >> 33);
        }
        while (value == int.MaxValue);
        return value;
    }

    /// <summary>Uniform in [0, long.MaxValue).</summary>
    public override long NextInt64()
    {
        long value;
        do
        {
            value = (long)(NextUInt64() >> 1);
        }
        while (value == long.MaxValue);
        return value;
    }

    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    public override void NextBytes(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)NextUInt64();
        }
    }

    /// <summary>Exponential variate with the given mean (inverse transform; the hot path of Poisson intake).</summary>
    public double NextExponential(double mean) => -mean * Math.Log(1.0 - NextDouble());
}
