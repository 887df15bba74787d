using Docket.Domain.Courts;
using Docket.Domain.Ledger;

namespace Docket.Domain.Tests.Replay;

/// <summary>
/// What the court's own verifier (<see cref="ChainVerifier"/>: `docket ledger verify`, `docket audit randomness
/// --scenario`, the service's verification) makes of values the live court never writes, re-chained into a ledger or
/// stored beside it: it names the entry at fault instead of throwing.
/// </summary>
public sealed class LedgerInputVerificationTests
{
    private const int Seed = 5;

    [Theory]
    [InlineData("zz")]
    [InlineData("abc")]
    [InlineData("")]
    public void A_revealed_secret_that_is_not_hex_fails_verification_at_its_seed_entry(string revealed)
    {
        var court = ReplayCourts.Of("{ policy: random }");
        var lines = LiveLedger.Write(court, 20, Seed);
        var index = lines.FindLastIndex(l => LedgerEntry.Parse(l).Kind == LedgerKinds.Seed);
        var seed = LedgerEntry.Parse(lines[index]);

        var failure = Verify(court, LedgerReplayRunTests.Rechain(lines, index, seed with { RevealedSecret = revealed }), e => LiveLedger.Secret(Seed, e));

        Assert.NotNull(failure);
        Assert.Equal(seed.Seq, failure.FirstInvalidSeq);
        Assert.Equal("the revealed secret does not match epoch 1's commitment", failure.Problem);
    }

    [Theory]
    [InlineData("not hex at all")]
    [InlineData("abc")]
    public void A_stored_secret_that_is_not_hex_fails_verification_at_the_genesis_entry(string stored)
    {
        var court = ReplayCourts.Of("{ policy: random }");
        var lines = LiveLedger.Write(court, 20, Seed);

        var failure = Verify(court, lines, _ => stored);

        Assert.NotNull(failure);
        Assert.Equal(1, failure.FirstInvalidSeq);
        Assert.Equal("the stored secret of epoch 1 does not match its commitment", failure.Problem);
    }

    private static LedgerVerification? Verify(Court court, IEnumerable<string> lines, Func<int, string?> secretOf)
    {
        var verifier = new ChainVerifier(court, secretOf);
        return verifier.Feed(lines.Select(l => LedgerEntry.Parse(l) is var e ? new LedgerRecord(e.Court, e.Seq, e.Kind, e.Case, l, LedgerHash.Of(l)) : null!));
    }
}
