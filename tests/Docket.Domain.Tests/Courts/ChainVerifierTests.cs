using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Supervision;

namespace Docket.Domain.Tests.Courts;

/// <summary>
/// The domain's chain verifier on a ledger written by a court, with a checkpoint signed after every few entries: the
/// untouched chain passes through every checkpoint, fed whole or page by page, resumed or not; a chain rewritten and
/// re-hashed from any entry fails at the first entry after the last checkpoint that still matches; a cut tail fails
/// at its first missing entry; checkpoints from another key fail. A saved state sealed with the key opens only with it.
/// </summary>
public sealed class ChainVerifierTests
{
    private const int Every = 3;
    private static readonly DateTimeOffset s_start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private readonly Court _court = TestCourts.Replay("{ policy: random }");
    private readonly string _secret = LedgerHash.NewSecret();

    [Fact]
    public void An_untouched_chain_passes_through_every_checkpoint_whole_or_page_by_page()
    {
        var (records, checkpoints, key) = Write(40);
        var whole = Verifier();
        Assert.Null(whole.Witness(checkpoints, key));
        Assert.Null(whole.Feed(records));
        var result = whole.Finish();
        Assert.True(result.Valid, result.Problem);
        Assert.Equal(checkpoints.Count, result.CheckpointsMatched);

        // Resumed: pages of 7, the witness fed as it grows (only what is past the position verified).
        var paged = Verifier();
        for (var i = 0; i < records.Count; i += 7)
        {
            var page = records.Skip(i).Take(7).ToList();
            Assert.Null(paged.Witness(checkpoints.Where(c => c.Checkpoint.Seq <= page[^1].Seq), key));
            Assert.Null(paged.Feed(page));
        }
        Assert.True(paged.Finish().Valid);
        Assert.Equal(checkpoints.Count, paged.CheckpointsMatched);
    }

    [Fact]
    public void A_chain_rewritten_and_re_hashed_from_any_entry_fails_after_the_last_matching_checkpoint()
    {
        var (records, checkpoints, key) = Write(30);
        for (var k = 2; k <= records.Count; k++)
        {
            var forged = Rehash(records, k, e => e with { At = e.At.AddTicks(0), Reason = "rewritten" });
            var verifier = Verifier();
            Assert.Null(verifier.Witness(checkpoints, key));
            var result = verifier.Feed(forged) ?? verifier.Finish();
            Assert.False(result.Valid, $"rewrite at {k} verified");
            var lastGood = checkpoints.Select(c => c.Checkpoint.Seq).Where(s => s < k).DefaultIfEmpty(0).Max();
            Assert.Equal(lastGood + 1, result.FirstInvalidSeq);
        }
    }

    [Fact]
    public void A_cut_tail_fails_at_its_first_missing_entry_and_another_key_s_checkpoint_fails()
    {
        var (records, checkpoints, key) = Write(20);
        var cut = Verifier();
        Assert.Null(cut.Witness(checkpoints, key));
        Assert.Null(cut.Feed(records.Take(14)));
        var result = cut.Finish();
        Assert.False(result.Valid);
        Assert.Equal(15, result.FirstInvalidSeq);
        Assert.Contains("cut", result.Problem, StringComparison.Ordinal);

        using var other = LedgerKey.Create();
        var forged = checkpoints.Select(c => c.Checkpoint.Seq == 9 ? LedgerKey.Sign(other, c.Key, c.Checkpoint) : c).ToList();
        var wrong = Verifier().Witness(forged, key);
        Assert.NotNull(wrong);
        Assert.Equal(9, wrong.FirstInvalidSeq);
    }

    [Fact]
    public void Checking_only_the_last_signature_still_fails_a_rewritten_chain_and_a_foreign_last_checkpoint()
    {
        var (records, checkpoints, key) = Write(30);
        using var other = LedgerKey.Create();

        // An earlier checkpoint signed by another key is passed over: the chain is linked through the last one.
        var middleForeign = checkpoints.Select(c => c.Checkpoint.Seq == 9 ? LedgerKey.Sign(other, c.Key, c.Checkpoint) : c).ToList();
        var sound = Verifier();
        Assert.Null(sound.Witness(middleForeign, key, lastSignatureOnly: true));
        Assert.Null(sound.Feed(records));
        Assert.True(sound.Finish().Valid);

        var rewritten = Verifier();
        Assert.Null(rewritten.Witness(middleForeign, key, lastSignatureOnly: true));
        var result = rewritten.Feed(Rehash(records, 20, e => e with { Reason = "rewritten" })) ?? rewritten.Finish();
        Assert.False(result.Valid);
        Assert.Equal(19, result.FirstInvalidSeq);

        var last = checkpoints.Max(c => c.Checkpoint.Seq);
        var lastForeign = checkpoints.Select(c => c.Checkpoint.Seq == last ? LedgerKey.Sign(other, c.Key, c.Checkpoint) : c).ToList();
        Assert.Equal(last, Verifier().Witness(lastForeign, key, lastSignatureOnly: true)?.FirstInvalidSeq);
    }

    [Fact]
    public void A_sealed_state_opens_only_with_its_key_court_and_position()
    {
        using var key = LedgerKey.Create();
        using var other = LedgerKey.Create();
        var state = new byte[] { 1, 2, 3, 4, 5 };
        var sealedState = LedgerKey.Seal(key, "live", 10, state);
        Assert.Equal(state, LedgerKey.Unseal(key, "live", 10, sealedState));
        Assert.Null(LedgerKey.Unseal(other, "live", 10, sealedState));
        Assert.Null(LedgerKey.Unseal(key, "live", 11, sealedState));
        Assert.Null(LedgerKey.Unseal(key, "other", 10, sealedState));
        Assert.Null(LedgerKey.Unseal(key, "live", 10, state));
        sealedState[^1] ^= 1;
        Assert.Null(LedgerKey.Unseal(key, "live", 10, sealedState));
    }

    [Fact]
    public async Task A_state_sealed_in_place_a_slice_at_a_time_opens_as_one_sealed_whole()
    {
        using var key = LedgerKey.Create();
        var state = new byte[(3 << 20) + 11];
        new Random(7).NextBytes(state);
        var buffer = new StateBuffer();
        buffer.Restart(LedgerKey.SealBytes);
        buffer.Write(state);

        await LedgerKey.SealInPlaceAsync(key, "live", 10, buffer.Written.Slice(LedgerKey.SealBytes), buffer.Start(LedgerKey.SealBytes), share: 1.0);

        var sealedState = System.Buffers.BuffersExtensions.ToArray(buffer.Written);
        Assert.Equal(state, LedgerKey.Unseal(key, "live", 10, sealedState));
        Assert.Null(LedgerKey.Unseal(key, "live", 11, sealedState));
        Assert.Equal(LedgerKey.Seal(key, "live", 10, state).AsSpan(0, 8).ToArray(), sealedState.AsSpan(0, 8).ToArray());
    }

    private ChainVerifier Verifier() => new(_court, _ => _secret);

    /// <summary>A court's ledger of filings and designations, with a signed checkpoint after every few entries.</summary>
    private (List<LedgerRecord> Records, List<SignedCheckpoint> Checkpoints, System.Security.Cryptography.ECDsa Key) Write(int filings)
    {
        var key = LedgerKey.Create();
        var id = LedgerKey.IdOf(key);
        var live = new CourtState(_court, _ => _secret);
        var records = new List<LedgerRecord> { CourtCommands.Open(live, "replay", LedgerHash.Commitment(_secret), s_start) };
        var registrar = new Actor("registrar", UserRoles.Registrar, _court.Id, null, null);
        var president = new Actor("president", UserRoles.President, _court.Id, null, null);
        var at = s_start;
        for (var n = 1; n <= filings; n++)
        {
            at = at.AddMinutes(5);
            records.AddRange(CourtCommands.File(live, new FilingRequest("civil", false, RiskLevel.None, null, registrar), at).Records);
            if (n % 4 == 0 && live.Case(n) is { Status: CourtCaseStatus.Pending } c
                && _court.Layout.Teams.FirstOrDefault(t => t.Id != c.Team && t.Id.StartsWith("civil", StringComparison.Ordinal)) is { } other)
            {
                records.AddRange(CourtCommands.Designate(live, n, other.Id, "conflict", president, at).Records);
            }
        }
        var checkpoints = records.Where(r => r.Seq % Every == 0 || r.Seq == records.Count)
            .Select(r => LedgerKey.Sign(key, id, new LedgerCheckpoint(_court.Id, r.Seq, r.Hash, at))).ToList();
        return (records, checkpoints, key);
    }

    /// <summary>The records with entry <paramref name="k"/> changed and it and every later entry re-linked and re-hashed.</summary>
    private static List<LedgerRecord> Rehash(List<LedgerRecord> records, long k, Func<LedgerEntry, LedgerEntry> change)
    {
        var result = new List<LedgerRecord>();
        string? prev = null;
        foreach (var r in records)
        {
            if (r.Seq < k)
            {
                result.Add(r);
                continue;
            }
            var e = LedgerEntry.Parse(r.Json);
            e = r.Seq == k ? change(e) : e;
            e = prev is null ? e : e with { Prev = prev };
            var json = e.ToJson();
            prev = LedgerHash.Of(json);
            result.Add(r with { Json = json, Hash = prev });
        }
        return result;
    }
}
