using Docket.Domain.Courts;
using Docket.Domain.Ledger;

namespace Docket.Domain.Tests.Courts;

/// <summary>
/// Which first entries a court refuses to take up (its activation stops, whether or not a state was saved): a ledger
/// begun by another organisation, or under a secret that does not match the stored one; a broken first entry is the
/// verification's to find, so it is not refused here.
/// </summary>
public sealed class GenesisRefusalTests
{
    private static readonly DateTimeOffset s_start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private readonly Court _court = TestCourts.Replay("{ policy: random }");
    private readonly string _secret = LedgerHash.NewSecret();

    private LedgerRecord Genesis() =>
        CourtCommands.Open(new CourtState(_court, _ => _secret), "replay", LedgerHash.Commitment(_secret), s_start);

    [Fact]
    public void The_court_s_own_first_entry_is_taken_up()
    {
        Assert.Null(new CourtState(_court, _ => _secret).RefusesGenesis(Genesis()));
    }

    [Fact]
    public void A_ledger_begun_by_another_organisation_is_refused()
    {
        var other = TestCourts.Replay("{ policy: pull, escalate_after_days: 30 }");
        Assert.Equal(_court.Id, other.Id);
        Assert.NotEqual(_court.OrganizationHash, other.OrganizationHash);

        Assert.Equal("the court's organisation (teams, pools, policies) differs from the one this ledger began with",
            new CourtState(other, _ => _secret).RefusesGenesis(Genesis()));
    }

    [Fact]
    public void A_ledger_begun_under_another_secret_is_refused()
    {
        var stored = LedgerHash.NewSecret();
        Assert.Equal("the stored secret of epoch 1 does not match its commitment", new CourtState(_court, _ => stored).RefusesGenesis(Genesis()));
    }

    [Fact]
    public void A_first_entry_whose_text_was_changed_is_left_to_the_verification()
    {
        var genesis = Genesis();
        var other = TestCourts.Replay("{ policy: pull, escalate_after_days: 30 }");
        var changed = genesis with { Json = genesis.Json.Replace(_court.OrganizationHash, other.OrganizationHash, StringComparison.Ordinal) };
        Assert.NotEqual(genesis.Json, changed.Json);

        Assert.Null(new CourtState(other, _ => _secret).RefusesGenesis(changed));
        Assert.NotNull(new ChainVerifier(other, _ => _secret).Feed([changed]));
    }
}
