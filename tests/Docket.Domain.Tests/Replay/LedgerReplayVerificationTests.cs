using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Replay;
using Docket.Domain.Supervision;

namespace Docket.Domain.Tests.Replay;

/// <summary>
/// `docket replay` checks more than the chain: every entry goes through the court's own verifier (all its rules but
/// the assignment decisions the replay re-makes), and a pull the court owed at the moment of a pull is missed when
/// the next entry is not it — by the replay and by the service's verifier alike.
/// </summary>
public sealed class LedgerReplayVerificationTests
{
    private const string Pull = "{ policy: pull, cap: 2, escalate_after_days: 0.5 }";

    [Fact]
    public void A_forged_escalation_that_was_not_due_fails_the_replay_naming_the_entry()
    {
        var court = ReplayCourts.Of(Pull);
        var lines = LiveLedger.Write(court, 200, 11);
        // A case queued, escalated at once by the deadline watcher (its wait not yet over half a day), re-chained.
        var index = lines.FindIndex(l => LedgerEntry.Parse(l).Kind == LedgerKinds.Queue);
        Assert.True(index > 0, "the pull court queues some cases");
        var queued = LedgerEntry.Parse(lines[index]);
        var escalation = new LedgerEntry
        {
            Court = queued.Court,
            Seq = 0,
            Kind = LedgerKinds.Escalate,
            At = queued.At,
            Case = queued.Case,
            Number = queued.Number,
            By = new LedgerActor(SystemActors.DeadlineWatcher.Name, SystemActors.DeadlineWatcher.Role),
            Prev = "",
        };
        var forged = Renumber([.. lines.Take(index + 1), escalation.ToJson(), .. lines.Skip(index + 1)]);

        var failure = Assert.Throws<LedgerInputException>(() => LedgerReplayRunTests.Replay(court, forged));
        Assert.Contains($"entry {queued.Seq + 1} (escalate)", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"case {queued.Case} was not due to be escalated", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a designation re-signed as a registrar")]
    [InlineData("a node entry of an unknown kind")]
    [InlineData("a filing dated a year before the entry it follows")]
    public void A_forgery_the_courts_verifier_refuses_fails_the_replay_naming_the_entry(string forgery)
    {
        var court = ReplayCourts.Of("{ policy: random }");
        var lines = LiveLedger.Write(court, 60, 5);
        var (kind, change, problem) = forgery switch
        {
            "a designation re-signed as a registrar" => (LedgerKinds.Designate, (Func<LedgerEntry, LedgerEntry>)(e => e with { By = new LedgerActor("registrar", UserRoles.Registrar) }),
                "a designate entry by registrar: only"),
            "a node entry of an unknown kind" => (LedgerKinds.Node, e => e with { Kind = "bogus" }, "unknown entry kind 'bogus'"),
            _ => (LedgerKinds.Assign, e => e with { At = e.At.AddYears(-1) }, "is before the previous entry's"),
        };
        var index = lines.FindIndex(10, l => LedgerEntry.Parse(l).Kind == kind);
        var entry = LedgerEntry.Parse(lines[index]);

        var failure = Assert.Throws<LedgerInputException>(() => LedgerReplayRunTests.Replay(court, LedgerReplayRunTests.Rechain(lines, index, change(entry))));
        Assert.Contains($"fails verification at entry {entry.Seq}", failure.Message, StringComparison.Ordinal);
        Assert.Contains(problem, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_genesis_entry_under_rules_this_build_does_not_know_is_refused_by_the_replay_and_the_courts_verifier(int rules)
    {
        var court = ReplayCourts.Of("{ policy: random }");
        var written = LiveLedger.Write(court, 20, 5);
        var lines = LedgerReplayRunTests.Rechain(written, 0, LedgerEntry.Parse(written[0]) with { Rules = rules });

        var failure = Assert.Throws<LedgerInputException>(() => LedgerReplayRunTests.Replay(court, lines));
        Assert.Contains($"entry 1's rules version {rules} is not one this build knows (1 to {CourtRules.Version})", failure.Message, StringComparison.Ordinal);
        Assert.Contains(":1:", failure.Message, StringComparison.Ordinal);

        var verifier = new ChainVerifier(court, e => LiveLedger.Secret(5, e));
        var refused = verifier.Feed(lines.Select(l =>
        {
            var e = LedgerEntry.Parse(l);
            return new LedgerRecord(e.Court, e.Seq, e.Kind, e.Case, l, LedgerHash.Of(l));
        }));
        Assert.NotNull(refused);
        Assert.Equal(1, refused.FirstInvalidSeq);
        Assert.Contains($"rules version {rules} is not one this build knows", refused.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pull_of_the_deadline_watchers_run_the_ledger_lacks_is_a_mismatch()
    {
        var court = ReplayCourts.Of(Pull);
        var (lines, run) = WatcherRun(court);
        Assert.True(LedgerReplayRunTests.Replay(court, lines).Reproduced);

        var last = LedgerEntry.Parse(lines[run[^1]]);
        var result = LedgerReplayRunTests.Replay(court, Renumber([.. lines.Where((_, i) => i != run[^1])]));
        var lacking = Assert.Single(result.Mismatches, m => m.Case == last.Case);
        Assert.Equal(0, lacking.Seq);
        Assert.Equal(LedgerKinds.Pull, lacking.Kind);
        Assert.Equal(last.Team, lacking.ReplayedTeam);
    }

    [Fact]
    public void A_ledger_cut_between_two_pulls_of_the_deadline_watchers_run_replays_one_to_one()
    {
        var court = ReplayCourts.Of(Pull);
        var (lines, run) = WatcherRun(court);
        var cut = lines.Take(run[^2] + 1).ToList();
        var result = LedgerReplayRunTests.Replay(court, cut);
        Assert.True(result.Reproduced, string.Join("\n", result.Mismatches));
        Assert.Null(Verify(court, cut));
    }

    [Fact]
    public void A_ledger_lacking_a_pull_of_the_deadline_watchers_run_fails_the_courts_own_verifier()
    {
        var court = ReplayCourts.Of(Pull);
        var (lines, run) = WatcherRun(court);
        Assert.Null(Verify(court, lines));

        var forged = Renumber([.. lines.Where((_, i) => i != run[^1])]);
        var failure = Verify(court, forged);
        Assert.NotNull(failure);
        Assert.Equal(run[^1] + 1, failure.FirstInvalidSeq);
        Assert.Contains($"still owed a pull at {LedgerEntry.Parse(lines[run[^1]]).At:O}", failure.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_returned_teams_pulls_left_out_before_the_next_filing_fail_the_courts_verifier_and_are_a_replay_mismatch()
    {
        var court = ReplayCourts.Of(Pull);
        // Back after a day, the civil teams pull the cases that waited when the criminal filing's catch-up runs, before it.
        var lines = CivilTeamsAwayThenACriminalFiling(court, LiveLedger.Start.AddDays(1).AddHours(2));
        var pulls = lines.Select((l, i) => (Entry: LedgerEntry.Parse(l), i)).Where(x => x.Entry.Kind == LedgerKinds.Pull).ToList();
        Assert.True(pulls.Count >= 3, $"the teams back pull several cases ({pulls.Count})");
        Assert.Null(Verify(court, lines));
        Assert.True(LedgerReplayRunTests.Replay(court, lines).Reproduced);

        var forged = Renumber([.. lines.Where((_, i) => !pulls.Exists(p => p.i == i))]);
        var filing = forged.Select(LedgerEntry.Parse).Single(e => e.Kind == LedgerKinds.Assign && e.Type == "criminal");
        var failure = Verify(court, forged);
        Assert.NotNull(failure);
        Assert.Equal(filing.Seq, failure.FirstInvalidSeq);
        Assert.Contains($"a team is back from an absence and team {pulls[0].Entry.Team} could take waiting case {pulls[0].Entry.Case}", failure.Problem, StringComparison.Ordinal);

        var result = LedgerReplayRunTests.Replay(court, forged);
        var lacking = Assert.Single(result.Mismatches, m => m.Case == pulls[0].Entry.Case);
        Assert.Equal(0, lacking.Seq);
        Assert.Equal(LedgerKinds.Pull, lacking.Kind);
        Assert.Equal(pulls[0].Entry.Team, lacking.ReplayedTeam);
        Assert.Contains($"(entry {filing.Seq}, assign, comes where the pull was owed)", lacking.Problem, StringComparison.Ordinal);

        // A ledger begun under the rules before every command caught up is not held to it.
        var earlier = LedgerReplayRunTests.Rechain(forged, 0, LedgerEntry.Parse(forged[0]) with { Rules = CourtRules.QualityHoldVersion });
        Assert.Null(Verify(court, earlier));
    }

    [Fact]
    public void An_escalation_left_out_before_the_next_filing_fails_the_courts_verifier()
    {
        var court = ReplayCourts.Of(Pull);
        // The civil cases have waited more than half a day (escalate_after_days) when the criminal filing comes: its
        // catch-up escalates them before it, the civil teams still away.
        var lines = CivilTeamsAwayThenACriminalFiling(court, LiveLedger.Start.AddHours(18));
        var escalations = lines.Select((l, i) => (Entry: LedgerEntry.Parse(l), i)).Where(x => x.Entry.Kind == LedgerKinds.Escalate).ToList();
        Assert.NotEmpty(escalations);
        Assert.Null(Verify(court, lines));

        var forged = Renumber([.. lines.Where((_, i) => i != escalations[^1].i)]);
        var filing = forged.Select(LedgerEntry.Parse).Single(e => e.Kind == LedgerKinds.Assign && e.Type == "criminal");
        var failure = Verify(court, forged);
        Assert.NotNull(failure);
        Assert.Equal(filing.Seq, failure.FirstInvalidSeq);
        Assert.Contains($"waiting case {escalations[^1].Entry.Case} was due to escalate by {filing.At:O}", failure.Problem, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every team taking civil cases away for a day while eight civil cases are filed (all wait), then a criminal
    /// filing at <paramref name="criminalAt"/> (which catches the waiting queue up first) and the seed rotated.
    /// </summary>
    private static List<string> CivilTeamsAwayThenACriminalFiling(Court court, DateTimeOffset criminalAt)
    {
        var live = new CourtState(court, e => LiveLedger.Secret(4, e));
        var at = LiveLedger.Start;
        var lines = new List<string> { CourtCommands.Open(live, "return", LedgerHash.Commitment(LiveLedger.Secret(4, 1)), at).Json };
        var registrar = new Actor("registrar", UserRoles.Registrar, court.Id, null, null);
        var president = new Actor("president", UserRoles.President, court.Id, null, null);
        var civil = court.TypeIndex("civil");
        foreach (var team in court.Layout.Teams.Where(t => t.Accepts.Contains(civil)))
        {
            lines.AddRange(CourtCommands.MarkAbsent(live, team.Id, at, at.AddDays(1), "training", president, at).Records.Select(r => r.Json));
        }
        for (var n = 0; n < 8; n++)
        {
            at = at.AddMinutes(10);
            lines.AddRange(CourtCommands.File(live, new FilingRequest("civil", false, RiskLevel.None, null, registrar), at).Records.Select(r => r.Json));
        }
        lines.AddRange(CourtCommands.File(live, new FilingRequest("criminal", false, RiskLevel.None, null, registrar), criminalAt).Records.Select(r => r.Json));
        lines.Add(CourtCommands.RotateSeed(live, LiveLedger.Secret(4, 1), LedgerHash.Commitment(LiveLedger.Secret(4, 2)), new Actor("admin", UserRoles.Admin, null, null, null),
            criminalAt.AddHours(1)).Json);
        return lines;
    }

    /// <summary>
    /// Every team taking civil cases away for a day while eight civil cases are filed (all wait), then the deadline
    /// watcher's run once they are back (escalations, then each team pulling up to its cap, one pull after another),
    /// a criminal filing after it, and the seed rotated. The lines, and the indices of the run's pulls.
    /// </summary>
    private static (List<string> Lines, List<int> Run) WatcherRun(Court court)
    {
        var live = new CourtState(court, e => LiveLedger.Secret(4, e));
        var at = LiveLedger.Start;
        var lines = new List<string> { CourtCommands.Open(live, "watcher-run", LedgerHash.Commitment(LiveLedger.Secret(4, 1)), at).Json };
        var registrar = new Actor("registrar", UserRoles.Registrar, court.Id, null, null);
        var president = new Actor("president", UserRoles.President, court.Id, null, null);
        var civil = court.TypeIndex("civil");
        foreach (var team in court.Layout.Teams.Where(t => t.Accepts.Contains(civil)))
        {
            var away = CourtCommands.MarkAbsent(live, team.Id, at, at.AddDays(1), "training", president, at);
            Assert.True(away.Refused is null, away.Refused?.Error);
            lines.AddRange(away.Records.Select(r => r.Json));
        }
        for (var n = 0; n < 8; n++)
        {
            at = at.AddMinutes(10);
            lines.AddRange(CourtCommands.File(live, new FilingRequest("civil", false, RiskLevel.None, null, registrar), at).Records.Select(r => r.Json));
        }
        var watch = CourtCommands.Watch(live, LiveLedger.Start.AddDays(1).AddHours(1));
        lines.AddRange(watch.Records.Select(r => r.Json));
        lines.AddRange(CourtCommands.File(live, new FilingRequest("criminal", false, RiskLevel.None, null, registrar), LiveLedger.Start.AddDays(1).AddHours(2)).Records.Select(r => r.Json));
        lines.Add(CourtCommands.RotateSeed(live, LiveLedger.Secret(4, 1), LedgerHash.Commitment(LiveLedger.Secret(4, 2)), new Actor("admin", UserRoles.Admin, null, null, null),
            LiveLedger.Start.AddDays(1).AddHours(3)).Json);
        var run = lines.Select((l, i) => (Entry: LedgerEntry.Parse(l), i)).Where(x => x.Entry.Kind == LedgerKinds.Pull).Select(x => x.i).ToList();
        Assert.True(run.Count >= 3, $"the watcher's run pulls several cases ({run.Count})");
        Assert.Equal(Enumerable.Range(run[0], run.Count), run);
        return (lines, run);
    }

    /// <summary>The lines through the service's verifier (every rule, every decision): its failure, or null.</summary>
    private static LedgerVerification? Verify(Court court, IEnumerable<string> lines)
    {
        var verifier = new ChainVerifier(court, e => LiveLedger.Secret(4, e));
        var records = lines.Select(l => LedgerEntry.Parse(l) is var e ? new LedgerRecord(e.Court, e.Seq, e.Kind, e.Case, l, LedgerHash.Of(l)) : null!);
        return verifier.Feed(records);
    }

    /// <summary>The lines numbered and linked anew from the first (an entry inserted or left out, the forger's work).</summary>
    private static List<string> Renumber(List<string> lines)
    {
        var result = new List<string>();
        var prev = LedgerHash.Genesis;
        foreach (var line in lines)
        {
            var text = (LedgerEntry.Parse(line) with { Seq = result.Count + 1, Prev = prev }).ToJson();
            result.Add(text);
            prev = LedgerHash.Of(text);
        }
        return result;
    }
}
