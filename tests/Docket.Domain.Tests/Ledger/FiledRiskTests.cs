using Docket.Domain.Ledger;
using Docket.Domain.Supervision;

namespace Docket.Domain.Tests.Ledger;

public sealed class FiledRiskTests
{
    private static LedgerEntry Filing(string? risk) => new()
    {
        Court = "c1",
        Seq = 7,
        Kind = LedgerKinds.Assign,
        At = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero),
        Prev = LedgerHash.Genesis,
        Risk = risk,
    };

    [Theory]
    [InlineData(null, RiskLevel.None)]
    [InlineData("none", RiskLevel.None)]
    [InlineData("ordinary", RiskLevel.Ordinary)]
    [InlineData("larger", RiskLevel.Larger)]
    [InlineData("major", RiskLevel.Major)]
    public void A_filing_reads_the_risk_level_it_names_and_none_when_it_names_none(string? risk, RiskLevel expected) =>
        Assert.Equal(expected, Filing(risk).FiledRisk);

    [Fact]
    public void A_filing_naming_an_unknown_risk_level_is_not_read_as_no_risk()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Filing("huge").FiledRisk);
        Assert.Equal("entry 7 names an unknown risk level 'huge'", error.Message);
    }

    [Fact]
    public void The_level_read_is_not_written_into_the_entry_the_chain_hashes()
    {
        var json = Filing("major").ToJson();
        Assert.DoesNotContain("filed_risk", json, StringComparison.Ordinal);
        Assert.Contains("\"risk\":\"major\"", json, StringComparison.Ordinal);
    }
}
