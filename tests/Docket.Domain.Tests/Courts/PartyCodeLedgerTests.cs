using System.Security.Cryptography;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Supervision;
using Docket.Domain.Tests.Replay;

namespace Docket.Domain.Tests.Courts;

/// <summary>
/// A party's code is in the ledger only as its keyed hash: on the filing entry and on each re-issue, which the replay
/// checks like any other entry (a registrar's, of a case not closed, a well-formed hash); the case's own record keeps
/// the latest, the court's records and saved state none; entries without it still replay.
/// </summary>
public sealed class PartyCodeLedgerTests
{
    private static readonly DateTimeOffset s_at = LiveLedger.Start.AddHours(2);

    [Fact]
    public void Codes_are_16_base32_characters_matched_only_under_their_key_ignoring_case_and_dashes()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var codes = Enumerable.Range(0, 200).Select(_ => PartyCodes.New()).ToList();
        Assert.All(codes, c => Assert.Matches("^[A-Z2-7]{16}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        // Every position takes every one of the 32 characters over enough codes (no bits left out).
        Assert.All(Enumerable.Range(0, 16), i => Assert.True(codes.Select(c => c[i]).Distinct().Count() > 20, $"position {i}"));
        var code = codes[0];
        var hmac = PartyCodes.Hmac(key, code);
        Assert.True(PartyCodes.IsHmac(hmac));
        Assert.True(PartyCodes.Matches(key, code, hmac));
        Assert.True(PartyCodes.Matches(key, $"{code[..8].ToLowerInvariant()}-{code[8..]}", hmac));
        Assert.False(PartyCodes.Matches(RandomNumberGenerator.GetBytes(32), code, hmac));
        Assert.False(PartyCodes.Matches(key, codes[1], hmac));
        Assert.False(PartyCodes.Matches(key, code[..15], hmac));
        Assert.False(PartyCodes.Matches(key, null, hmac));
        Assert.False(PartyCodes.Matches(key, code, null));
    }

    [Fact]
    public void A_re_issued_code_folds_to_the_new_hash_in_the_case_s_own_record_the_court_keeps_none_and_a_forged_or_malformed_re_issue_fails()
    {
        var court = TestCourts.Replay("{ policy: random }");
        var key = RandomNumberGenerator.GetBytes(32);
        var live = new CourtState(court, e => LiveLedger.Secret(1, e));
        var registrar = new Actor("registrar", UserRoles.Registrar, court.Id, null, null);
        var records = new List<LedgerRecord> { CourtCommands.Open(live, court.Scenario.Name, LedgerHash.Commitment(LiveLedger.Secret(1, 1)), LiveLedger.Start) };
        var first = PartyCodes.Hmac(key, PartyCodes.New())!;
        var type = court.CaseTypes[0].Id;
        records.AddRange(CourtCommands.File(live, new FilingRequest(type, false, RiskLevel.None, null, registrar, first), s_at).Records);
        // A filing as before codes: no hash, and the entry's text has no such field.
        records.AddRange(CourtCommands.File(live, new FilingRequest(type, false, RiskLevel.None, null, registrar), s_at.AddMinutes(1)).Records);
        Assert.DoesNotContain("party_code", records[^1].Json, StringComparison.Ordinal);
        var second = PartyCodes.Hmac(key, PartyCodes.New())!;
        var judge = new Actor("judge", UserRoles.Judge, court.Id, null, live.Case(1)!.Team);
        Assert.Equal(Outcome.Forbidden, CourtCommands.IssuePartyCode(live, 1, second, judge, s_at.AddHours(1)).Refused?.Outcome);
        Assert.Equal(Outcome.Invalid, CourtCommands.IssuePartyCode(live, 1, "not a hash", registrar, s_at.AddHours(1)).Refused?.Outcome);
        Assert.Equal(Outcome.NotFound, CourtCommands.IssuePartyCode(live, 99, second, registrar, s_at.AddHours(1)).Refused?.Outcome);
        var issued = CourtCommands.IssuePartyCode(live, 1, second, registrar, s_at.AddHours(1));
        Assert.Null(issued.Refused);
        records.AddRange(issued.Records);
        // The court's record leaves the hash out, appended, replayed or saved: only the case's own record keeps it.
        Assert.Null(live.Case(1)!.PartyCodeHmac);

        var replayed = new CourtState(court, e => LiveLedger.Secret(1, e));
        Assert.All(records, r => Assert.Null(replayed.Replay(r)));
        Assert.Null(replayed.Case(1)!.PartyCodeHmac);
        var saved = new MemoryStream();
        replayed.CaptureSnapshot().WriteTo(saved);
        Assert.DoesNotContain(second, System.Text.Encoding.UTF8.GetString(saved.ToArray()), StringComparison.Ordinal);
        saved.Position = 0;
        var restored = CourtState.ReadSnapshot(court, e => LiveLedger.Secret(1, e), saved);
        Assert.Null(restored.Case(1)!.PartyCodeHmac);
        Assert.Equal(live.LedgerDigest(), restored.LedgerDigest());
        var own = records.Where(r => r.CaseId == court.CaseId(1)).Select(r => LedgerEntry.Parse(r.Json)).ToList();
        Assert.Equal(second, CaseEntries.Fold(court, own).PartyCodeHmac);
        Assert.Equal(first, CaseEntries.Fold(court, own.Take(1)).PartyCodeHmac);
        Assert.Null(CaseEntries.Fold(court, records.Where(r => r.CaseId == court.CaseId(2)).Select(r => LedgerEntry.Parse(r.Json))).PartyCodeHmac);
        // Field for field the court's record is the case's own but for the hash.
        Assert.Equal(live.Case(1), CaseEntries.Fold(court, own) with { PartyCodeHmac = null });

        var entry = LedgerEntry.Parse(records[^1].Json);
        foreach (var forged in new[] { entry with { By = new LedgerActor("judge", UserRoles.Judge) }, entry with { PartyCodeHmac = "ABC" }, entry with { PartyCodeHmac = null } })
        {
            var state = new CourtState(court, e => LiveLedger.Secret(1, e));
            foreach (var r in records.Take(records.Count - 1))
            {
                Assert.Null(state.Replay(r));
            }
            var json = forged.ToJson();
            Assert.NotNull(state.Replay(new LedgerRecord(court.Id, forged.Seq, forged.Kind, forged.Case, json, LedgerHash.Of(json))));
        }
    }

    [Fact]
    public void A_saved_state_written_when_the_court_s_records_held_the_hash_is_taken_up_without_it_and_digests_as_the_ledger_makes_it()
    {
        var court = TestCourts.Replay("{ policy: random }");
        var live = new CourtState(court, e => LiveLedger.Secret(1, e));
        var registrar = new Actor("registrar", UserRoles.Registrar, court.Id, null, null);
        CourtCommands.Open(live, court.Scenario.Name, LedgerHash.Commitment(LiveLedger.Secret(1, 1)), LiveLedger.Start);
        var hash = PartyCodes.Hmac(RandomNumberGenerator.GetBytes(32), PartyCodes.New())!;
        CourtCommands.File(live, new FilingRequest(court.CaseTypes[0].Id, false, RiskLevel.None, null, registrar, hash), s_at);
        var saved = new MemoryStream();
        live.CaptureSnapshot().WriteTo(saved);
        var bytes = saved.ToArray();

        // The form an earlier version wrote: the case's record with the hash in its JSON (its length before it, 7-bit encoded in two bytes).
        var start = bytes.AsSpan().IndexOf("{\"Id\":"u8);
        var length = (bytes[start - 2] & 0x7f) | (bytes[start - 1] << 7);
        Assert.Equal((byte)'}', bytes[start + length - 1]);
        var withHash = System.Text.Encoding.UTF8.GetBytes($",\"PartyCodeHmac\":\"{hash}\"}}");
        var longer = length - 1 + withHash.Length;
        byte[] earlier = [.. bytes[..(start - 2)], (byte)(longer & 0x7f | 0x80), (byte)(longer >> 7), .. bytes[start..(start + length - 1)], .. withHash, .. bytes[(start + length)..]];
        Assert.Contains(hash, System.Text.Encoding.UTF8.GetString(earlier), StringComparison.Ordinal);

        var restored = CourtState.ReadSnapshot(court, e => LiveLedger.Secret(1, e), new MemoryStream(earlier));

        Assert.Null(restored.Case(1)!.PartyCodeHmac);
        Assert.Equal(live.LedgerDigest(), restored.LedgerDigest());
    }
}
