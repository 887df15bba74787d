using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Replay;

namespace Docket.Domain.Tests.Replay;

/// <summary>
/// `docket replay`'s domain: a ledger the live court's commands wrote, read as its exported lines, replayed on the
/// simulator's driven court of the same layout, decision by decision.
/// </summary>
public sealed class LedgerReplayRunTests
{
    [Theory]
    [InlineData("{ policy: random }", 1)]
    [InlineData("{ policy: random }", 2)]
    [InlineData("{ policy: weighted_random, weight_by: coefficient }", 2)]
    [InlineData("{ policy: round_robin }", 1)]
    [InlineData("{ policy: least_loaded }", 2)]
    [InlineData("{ policy: deck, cards_per_judge: 2 }", 1)]
    [InlineData("{ policy: deck, cards_per_judge: 2 }", 2)]
    [InlineData("{ policy: pull, cap: 2, escalate_after_days: 0.5 }", 1)]
    [InlineData("{ policy: pull, cap: 2, escalate_after_days: 0.5 }", 2)]
    public void A_ledger_of_the_live_courts_commands_replays_one_to_one(string assignment, int judges)
    {
        var court = ReplayCourts.Of(assignment, judges);
        var result = Replay(court, LiveLedger.Write(court, 200, 11));
        Assert.True(result.Reproduced, string.Join("\n", result.Mismatches));
        Assert.Equal(200, result.Cases);
        Assert.Equal(result.Cases, result.SameTeam);
        Assert.Equal(result.Cases, result.SameJudge);
        Assert.Equal(0, result.Unrevealed);
    }

    [Fact]
    public void A_forged_team_rehashed_down_the_chain_is_a_mismatch_at_its_case()
    {
        var court = ReplayCourts.Of("{ policy: random }");
        var lines = LiveLedger.Write(court, 60, 5);
        var index = lines.FindIndex(l => LedgerEntry.Parse(l) is { Kind: LedgerKinds.Assign, Eligible.Length: > 1, Policy: "random" });
        var entry = LedgerEntry.Parse(lines[index]);
        var forged = entry with { Team = entry.Eligible!.First(t => t != entry.Team) };
        var relinked = Rechain(lines, index, forged);

        var result = Replay(court, relinked);
        Assert.False(result.Reproduced);
        var first = result.Mismatches[0];
        Assert.Equal(entry.Case, first.Case);
        Assert.Equal(forged.Team, first.LedgerTeam);
        Assert.Equal(entry.Team, first.ReplayedTeam);
        Assert.Equal(result.Cases - 1, result.SameTeam);
    }

    [Fact]
    public void A_tampered_draw_is_a_mismatch()
    {
        var court = ReplayCourts.Of("{ policy: weighted_random, weight_by: coefficient }");
        var lines = LiveLedger.Write(court, 40, 6);
        var index = lines.FindIndex(l => LedgerEntry.Parse(l) is { Kind: LedgerKinds.Assign, Draw.Weights.Length: > 1 });
        var entry = LedgerEntry.Parse(lines[index]);
        var tampered = entry with { Draw = entry.Draw! with { Weights = [.. entry.Draw.Weights!.Select((w, i) => i == 0 ? w * 10 : w)] } };

        var result = Replay(court, Rechain(lines, index, tampered));
        var mismatch = Assert.Single(result.Mismatches);
        Assert.Equal(entry.Case, mismatch.Case);
        Assert.Contains("draw", mismatch.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Draws_of_an_epoch_not_revealed_are_checked_and_counted_unrevealed()
    {
        var court = ReplayCourts.Of("{ policy: random }");
        // Rotated after 30 filings: those draws are re-made; the last 20 are of epoch 2, never revealed.
        // The ledger as it was before absences could be withdrawn: the forgery below names the first team outside the
        // eligible set, which with the withdrawals would be a team at its cap, which the replay cannot take the case to.
        var lines = LiveLedger.Write(court, 50, 8, rotateAtEnd: false, rotateAfter: 30, withdrawals: false);
        var result = Replay(court, lines);
        Assert.True(result.Reproduced, string.Join("\n", result.Mismatches));
        var drawnLater = lines.Select(LedgerEntry.Parse).Count(e => e.Kind is LedgerKinds.Assign or LedgerKinds.Queue && e.Number > 30 && e.Policy != "designated");
        Assert.True(drawnLater > 0);
        Assert.Equal(drawnLater, result.Unrevealed);
        Assert.Equal(result.Cases - result.Unrevealed, result.SameTeam);

        // An unrevealed draw to a team the court says could not take the case is still caught.
        var index = lines.FindIndex(l => LedgerEntry.Parse(l) is { Kind: LedgerKinds.Assign, Number: > 30, Policy: "random" });
        var entry = LedgerEntry.Parse(lines[index]);
        var outsider = court.Layout.Teams.Select(t => t.Id).First(t => !entry.Eligible!.Contains(t));
        var forged = Replay(court, Rechain(lines, index, entry with { Team = outsider }));
        Assert.Equal(entry.Case, forged.Mismatches[0].Case);
    }

    [Fact]
    public void A_broken_link_or_a_gap_names_the_line_and_entry()
    {
        var court = ReplayCourts.Of("{ policy: random }");
        var lines = LiveLedger.Write(court, 20, 9);
        var changed = lines.ToList();
        changed[5] = changed[5].Replace("\"registrar\"", "\"registrat\"", StringComparison.Ordinal);
        var broken = Assert.Throws<LedgerInputException>(() => LedgerFile.Read(changed, "l.jsonl"));
        Assert.Contains("l.jsonl:7", broken.Message, StringComparison.Ordinal);
        Assert.Contains("entry 7", broken.Message, StringComparison.Ordinal);

        var gap = lines.Where((_, i) => i != 4).ToList();
        Assert.Contains("entry 6 follows entry 4", Assert.Throws<LedgerInputException>(() => LedgerFile.Read(gap, "l.jsonl")).Message, StringComparison.Ordinal);

        var garbage = lines.Take(3).Append("{not json").ToList();
        Assert.Contains("l.jsonl:4:2: not a ledger entry", Assert.Throws<LedgerInputException>(() => LedgerFile.Read(garbage, "l.jsonl")).Message, StringComparison.Ordinal);
        // A value of the wrong type is named by its path, without the parser's own coordinates or .NET's type names.
        var mistyped = lines.Take(3).Append("{\"seq\":\"four\"}").ToList();
        var refused = Assert.Throws<LedgerInputException>(() => LedgerFile.Read(mistyped, "l.jsonl")).Message;
        Assert.Contains("l.jsonl:4:", refused, StringComparison.Ordinal);
        Assert.Contains("at $.seq", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", refused, StringComparison.Ordinal);
    }

    [Fact]
    public void A_team_or_case_type_the_scenario_does_not_know_is_named()
    {
        var court = ReplayCourts.Of("{ policy: random }");
        var lines = LiveLedger.Write(court, 20, 10);
        var index = lines.FindIndex(l => LedgerEntry.Parse(l).Kind == LedgerKinds.Assign);
        var entry = LedgerEntry.Parse(lines[index]);
        var organization = new Organization(court.Scenario, "replay.yaml");

        var unknownTeam = LedgerFile.Read(Rechain(lines, index, entry with { Team = "civil-99" }), "l.jsonl");
        Assert.Contains("no team 'civil-99'", Assert.Throws<LedgerInputException>(() => LedgerReplay.CheckTeams(LedgerReplay.CourtOf(organization, unknownTeam, "l.jsonl"), unknownTeam, "l.jsonl")).Message, StringComparison.Ordinal);

        var unknownType = LedgerFile.Read(Rechain(lines, index, entry with { Type = "divorce" }), "l.jsonl");
        Assert.Contains("no case type 'divorce'", Assert.Throws<LedgerInputException>(() => LedgerReplay.CourtOf(organization, unknownType, "l.jsonl")).Message, StringComparison.Ordinal);
    }

    internal static ReplayResult Replay(Court court, List<string> lines)
    {
        var read = LedgerFile.Read(lines, "ledger.jsonl");
        var found = LedgerReplay.CourtOf(new Organization(court.Scenario, "replay.yaml"), read, "ledger.jsonl");
        Assert.True(LedgerReplay.SameLayout(found, read));
        LedgerReplay.CheckTeams(found, read, "ledger.jsonl");
        return LedgerReplay.Run(found, read, LedgerFile.RevealedSecrets(read, "ledger.jsonl"), "ledger.jsonl");
    }

    /// <summary>The lines with entry <paramref name="index"/> replaced and every later <c>prev</c> re-linked: a forgery that keeps the chain whole.</summary>
    internal static List<string> Rechain(List<string> lines, int index, LedgerEntry replacement)
    {
        var result = lines.Take(index).ToList();
        var prev = index == 0 ? LedgerHash.Genesis : LedgerHash.Of(lines[index - 1]);
        result.Add((replacement with { Prev = prev }).ToJson());
        for (var i = index + 1; i < lines.Count; i++)
        {
            prev = LedgerHash.Of(result[^1]);
            result.Add((LedgerEntry.Parse(lines[i]) with { Prev = prev }).ToJson());
        }
        return result;
    }
}
