using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Supervision;

namespace Docket.Grains.Tests;

/// <summary>
/// What a court holds of its keyed filings besides storage: a filing while it is written, and after that only while a
/// storage look-up that began before it was written is on its way (that look-up may have read storage too early).
/// </summary>
public sealed class KeyedFilingsTests
{
    private static readonly FilingRequest s_request = new("simple_civil", false, RiskLevel.None, "k", new Actor("registrar", "registrar", "live", null, null));
    private static readonly Task<CommandResult> s_answer = new TaskCompletionSource<CommandResult>().Task;

    [Fact]
    public void A_filing_written_while_a_look_up_was_on_its_way_is_found_until_that_look_up_ends()
    {
        var keyed = new KeyedFilings();
        var lookup = keyed.BeginLookup();
        keyed.Writing("k", s_request, s_answer);
        Assert.True(keyed.TryGet("k", out _));
        keyed.Written("k");
        Assert.True(keyed.TryGet("k", out var found));
        Assert.Same(s_answer, found.Task);
        keyed.EndLookup(lookup);
        Assert.False(keyed.TryGet("k", out _));
        Assert.Equal(0, keyed.Count);
    }

    [Fact]
    public void A_filing_written_with_no_look_up_on_its_way_is_left_to_storage_at_once()
    {
        var keyed = new KeyedFilings();
        keyed.Writing("k", s_request, s_answer);
        keyed.Written("k");
        Assert.False(keyed.TryGet("k", out _));
        Assert.Equal(0, keyed.Count);
    }

    [Fact]
    public void A_look_up_begun_after_a_filing_was_written_does_not_keep_it()
    {
        var keyed = new KeyedFilings();
        var early = keyed.BeginLookup();
        keyed.Writing("k", s_request, s_answer);
        keyed.Written("k");
        var late = keyed.BeginLookup();
        keyed.EndLookup(early);
        // The late look-up began after the filing was durable, so storage answers it: the filing is not held for it.
        Assert.False(keyed.TryGet("k", out _));
        keyed.EndLookup(late);
        Assert.Equal(0, keyed.Count);
    }
}
