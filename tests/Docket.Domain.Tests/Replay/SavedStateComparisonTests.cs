using System.Text;
using CsCheck;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;

namespace Docket.Domain.Tests.Replay;

/// <summary>
/// A court's saved state compared with the state its ledger makes at the same position (<see cref="SavedStateDigest"/>,
/// <see cref="ChainVerifier.CompareSavedAsync"/>): a correct court's state is that state however it was made —
/// replayed from genesis, saved, restored and replayed on again and again, appended live and brought forward by
/// watches and refusals that record nothing — and a saved state differing in one case is not, and fails the
/// verification at its position, as does one brought to a moment after the ledger's next entry.
/// </summary>
public sealed class SavedStateComparisonTests
{
    [Fact]
    public void A_state_saved_restored_and_replayed_on_again_has_the_digest_of_the_state_replayed_from_genesis()
    {
        Gen.Select(Gen.Int[0, CourtAgreementPropertyTests.s_assignments.Length - 1], Gen.Int[1, 2], Gen.Int[1, 10_000], Gen.Double[0, 1], Gen.Double[0, 1])
            .Sample((assignment, judges, seed, first, second) =>
            {
                var court = CourtAgreementPropertyTests.CourtOf(assignment, judges);
                // Filings, closures, designations, absences and their withdrawal, watches, draws, a seed rotation.
                var records = Records(court, LiveLedger.Write(court, 60, seed, rotateAfter: 30));
                string? SecretOf(int epoch) => LiveLedger.Secret(seed, epoch);
                var cuts = new[] { 1 + (long)(first * (records.Count - 1)), 1 + (long)(second * (records.Count - 1)) };

                var whole = new CourtState(court, SecretOf);
                var restarted = new CourtState(court, SecretOf);
                foreach (var record in records)
                {
                    Assert.Null(whole.Replay(record));
                    Assert.Null(restarted.Replay(record));
                    if (cuts.Contains(record.Seq))
                    {
                        // Saved and taken up again, as a court restarting from its latest saved state.
                        restarted = CourtState.ReadSnapshot(court, SecretOf, new MemoryStream(Snapshot(restarted)));
                    }
                    if (cuts.Contains(record.Seq - 1) || record.Seq == records.Count)
                    {
                        Assert.Equal(whole.LedgerDigest(), restarted.LedgerDigest());
                    }
                }
                // Replayed states count the same draws, so here the bytes themselves agree.
                Assert.Equal(Snapshot(whole), Snapshot(restarted));
            }, iter: 40);
    }

    [Fact]
    public async Task A_live_court_brought_forward_by_what_it_does_not_record_is_the_state_its_ledger_makes_at_every_position()
    {
        var broughtForward = 0;
        for (var assignment = 0; assignment < CourtAgreementPropertyTests.s_assignments.Length; assignment++)
        {
            for (var judges = 1; judges <= 2; judges++)
            {
                var court = CourtAgreementPropertyTests.CourtOf(assignment, judges);
                var random = new Random((assignment * 2) + judges);
                var saves = new List<SavedStateDigest>();
                // After each command, as a court saving then would: a watch with nothing to do or a refused command
                // brings the live court past its last entry, and a state appended re-makes no draws.
                var (_, lines) = CourtAgreementPropertyTests.Run(court, [.. Enumerable.Range(0, 90).Select(_ => random.Next(100))],
                    (live, _) =>
                    {
                        saves.Add(new SavedStateDigest(live.Seq, live.Head, live.BroughtTo, live.LedgerDigest()));
                        broughtForward += live.BroughtTo > live.LastAt ? 1 : 0;
                    });

                var verifier = new ChainVerifier(court, e => LiveLedger.Secret(1, e));
                foreach (var record in Records(court, lines))
                {
                    Assert.Null(verifier.Feed([record]));
                    foreach (var saved in saves.Where(s => s.Seq == record.Seq))
                    {
                        Assert.Null(await verifier.CompareSavedAsync(saved));
                        Assert.Equal(record.Seq, verifier.SavedStateMatched);
                    }
                }
                var result = verifier.Finish();
                Assert.True(result.Valid, result.Problem);
            }
        }
        Assert.True(broughtForward > 0, "no live court was brought past its last entry");
    }

    [Fact]
    public async Task A_saved_state_differing_from_its_ledger_in_one_case_fails_the_verification_at_its_position()
    {
        var court = CourtAgreementPropertyTests.CourtOf(0, 1);
        var records = Records(court, LiveLedger.Write(court, 40, 7));
        static string? SecretOf(int epoch) => LiveLedger.Secret(7, epoch);
        var at = records.Count / 2;
        var saving = new CourtState(court, SecretOf);
        foreach (var record in records.Take(at))
        {
            Assert.Null(saving.Replay(record));
        }
        var saved = Snapshot(saving);
        var spoiled = FlagOneCase(saved);

        var sound = new ChainVerifier(court, SecretOf);
        Assert.Null(sound.Feed(records.Take(at)));
        Assert.Null(await sound.CompareSavedAsync(await SavedStateDigest.ReadAsync(court, SecretOf, saved)));
        Assert.Equal(at, sound.SavedStateMatched);
        Assert.Null(sound.Feed(records.Skip(at)));
        Assert.True(sound.Finish().Valid);

        var verifier = new ChainVerifier(court, SecretOf);
        Assert.Null(verifier.Feed(records.Take(at)));
        var failure = await verifier.CompareSavedAsync(await SavedStateDigest.ReadAsync(court, SecretOf, spoiled));
        Assert.NotNull(failure);
        Assert.False(failure.Valid);
        Assert.Equal(at, failure.FirstInvalidSeq);
        Assert.Equal($"the court's saved state at entry {at} differs from the state its ledger makes there", failure.Problem);
        Assert.Null(verifier.SavedStateMatched);
        Assert.Same(failure, verifier.Feed(records.Skip(at)));
        Assert.Same(failure, verifier.Finish());
    }

    [Fact]
    public async Task A_saved_state_ending_at_another_head_is_not_compared()
    {
        var court = CourtAgreementPropertyTests.CourtOf(0, 1);
        var records = Records(court, LiveLedger.Write(court, 30, 7));
        var other = Records(court, LiveLedger.Write(court, 30, 8));
        var at = Math.Min(records.Count, other.Count) / 2;
        var state = new CourtState(court, e => LiveLedger.Secret(8, e));
        foreach (var record in other.Take(at))
        {
            Assert.Null(state.Replay(record));
        }

        var verifier = new ChainVerifier(court, e => LiveLedger.Secret(7, e));
        Assert.Null(verifier.Feed(records.Take(at)));
        Assert.Null(await verifier.CompareSavedAsync(await SavedStateDigest.OfAsync(state)));
        Assert.Null(verifier.SavedStateMatched);
        Assert.Null(verifier.Feed(records.Skip(at)));
        Assert.True(verifier.Finish().Valid);
    }

    [Fact]
    public async Task A_saved_state_brought_past_the_time_of_the_ledgers_next_entry_fails_at_its_position()
    {
        var court = CourtAgreementPropertyTests.CourtOf(0, 1);
        var records = Records(court, LiveLedger.Write(court, 30, 7));
        static string? SecretOf(int epoch) => LiveLedger.Secret(7, epoch);
        var at = records.Count / 2;
        var state = new CourtState(court, SecretOf);
        foreach (var record in records.Take(at))
        {
            Assert.Null(state.Replay(record));
        }
        // The ledger's own state, but brought to a day after its next entry: no court saving it could have written that entry.
        state.AsOf(LedgerEntry.Parse(records[at].Json).At.AddDays(1));
        var saved = await SavedStateDigest.OfAsync(state);

        var verifier = new ChainVerifier(court, SecretOf);
        Assert.Null(verifier.Feed(records.Take(at)));
        Assert.Null(await verifier.CompareSavedAsync(saved));
        var failure = verifier.Feed(records.Skip(at));
        Assert.NotNull(failure);
        Assert.Equal(at, failure.FirstInvalidSeq);
        Assert.StartsWith($"the court's saved state at entry {at} was brought to ", failure.Problem, StringComparison.Ordinal);
    }

    /// <summary>The saved state with one case in progress flagged: still readable, the same position and head.</summary>
    private static byte[] FlagOneCase(byte[] snapshot)
    {
        var from = "\"Flagged\":false"u8.ToArray();
        var to = "\"Flagged\":true "u8.ToArray();
        var at = snapshot.AsSpan().LastIndexOf(from);
        Assert.True(at >= 0, "no unflagged case in progress");
        var spoiled = snapshot.ToArray();
        to.CopyTo(spoiled, at);
        Assert.NotEqual(Encoding.UTF8.GetString(snapshot), Encoding.UTF8.GetString(spoiled));
        return spoiled;
    }

    private static byte[] Snapshot(CourtState state)
    {
        using var stream = new MemoryStream();
        state.WriteSnapshot(stream);
        return stream.ToArray();
    }

    private static List<LedgerRecord> Records(Court court, List<string> lines) =>
    [
        .. lines.Select((json, i) =>
        {
            var e = LedgerEntry.Parse(json);
            return new LedgerRecord(court.Id, i + 1, e.Kind, e.Case, json, LedgerHash.Of(json));
        }),
    ];
}
