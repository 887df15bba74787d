using Docket.Domain.Ledger;
using Docket.Domain.Tests.Scenarios;

namespace Docket.Domain.Tests.Ledger;

/// <summary>
/// The key and time a filing entry names, read from its stored text without parsing it whole, are the ones the full
/// parser reads, for every filing of the sample ledgers and for keys the canonical form escapes.
/// </summary>
public sealed class FiledKeyTests
{
    [Fact]
    public void Every_sample_filing_s_key_and_time_are_those_its_parsed_entry_names()
    {
        var filings = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(ScenarioTestSupport.RepoRoot(), "scenarios"), "*.ledger.jsonl"))
        {
            foreach (var line in File.ReadLines(file))
            {
                var entry = LedgerEntry.Parse(line);
                var read = FiledKey.Of(new LedgerRecord(entry.Court, entry.Seq, entry.Kind, entry.Case, line, LedgerHash.Of(line)));
                if (entry.Kind is LedgerKinds.Assign or LedgerKinds.Queue && entry.IdempotencyKey is { } key)
                {
                    filings++;
                    Assert.Equal(new FiledKey(key, entry.At.ToUnixTimeMilliseconds()), read);
                }
                else
                {
                    Assert.Null(read);
                }
            }
        }
        Assert.True(filings > 100, $"only {filings} keyed filings in the sample ledgers");
    }

    [Theory]
    [InlineData("plain-key-1")]
    [InlineData("with \"quotes\" and \\backslash\\")]
    [InlineData("<html> & 'apostrophe' +plus")]
    public void A_key_the_canonical_form_escapes_is_read_as_filed(string key)
    {
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, 125, TimeSpan.Zero);
        var entry = new LedgerEntry
        {
            Court = "c",
            Seq = 2,
            Kind = LedgerKinds.Queue,
            At = at,
            Case = "c-1",
            Number = 1,
            Type = "t",
            IdempotencyKey = key,
            Prev = new string('0', 64),
        };
        var json = entry.ToJson();
        Assert.Equal(new FiledKey(key, at.ToUnixTimeMilliseconds()), FiledKey.Of(new LedgerRecord("c", 2, entry.Kind, "c-1", json, LedgerHash.Of(json))));
    }
}
