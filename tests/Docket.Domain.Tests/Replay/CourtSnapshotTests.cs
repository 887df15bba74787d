using System.Text.Json;
using CsCheck;
using Docket.Domain.Assignment;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;

namespace Docket.Domain.Tests.Replay;

/// <summary>
/// A court's state saved at any position of its ledger and read back decides the rest of the ledger exactly as the
/// state that never stopped: every later entry re-made (draws, pulls, judges, warnings), and the same head, digests,
/// records, queue, KPIs and team and judge dockets (tallies of closed cases included) at the end. Under every policy, with one or two judges a team, absences, designations,
/// watches and a seed rotation (<see cref="LiveLedger"/>).
/// </summary>
public sealed class CourtSnapshotTests
{
    [Fact]
    public void A_state_saved_anywhere_and_read_back_replays_the_rest_of_the_ledger_as_the_one_that_never_stopped()
    {
        Gen.Select(Gen.Int[0, CourtAgreementPropertyTests.s_assignments.Length - 1], Gen.Int[1, 2], Gen.Int[1, 10_000], Gen.Double[0, 1])
            .Sample((assignment, judges, seed, cutAt) =>
            {
                var court = CourtAgreementPropertyTests.CourtOf(assignment, judges);
                var lines = LiveLedger.Write(court, 60, seed, rotateAfter: 30);
                var records = lines.Select((json, i) => Record(court, i + 1, json)).ToList();
                var cut = 1 + (int)(cutAt * (records.Count - 1));
                string? SecretOf(int epoch) => LiveLedger.Secret(seed, epoch);

                var whole = new CourtState(court, SecretOf) { TracksFinished = true };
                var before = new CourtState(court, SecretOf) { TracksFinished = true };
                foreach (var record in records.Take(cut))
                {
                    Assert.Null(whole.Replay(record));
                    Assert.Null(before.Replay(record));
                }
                // What the court wrote to storage before its save: the restored court's finished cases so far.
                var restoredFinished = new FinishedCaseTable();
                restoredFinished.Put(before.DrainFinished());
                using var saved = new MemoryStream();
                before.WriteSnapshot(saved);
                saved.Position = 0;
                var restored = CourtState.ReadSnapshot(court, SecretOf, saved);
                restored.TracksFinished = true;
                Assert.Equal(before.Seq, restored.Seq);
                Assert.Equal(before.Head, restored.Head);
                foreach (var record in records.Skip(cut))
                {
                    Assert.Null(whole.Replay(record));
                    var problem = restored.Replay(record);
                    Assert.True(problem is null, $"entry {record.Seq} after a save at {cut}: {problem}");
                }
                Assert.Equal(whole.Head, restored.Head);
                var wholeFinished = new FinishedCaseTable();
                wholeFinished.Put(whole.DrainFinished());
                restoredFinished.Put(restored.DrainFinished());
                Assert.Equal(wholeFinished.All, restoredFinished.All);
                Assert.Equal(whole.LastNumber, restored.LastNumber);
                Assert.Equal(whole.FirstFiledAt, restored.FirstFiledAt);
                Assert.Equal(whole.HeldCases.Select(c => JsonSerializer.Serialize(c)), restored.HeldCases.Select(c => JsonSerializer.Serialize(c)));
                Assert.Equal(whole.HeldCases.Select(c => whole.DigestOf(c.Number)), restored.HeldCases.Select(c => restored.DigestOf(c.Number)));
                Assert.All(whole.HeldCases, c => Assert.NotNull(whole.DigestOf(c.Number)));
                Assert.Equal(whole.Queue().Select(q => (q.Pool, q.Case.Number)), restored.Queue().Select(q => (q.Pool, q.Case.Number)));
                var at = whole.LastAt.AddDays(1);
                Assert.Equal(JsonSerializer.Serialize(CourtIndicators.Compute(whole, wholeFinished, null, at)), JsonSerializer.Serialize(CourtIndicators.Compute(restored, restoredFinished, null, at)));
                for (var t = 0; t < court.Layout.Teams.Count; t++)
                {
                    Assert.Equal(JsonSerializer.Serialize(whole.Docket(t, null)), JsonSerializer.Serialize(restored.Docket(t, null)));
                    for (var k = 0; k < court.Layout.JudgesPerTeam[t]; k++)
                    {
                        // A judge's docket with its tally of closed cases, kept by the court and saved with its state.
                        var judge = JudgeInCharge.Name(court.Layout.Teams[t].Id, k);
                        Assert.Equal(JsonSerializer.Serialize(whole.Docket(t, judge)), JsonSerializer.Serialize(restored.Docket(t, judge)));
                    }
                }
            }, iter: 60);
    }

    [Fact]
    public void A_saved_state_is_refused_by_another_court_or_when_cut_short()
    {
        var court = CourtAgreementPropertyTests.CourtOf(0, 1);
        var other = CourtAgreementPropertyTests.CourtOf(3, 1);
        var (state, bytes) = SavedAfterTwentyFilings(court);
        Assert.Throws<InvalidDataException>(() => CourtState.ReadSnapshot(other, _ => null, new MemoryStream(bytes)));
        Assert.Throws<InvalidDataException>(() => CourtState.ReadSnapshot(court, _ => null, new MemoryStream(bytes[..(bytes.Length / 2)])));
        Assert.Throws<InvalidDataException>(() => CourtState.ReadSnapshot(court, _ => null, new MemoryStream([1, 2, 3])));
    }

    [Fact]
    public void A_state_of_version_10_is_read_as_before_and_one_of_rules_this_build_does_not_know_is_refused()
    {
        var court = CourtAgreementPropertyTests.CourtOf(0, 1);
        var (state, bytes) = SavedAfterTwentyFilings(court);
        // Where the version and the rules version lie: after the header's strings, counts and times, as written.
        using var reader = new BinaryReader(new MemoryStream(bytes));
        reader.ReadString();
        var versionAt = (int)reader.BaseStream.Position;
        Assert.Equal(11, reader.ReadInt32());
        reader.ReadString();
        reader.ReadString();
        reader.ReadInt64();
        reader.ReadString();
        reader.ReadInt32();
        CourtTimes.Read(reader);
        reader.ReadBoolean();
        CourtTimes.Read(reader);
        reader.ReadString();
        var rulesAt = (int)reader.BaseStream.Position;
        Assert.Equal(CourtRules.Version, reader.ReadInt32());

        var version10 = (byte[])bytes.Clone();
        BitConverter.GetBytes(10).CopyTo(version10, versionAt);
        Assert.Equal(state.Head, CourtState.ReadSnapshot(court, e => LiveLedger.Secret(4, e), new MemoryStream(version10)).Head);
        var version9 = (byte[])bytes.Clone();
        BitConverter.GetBytes(9).CopyTo(version9, versionAt);
        Assert.Throws<InvalidDataException>(() => CourtState.ReadSnapshot(court, e => LiveLedger.Secret(4, e), new MemoryStream(version9)));
        var laterRules = (byte[])bytes.Clone();
        BitConverter.GetBytes(CourtRules.Version + 1).CopyTo(laterRules, rulesAt);
        Assert.Contains($"rules version {CourtRules.Version + 1} is not one this build knows",
            Assert.Throws<InvalidDataException>(() => CourtState.ReadSnapshot(court, e => LiveLedger.Secret(4, e), new MemoryStream(laterRules))).Message, StringComparison.Ordinal);
    }

    /// <summary>The court after a ledger of 20 filings, and its saved state's bytes.</summary>
    private static (CourtState State, byte[] Bytes) SavedAfterTwentyFilings(Court court)
    {
        var state = new CourtState(court, e => LiveLedger.Secret(4, e));
        foreach (var (json, i) in LiveLedger.Write(court, 20, 4, rotateAtEnd: false).Select((j, i) => (j, i)))
        {
            Assert.Null(state.Replay(Record(court, i + 1, json)));
        }
        using var saved = new MemoryStream();
        state.WriteSnapshot(saved);
        return (state, saved.ToArray());
    }

    private static LedgerRecord Record(Court court, long seq, string json)
    {
        var e = LedgerEntry.Parse(json);
        return new LedgerRecord(court.Id, seq, e.Kind, e.Case, json, LedgerHash.Of(json));
    }
}
