using Docket.Domain.Audit;
using Docket.Domain.Replay;
using Docket.Domain.Tests.Replay;
using MathNet.Numerics.Distributions;
using Xunit.Abstractions;

namespace Docket.Domain.Tests.Audit;

/// <summary>
/// The randomness audit on real ledgers: a team favoured by 20% over 20,000 draws is found (the only team listed
/// above its share); honest ledgers pass at the stated false-alarm rate over 200 seeds; the expected counts follow the
/// recorded weights; pooling, degrees of freedom and Holm's correction are as documented; entries the audit cannot
/// read are named by field.
/// </summary>
public sealed class RandomnessAuditTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(AuditPeriod.Quarter)]
    [InlineData(AuditPeriod.Year)]
    public void A_team_favoured_by_20_percent_in_20000_draws_is_found_and_only_it_is_listed(AuditPeriod period)
    {
        var court = AuditLedgers.Court(6);
        var lines = AuditLedgers.Write(court, 20_000, seed: 11, favoured: "t-3", factor: 1.2);

        var result = Audit(lines, period, 0.01);

        Assert.True(result.Departs);
        Assert.All(result.Periods, p =>
        {
            Assert.True(p.Departs, $"{p.Period}: p {p.P}, Holm {p.AdjustedP}");
            // The favoured team is listed, above its share; any other listed is below its own (every other team's
            // share really is lower: 1 ÷ 6.2 of the draws, not 1 ÷ 6).
            var favoured = Assert.Single(p.Departing, c => c.Teams.SequenceEqual(["t-3"]));
            Assert.True(favoured.Residual > 0);
            Assert.All(p.Departing.Where(c => c != favoured), c => Assert.True(c.Residual < 0));
        });
        Assert.Equal(20_000, result.Drawn["uniform"]);
    }

    [Fact]
    public void A_skewed_ledger_verifies_by_its_hashes_but_not_when_its_draws_are_re_made_with_the_secret()
    {
        var court = AuditLedgers.Court(6);
        var lines = AuditLedgers.Write(court, 200, seed: 5, favoured: "t-1", factor: 3);
        lines.Add(RevealSeed(lines, court, 5));

        var hashesOnly = AuditedLedger.Read(() => lines, "skew.jsonl", new RandomnessAudit(AuditPeriod.Year, AuditSubject.Team), null);
        Assert.Equal(lines.Count, hashesOnly.Entries);
        var reMade = Assert.Throws<LedgerInputException>(() => AuditedLedger.Read(() => lines, "skew.jsonl", new RandomnessAudit(AuditPeriod.Year, AuditSubject.Team, court), court));
        Assert.Contains("fails verification", reMade.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_court_every_entry_of_a_revealed_epoch_is_re_verified_and_the_unrevealed_rest_is_said()
    {
        var court = AuditLedgers.Court(4);
        var revealed = LiveLedger.Write(court, 40, 6, rotateAtEnd: true, rotateAfter: 20);
        var atEnd = AuditedLedger.Read(() => revealed, "l.jsonl", new RandomnessAudit(AuditPeriod.Year, AuditSubject.Team, court), court);
        Assert.Equal(revealed.Count, atEnd.Verified);
        Assert.Equal(40, atEnd.DrawsReMade);
        Assert.Null(atEnd.UnrevealedEpoch);

        // Without the last rotation, epoch 2's secret is not revealed: verified up to its seed entry, the rest hashes only.
        var open = revealed.Take(revealed.Count - 1).ToList();
        var check = AuditedLedger.Read(() => open, "l.jsonl", new RandomnessAudit(AuditPeriod.Year, AuditSubject.Team, court), court);
        Assert.Equal(open.Count, check.Entries);
        Assert.Equal(2, check.UnrevealedEpoch);
        var seedSeq = open.Select(Docket.Domain.Ledger.LedgerEntry.Parse).Single(e => e.Kind == Docket.Domain.Ledger.LedgerKinds.Seed).Seq;
        Assert.Equal(seedSeq, check.Verified);
    }

    [Fact]
    public void Honest_ledgers_pass_at_the_stated_false_alarm_rate_over_200_seeds()
    {
        const int seeds = 200;
        const double alpha = 0.05;
        var courts = new[] { AuditLedgers.Court(5), AuditLedgers.Court(3, "{ policy: weighted_random, weight_by: coefficient }", "  - { id: w, count: 3, template: \"1+1\", accepts: [civil] }") };
        var alarms = 0;
        for (var seed = 1; seed <= seeds; seed++)
        {
            var court = courts[seed % 2];
            var result = Audit(AuditLedgers.Write(court, 600, seed, days: 90), AuditPeriod.Month, alpha);
            Assert.Equal(3, result.Periods.Count(p => p.Tested));
            alarms += result.Departs ? 1 : 0;
        }
        // The audit is conservative (see RandomnessTest): its false alarms are at most Binomial(200, 0.05); more than
        // the count such a binomial passes with chance under 0.001 would be a false-alarm rate above alpha.
        var bound = Enumerable.Range(0, seeds).First(k => 1 - Binomial.CDF(alpha, seeds, k) < 0.001);
        output.WriteLine($"{alarms} false alarms in {seeds} honest ledgers at alpha {alpha} (bound {bound})");
        Assert.True(alarms <= bound, $"{alarms} false alarms in {seeds} honest ledgers at alpha {alpha} (bound {bound})");
    }

    [Fact]
    public void Expected_counts_sum_each_draws_recorded_probabilities_and_weighted_draws_follow_their_weights()
    {
        var court = AuditLedgers.Court(2, "{ policy: weighted_random, weight_by: coefficient }", "  - { id: w, count: 2, template: \"1+1\", accepts: [civil] }");
        var lines = AuditLedgers.Write(court, 400, 3, days: 300);
        var entries = lines.Select(Docket.Domain.Ledger.LedgerEntry.Parse).Where(e => e.Draw is not null).ToList();
        var audit = new RandomnessAudit(AuditPeriod.Year, AuditSubject.Team);
        foreach (var line in lines)
        {
            Assert.Null(audit.Add(Docket.Domain.Ledger.LedgerEntry.Parse(line)));
        }
        var teams = audit.Counts.Periods().Single().Teams;
        Assert.Equal(400, teams.Sum(t => t.Observed));
        Assert.Equal(400, teams.Sum(t => t.Expected), 6);
        foreach (var team in teams)
        {
            var expected = entries.Sum(e => e.Draw!.Weights![Array.IndexOf(e.Eligible!, team.Team)] / e.Draw.Weights.Sum());
            Assert.Equal(expected, team.Expected, 6);
            Assert.Equal(entries.Count(e => e.Team == team.Team), team.Observed);
        }
        Assert.NotEqual(teams[0].Expected, teams[^1].Expected, 3);

        // The same counts for a report, by month: each month's expected counts sum to its draws, and the months to the year's.
        var months = RandomnessAudit.ExpectedCountsOf(lines.Select(Docket.Domain.Ledger.LedgerEntry.Parse), AuditPeriod.Month);
        Assert.Equal(10, months.Count);
        Assert.All(months, m => Assert.Equal(m.Draws, m.Teams.Sum(t => t.Expected), 6));
        foreach (var team in teams)
        {
            Assert.Equal(team.Expected, months.Sum(m => m.Teams.Where(t => t.Team == team.Team).Sum(t => t.Expected)), 6);
            Assert.Equal(team.Observed, months.Sum(m => m.Teams.Where(t => t.Team == team.Team).Sum(t => t.Observed)));
        }
        Assert.Throws<ArgumentException>(() => RandomnessAudit.ExpectedCountsOf([entries[0] with { Kind = "bribe" }], AuditPeriod.Month));
    }

    [Fact]
    public void Small_cells_are_pooled_and_each_group_of_teams_drawn_together_loses_one_degree_of_freedom()
    {
        var counts = new ExpectedCounts(AuditPeriod.Month);
        // Pool A: a, b, c (c rarely); pool B: x, y — two groups, never drawn together.
        for (var i = 0; i < 100; i++)
        {
            counts.Add(AuditLedgers.Start, ["a", "b", "c"], [0.49, 0.49, 0.02], i % 2 == 0 ? "a" : "b");
            counts.Add(AuditLedgers.Start, ["x", "y"], [0.5, 0.5], i % 3 == 0 ? "x" : "y");
        }
        var period = Assert.Single(counts.Periods());
        Assert.Equal(2, period.Teams.Select(t => t.Group).Distinct().Count());
        var test = RandomnessTest.GoodnessOfFit(period);
        // c expects 2 (< 5): pooled into b (the smaller cell of its group); cells {a}, {b, c}, {x}, {y}; df (2 − 1) + (2 − 1).
        Assert.Equal(1, test.PooledTeams);
        Assert.Equal(4, test.Cells.Count);
        Assert.Contains(test.Cells, c => c.Teams.Count == 2 && c.Teams.Contains("c"));
        Assert.Equal(2, test.DegreesOfFreedom);
        var x = test.Cells.Single(c => c.Teams.SequenceEqual(["x"]));
        Assert.Equal(34, x.Observed);
        Assert.Equal((34 - 50) / Math.Sqrt(25), x.Residual, 9);
        var chi = test.Cells.Sum(c => (c.Observed - c.Expected) * (c.Observed - c.Expected) / c.Expected);
        Assert.Equal(chi, test.ChiSquare, 9);
        Assert.Equal(1 - ChiSquared.CDF(2, chi), test.P, 9);
    }

    [Fact]
    public void Holm_multiplies_the_ordered_p_values_by_m_m_minus_1_and_keeps_them_increasing()
    {
        PeriodTest Test(string period, double p) => new(period, 10, [new AuditCell(["a"], 5, 5, 0)], 0, 1, 0, p);
        var adjusted = RandomnessTest.Holm([Test("1", 0.01), Test("2", 0.04), Test("3", 0.03), new PeriodTest("4", 1, [], 0, 0, 0, 1)], 0.05);
        Assert.Equal(0.03, adjusted[0].AdjustedP, 12);
        Assert.Equal(0.06, adjusted[1].AdjustedP, 12);
        Assert.Equal(0.06, adjusted[2].AdjustedP, 12);
        Assert.Equal([true, false, false, false], adjusted.Select(t => t.Departs));
        Assert.False(adjusted[3].Tested);
    }

    [Fact]
    public void Entries_the_audit_cannot_read_are_named_by_field()
    {
        var court = AuditLedgers.Court(3);
        var entries = AuditLedgers.Write(court, 3, 1).Select(Docket.Domain.Ledger.LedgerEntry.Parse).ToList();
        var audit = new RandomnessAudit(AuditPeriod.Month, AuditSubject.Team);
        Assert.Equal("kind", audit.Add(entries[1] with { Kind = "bribe" })?.Field);
        Assert.Equal("team", audit.Add(entries[1] with { Team = "t-99" })?.Field);
        Assert.Equal("eligible", audit.Add(entries[1] with { Eligible = [] })?.Field);
        Assert.Equal("draw", audit.Add(entries[1] with { Draw = entries[1].Draw! with { Method = "dice" } })?.Field);
        Assert.Equal("draw", audit.Add(entries[1] with { Draw = entries[1].Draw! with { Method = "weighted", Weights = [1] } })?.Field);
        Assert.Null(audit.Add(entries[2]));
    }

    [Fact]
    public void Deck_draws_take_each_teams_cards_from_the_court_and_are_counted_apart_without_it()
    {
        var court = AuditLedgers.Court(3, "{ policy: deck, cards_per_judge: 2, chief_cards: 1 }", "  - { id: p, count: 1, members: { president: 1, judge: 1 }, accepts: [civil] }");
        var lines = AuditLedgers.Write(court, 300, 4, days: 300);

        var without = Audit(lines, AuditPeriod.Year, 0.01);
        Assert.Equal(300, without.NotTested[RandomnessAudit.DeckWithoutCards]);
        Assert.Empty(without.Periods);
        Assert.Contains(without.Notes, n => n.Contains("cards", StringComparison.Ordinal));

        var audit = new RandomnessAudit(AuditPeriod.Year, AuditSubject.Team, court);
        AuditedLedger.Read(() => lines, "deck.jsonl", audit, court);
        var result = audit.Result(0.01);
        Assert.Equal(300, result.Drawn["deck"]);
        var spec = court.Layout.PoolSpecs[0];
        var cards = court.Layout.Teams.ToDictionary(t => t.Id, t => (double)Docket.Domain.Assignment.DeckAssignment.CardsOf(t.Judges, t.Chief, spec.CardsPerJudge, spec.ChiefCards));
        Assert.True(cards.Values.Distinct().Count() > 1, "the chief's team holds other cards than the others");
        foreach (var team in audit.Counts.Periods().Single().Teams)
        {
            Assert.Equal(300 * cards[team.Team] / cards.Values.Sum(), team.Expected, 6);
        }
        Assert.False(result.Departs);
    }

    [Fact]
    public void By_judge_nothing_is_tested_and_every_decision_is_counted_as_made_by_rule()
    {
        var court = AuditLedgers.Court(4);
        var lines = AuditLedgers.Write(court, 50, 2);
        var result = Audit(lines, AuditPeriod.Month, 0.01, AuditSubject.Judge);
        Assert.Empty(result.Periods);
        Assert.Equal(50, result.NotTested[RandomnessAudit.JudgeByRule]);
        Assert.False(result.Departs);
        Assert.Contains(result.Notes, n => n.Contains("named by rule", StringComparison.Ordinal));
    }

    private static RandomnessAuditResult Audit(List<string> lines, AuditPeriod period, double alpha, AuditSubject by = AuditSubject.Team)
    {
        var audit = new RandomnessAudit(period, by);
        AuditedLedger.Read(() => lines, "audit.jsonl", audit, null);
        return audit.Result(alpha);
    }

    /// <summary>A seed entry revealing the ledger's secret (so its draws can be re-made), chained after the last line.</summary>
    private static string RevealSeed(List<string> lines, Docket.Domain.Courts.Court court, int seed)
    {
        var last = Docket.Domain.Ledger.LedgerEntry.Parse(lines[^1]);
        return new Docket.Domain.Ledger.LedgerEntry
        {
            Court = court.Id,
            Seq = last.Seq + 1,
            Kind = Docket.Domain.Ledger.LedgerKinds.Seed,
            At = last.At.AddMinutes(1),
            Epoch = 2,
            Commitment = Docket.Domain.Ledger.LedgerHash.Commitment(LiveLedger.Secret(seed, 2)),
            RevealedSecret = AuditLedgers.Secret(seed),
            By = new Docket.Domain.Ledger.LedgerActor("admin", Docket.Domain.Access.UserRoles.Admin),
            Prev = Docket.Domain.Ledger.LedgerHash.Of(lines[^1]),
        }.ToJson();
    }
}
