using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Replay;

namespace Docket.Domain.Tests.Replay;

/// <summary>
/// What the court's own verifier (<see cref="ChainVerifier"/>: `docket ledger verify`, `docket audit randomness
/// --scenario`, the service's verification) makes of values the live court never writes, re-chained into a ledger or
/// stored beside it: it names the entry at fault instead of throwing, and refuses what `docket replay` refuses.
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

    [Fact]
    public void A_filing_of_a_risk_level_the_court_does_not_know_fails_verification_naming_it_on_every_layout()
    {
        var court = ReplayCourts.Of("{ policy: random }");
        var lines = LiveLedger.Write(court, 20, Seed);
        var index = lines.FindIndex(l => LedgerEntry.Parse(l).Kind == LedgerKinds.Assign);
        var filing = LedgerEntry.Parse(lines[index]);
        var forged = LedgerReplayRunTests.Rechain(lines, index, filing with { Risk = "huge" });

        var replayed = AssertRefusedOnEveryLayout(court, forged, index, filing, "unknown risk level 'huge'");
        Assert.Contains("unknown risk level 'huge'", replayed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flagged_filing_without_its_meeting_trigger_fails_verification_on_every_layout()
    {
        var court = ReplayCourts.Of("{ policy: random }");
        var lines = LiveLedger.Write(court, 60, Seed);
        var index = lines.FindIndex(l => LedgerEntry.Parse(l) is { Kind: LedgerKinds.Assign, Flagged: true });
        var filing = LedgerEntry.Parse(lines[index]);
        Assert.Equal(Domain.Supervision.MeetingTriggers.FourType, filing.Trigger);
        var forged = LedgerReplayRunTests.Rechain(lines, index, filing with { Trigger = null });

        AssertRefusedOnEveryLayout(court, forged, index, filing, "carries the meeting trigger four_type when flagged");
        LedgerWhatIf.Verify(LedgerFile.Read(lines, "ledger.jsonl"), "ledger.jsonl");
    }

    /// <summary>
    /// The court's verifier fails the forged ledger at <paramref name="filing"/> (line <paramref name="index"/> + 1)
    /// naming <paramref name="problem"/>; the replay on the same layout, and the what-if's checks on another, refuse it
    /// by the same rule. Returns the replay's refusal.
    /// </summary>
    private static LedgerInputException AssertRefusedOnEveryLayout(Court court, List<string> forged, int index, LedgerEntry filing, string problem)
    {
        var failure = Verify(court, forged, e => LiveLedger.Secret(Seed, e));
        Assert.NotNull(failure);
        Assert.Equal(filing.Seq, failure.FirstInvalidSeq);
        Assert.Contains(problem, failure.Problem, StringComparison.Ordinal);
        var replayed = Assert.Throws<LedgerInputException>(() => LedgerReplayRunTests.Replay(court, forged));
        Assert.Contains($"ledger.jsonl:{index + 1}:1: the ledger fails verification at entry {filing.Seq} (assign): ", replayed.Message, StringComparison.Ordinal);
        var whatIf = Assert.Throws<LedgerInputException>(() => LedgerWhatIf.Verify(LedgerFile.Read(forged, "ledger.jsonl"), "ledger.jsonl"));
        Assert.Contains(problem, whatIf.Message, StringComparison.Ordinal);
        return replayed;
    }

    [Theory]
    [InlineData("none")]
    [InlineData("ordinary")]
    [InlineData("larger")]
    [InlineData("major")]
    public void A_filing_of_a_known_risk_level_is_not_refused_for_its_spelling(string risk)
    {
        var filing = new LedgerEntry { Court = "c", Seq = 2, Kind = LedgerKinds.Assign, At = LiveLedger.Start, Case = "c-1", Number = 1, Type = "civil", Risk = risk, Prev = "" };
        Assert.Null(EntryRules.RefuseFiling(filing, 0));
        Assert.Null(EntryRules.RefuseFiling(filing with { Risk = null }, 0));
    }

    public static TheoryData<string, string, string> Forgeries => new()
    {
        { "a field the court does not write", "{\"note\":\"moved by hand\",", "at $.note: 'note' is not a field of a ledger entry" },
        { "a field given twice", "{\"kind\":\"assign\",", "at $.kind: 'kind' is given twice" },
        { "a time without its offset", "", "at $.at: not a time with its offset" },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public void An_entry_the_court_would_not_write_is_not_an_entry_to_the_file_reader_the_replay_or_the_verifier(string what, string insert, string named)
    {
        var court = ReplayCourts.Of("{ policy: random }");
        var lines = LiveLedger.Write(court, 20, Seed);
        var index = lines.FindIndex(l => LedgerEntry.Parse(l).Kind == LedgerKinds.Assign);
        var filing = LedgerEntry.Parse(lines[index]);
        var text = insert.Length > 0
            ? insert + lines[index][1..]
            : lines[index].Replace($"\"at\":\"{filing.At:yyyy-MM-ddTHH:mm:ss}+00:00\"", $"\"at\":\"{filing.At:yyyy-MM-ddTHH:mm:ss}\"", StringComparison.Ordinal);
        Assert.NotEqual(lines[index], text);
        var forged = RechainText(lines, index, text);

        var read = Assert.Throws<LedgerInputException>(() => LedgerFile.Read(forged, "ledger.jsonl"));
        Assert.StartsWith($"ledger.jsonl:{index + 1}:", read.Message, StringComparison.Ordinal);
        Assert.True(read.Message.Contains(named, StringComparison.Ordinal), $"{what}: {read.Message}");
        var replayed = Assert.Throws<LedgerInputException>(() => LedgerReplayRunTests.Replay(court, forged));
        Assert.StartsWith($"ledger.jsonl:{index + 1}:", replayed.Message, StringComparison.Ordinal);

        var verifier = new ChainVerifier(court, e => LiveLedger.Secret(Seed, e));
        var failure = verifier.Feed(forged.Select((l, i) => new LedgerRecord(court.Id, i + 1, i == index ? filing.Kind : LedgerEntry.Parse(l).Kind, i == index ? filing.Case : LedgerEntry.Parse(l).Case, l, LedgerHash.Of(l))));
        Assert.NotNull(failure);
        Assert.Equal(filing.Seq, failure.FirstInvalidSeq);
        Assert.Contains("not valid JSON", failure.Problem, StringComparison.Ordinal);
        Assert.Contains(named, failure.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_with_its_offset_reads_as_that_moment_and_writes_back_as_it_was()
    {
        var court = ReplayCourts.Of("{ policy: random }");
        foreach (var line in LiveLedger.Write(court, 20, Seed))
        {
            Assert.Equal(line, LedgerEntry.Parse(line).ToJson());
        }
        var east = LedgerEntry.Parse("{\"court\":\"c\",\"seq\":2,\"kind\":\"assign\",\"at\":\"2026-03-02T09:00:00+08:00\",\"prev\":\"\"}");
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero), east.At.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(8), east.At.Offset);
        Assert.Equal(DateTimeOffset.Parse("2026-03-02T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture), LedgerEntry.Parse("{\"court\":\"c\",\"seq\":2,\"kind\":\"assign\",\"at\":\"2026-03-02T01:00:00Z\",\"prev\":\"\"}").At);
    }

    [Theory]
    [InlineData("\"absent_from\":\"2026-03-02T09:00:00\"", "at $.absent_from: not a time with its offset")]
    [InlineData("\"due\":\"2026-03-02\"", "at $.due: not a time with its offset")]
    [InlineData("\"by\":{\"name\":\"p\",\"role\":\"president\",\"rank\":1}", "at $.by.rank: 'rank' is not a field of an entry's by")]
    [InlineData("\"by\":{\"name\":\"p\",\"role\":\"president\",\"a.b\":1}", "at $.by['a.b']: 'a.b' is not a field of an entry's by")]
    [InlineData("\"x.y\":1", "at $['x.y']: 'x.y' is not a field of a ledger entry")]
    [InlineData("\"due\":\"2026-03-02T01:00:00z\"", "at $.due: '2026-03-02T01:00:00z' is not an ISO 8601 time")]
    [InlineData("\"due\":\"2026-13-02T01:00:00Z\"", "at $.due: '2026-13-02T01:00:00Z' is not an ISO 8601 time")]
    public void Every_time_of_an_entry_needs_its_offset_and_every_object_only_its_own_fields(string field, string explained)
    {
        var text = $"{{\"court\":\"c\",\"seq\":2,\"kind\":\"absence\",\"at\":\"2026-03-02T01:00:00Z\",{field},\"prev\":\"\"}}";
        var refused = Assert.Throws<System.Text.Json.JsonException>(() => LedgerEntry.Parse(text));
        Assert.StartsWith(explained, LedgerEntry.Explain(refused), StringComparison.Ordinal);
    }

    /// <summary>The lines with line <paramref name="index"/> replaced by <paramref name="text"/> as it stands, and every later line's link made again.</summary>
    private static List<string> RechainText(List<string> lines, int index, string text)
    {
        var result = lines.Take(index).Append(text).ToList();
        for (var i = index + 1; i < lines.Count; i++)
        {
            result.Add((LedgerEntry.Parse(lines[i]) with { Prev = LedgerHash.Of(result[^1]) }).ToJson());
        }
        return result;
    }

    private static LedgerVerification? Verify(Court court, IEnumerable<string> lines, Func<int, string?> secretOf)
    {
        var verifier = new ChainVerifier(court, secretOf);
        return verifier.Feed(lines.Select(l => LedgerEntry.Parse(l) is var e ? new LedgerRecord(e.Court, e.Seq, e.Kind, e.Case, l, LedgerHash.Of(l)) : null!));
    }
}
