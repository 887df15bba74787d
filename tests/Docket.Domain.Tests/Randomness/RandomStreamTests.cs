using Docket.Domain.Randomness;
using Docket.Domain.Tests.Assignment;

namespace Docket.Domain.Tests.Randomness;

public sealed class RandomStreamTests
{
    private static ulong[] Draw(RandomStream random, int count) => [.. Enumerable.Range(0, count).Select(_ => random.NextUInt64())];

    [Fact]
    public void The_same_key_gives_the_same_sequence()
    {
        var key = StreamKey.Of("court-1");

        Assert.Equal(Draw(new RandomStream(42, key, StreamKey.Intake), 1_000), Draw(new RandomStream(42, key, StreamKey.Intake), 1_000));
    }

    [Fact]
    public void Reseeding_restarts_the_sequence_of_the_new_key()
    {
        var random = new RandomStream(1, 2, 3);
        Draw(random, 17);
        random.Reseed(42, 7, StreamKey.Effort);

        Assert.Equal(Draw(new RandomStream(42, 7, StreamKey.Effort), 100), Draw(random, 100));
    }

    [Theory]
    [InlineData(43ul, 7ul, 3ul)]   // another seed
    [InlineData(42ul, 8ul, 3ul)]   // another entity
    [InlineData(42ul, 7ul, 4ul)]   // another purpose
    public void A_different_seed_entity_or_purpose_gives_a_different_sequence(ulong seed, ulong entity, ulong purpose)
    {
        var reference = Draw(new RandomStream(42, 7, 3), 100);
        var other = Draw(new RandomStream(seed, entity, purpose), 100);

        Assert.Empty(reference.Intersect(other));
    }

    [Fact]
    public void Neighbouring_entities_give_unrelated_streams()
    {
        // Entities 0..999 of one court: their first draws are all distinct and their top bits uniform.
        var firsts = Enumerable.Range(0, 1_000).Select(e => new RandomStream(7, (ulong)e, StreamKey.Effort).NextUInt64()).ToList();

        Assert.Equal(1_000, firsts.Distinct().Count());
        Boards.AssertFits(Boards.Tally(firsts.Select(x => (int)(x >> 60)), 16), [.. Enumerable.Repeat(1.0, 16)]);
    }

    [Fact]
    public void Stream_keys_of_names_are_stable_and_distinct()
    {
        // FNV-1a, the same on every machine and run: the empty name is the offset basis.
        Assert.Equal(14695981039346656037UL, StreamKey.Of(""));
        Assert.Equal(StreamKey.Of("court-1"), StreamKey.Of("court-1"));
        Assert.NotEqual(StreamKey.Of("court-1"), StreamKey.Of("court-2"));
        Assert.NotEqual(StreamKey.Mix(1, 2, 3), StreamKey.Mix(1, 3, 2));
    }

    [Fact]
    public void Replication_zero_uses_the_seed_and_the_others_differ()
    {
        Assert.Equal(42UL, StreamKey.ReplicationSeed(42, 0));
        var seeds = Enumerable.Range(0, 50).Select(r => StreamKey.ReplicationSeed(42, r)).ToList();
        Assert.Equal(50, seeds.Distinct().Count());
    }

    [Fact]
    public void Derived_replication_seeds_are_below_2_to_the_53_so_json_keeps_them_exact()
    {
        foreach (var seed in new ulong[] { 0, 1, 42, (1UL << 53) - 1, 1UL << 53, ulong.MaxValue })
        {
            for (var r = 1; r < 200; r++)
            {
                var derived = StreamKey.ReplicationSeed(seed, r);
                Assert.True(derived < StreamKey.JsonExactSeeds);
                Assert.Equal(derived, (ulong)(double)derived);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(10)]
    [InlineData(1_000_003)]
    [InlineData(int.MaxValue)]
    public void Next_of_n_stays_in_zero_to_n(int n)
    {
        var random = new RandomStream(93, (ulong)n);
        Assert.All(Enumerable.Range(0, 20_000).Select(_ => random.Next(n)), x => Assert.InRange(x, 0, n - 1));
    }

    [Fact]
    public void Next_of_zero_and_of_a_range_stay_in_range()
    {
        var random = new RandomStream(94);

        Assert.Equal(0, random.Next(0));
        Assert.All(Enumerable.Range(0, 10_000).Select(_ => random.Next(-5, 6)), x => Assert.InRange(x, -5, 5));
        Assert.All(Enumerable.Range(0, 10_000).Select(_ => random.NextDouble()), x => Assert.True(x is >= 0 and < 1));
        Assert.All(Enumerable.Range(0, 10_000).Select(_ => random.Next()), x => Assert.True(x >= 0));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(13)]
    [InlineData(100)]
    public void Next_of_n_is_uniform(int n)
    {
        var random = new RandomStream(95, (ulong)n);

        var counts = Boards.Tally(Enumerable.Range(0, 2_000 * n).Select(_ => random.Next(n)), n);

        Boards.AssertFits(counts, [.. Enumerable.Repeat(1.0, n)]);
    }

    [Fact]
    public void Next_of_a_bound_near_the_top_of_the_range_has_no_modulo_bias()
    {
        // With n = 3·2^29 a plain modulo of 31 random bits would give the lowest third of [0, n) twice the rest's share.
        const int n = 3 << 29;
        var random = new RandomStream(96);

        var counts = Boards.Tally(Enumerable.Range(0, 60_000).Select(_ => (int)(random.Next(n) / (n / 3L))), 3);

        Boards.AssertFits(counts, [1, 1, 1]);
    }

    [Fact]
    public void Next_double_and_exponential_have_the_right_means()
    {
        var random = new RandomStream(97);
        var uniforms = Enumerable.Range(0, 100_000).Select(_ => random.NextDouble()).ToList();
        var exponentials = Enumerable.Range(0, 100_000).Select(_ => random.NextExponential(12.0)).ToList();

        // Standard errors: 1/√12/√n ≈ 0.0009 and 12/√n ≈ 0.038; five of them each.
        Assert.InRange(uniforms.Average(), 0.5 - 0.0046, 0.5 + 0.0046);
        Assert.InRange(exponentials.Average(), 12 - 0.19, 12 + 0.19);
        Assert.All(exponentials, x => Assert.True(x >= 0 && double.IsFinite(x)));
    }
}
