using Docket.Domain.Courts;

namespace Docket.Domain.Tests.Courts;

/// <summary>The court's digests, frozen for a saved state, stay as they were whatever changes after (copy on write).</summary>
public sealed class CaseDigestsTests
{
    [Fact]
    public void A_frozen_view_keeps_the_digests_as_they_were_while_the_live_ones_change_and_grow()
    {
        var random = new Random(5);
        var digests = new CaseDigests();
        var model = new List<CaseDigest>();
        var frozen = new List<(CaseDigests.FrozenDigests View, CaseDigest[] Expected)>();
        for (var step = 0; step < 30_000; step++)
        {
            if (model.Count == 0 || random.Next(3) > 0)
            {
                var d = Digest(step);
                digests.Add(d);
                model.Add(d);
            }
            else
            {
                var i = random.Next(model.Count);
                var d = model[i] with { ClosedTicks = step, Finished = true };
                digests[i] = d;
                model[i] = d;
            }
            if (step % 4_999 == 0)
            {
                frozen.Add((digests.Freeze(), [.. model]));
            }
        }
        Assert.Equal(model, digests);
        Assert.Equal(model.Count, digests.Count);
        foreach (var (view, expected) in frozen)
        {
            Assert.Equal(expected.Length, view.Count);
            Assert.Equal(expected, view);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => digests[model.Count]);
    }

    private static CaseDigest Digest(int n) => new(n, 0, 0, n, (short)(n % 7), (short)(n % 3), 0, false);
}
