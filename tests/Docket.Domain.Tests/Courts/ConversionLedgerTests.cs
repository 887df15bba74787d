using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Deadlines;
using Docket.Domain.Ledger;
using Docket.Domain.Scenarios;
using Docket.Domain.Tests.Replay;

namespace Docket.Domain.Tests.Courts;

/// <summary>
/// The live court's conversions of simple procedure to ordinary (cases 157, 159) and its cap on extensions (case
/// 160): a judge of the case's team asks, the scenario's approver decides, the limit re-set only when approved; the
/// president extends up to the cap and no further. Each is a ledger entry the replay re-checks.
/// </summary>
public sealed class ConversionLedgerTests
{
    private static readonly DateTimeOffset s_at = LiveLedger.Start.AddHours(2);

    private const string Yaml = """
        name: conversion
        seed: 3
        days: 365
        case_types:
          - id: simple
            track: fast_track
            time_limit_days: 90
            effort: { hearing: { dist: fixed, hours: 1 }, judgment: { dist: fixed, hours: 1 } }
            conversion: { share: 0.1, approval_share: 0.5, approver: division_head, limit_days: 180 }
            extension: { share: 0.5, days: 30, max: 1, higher_court_days: 20 }
          - id: small
            track: fast_track
            time_limit_days: 60
            effort: { judgment: { dist: fixed, hours: 1 } }
            conversion: { share: 0.1, approval_share: 0.5, approver: president, limit_days: 180 }
        intake:
          - { mix: { simple: 0.5, small: 0.5 }, per_year: 100 }
        teams:
          - { id: fast, count: 2, template: "1+1", accepts: [simple, small] }
          - { id: other, count: 1, template: "1+1", accepts: [simple] }
        assignment: { policy: random }
        """;

    private sealed class Ledger() : ScenarioLedger(Yaml, "conversion")
    {
        public CourtCase File(string type, DateTimeOffset? at = null) => FileAt(type, at ?? s_at);

        public DateTimeOffset? LimitOf(long number, DateTimeOffset now) => CaseClock.Details(Court, State.Case(number)!, now).LimitAt;
    }

    [Fact]
    public void A_judge_asks_the_division_head_approves_and_only_then_the_limit_becomes_the_ordinary_one_from_filing()
    {
        var ledger = new Ledger();
        var c = ledger.File("simple");
        var later = s_at.AddDays(20);
        var otherTeam = ledger.Court.Layout.Teams.Select(t => t.Id).First(t => t != c.Team);
        var strangerJudge = new Actor("stranger", UserRoles.Judge, ledger.Court.Id, ledger.Court.DivisionOfTeam(otherTeam), otherTeam);

        Assert.Equal(Outcome.Forbidden, CourtCommands.RequestConversion(ledger.State, c.Number, "complex facts", strangerJudge, later).Refused?.Outcome);
        Assert.Equal(Outcome.Invalid, CourtCommands.RequestConversion(ledger.State, c.Number, " ", ledger.JudgeOf(c), later).Refused?.Outcome);
        Assert.Equal(Outcome.Conflict, CourtCommands.DecideConversion(ledger.State, c.Number, true, null, ledger.DivisionHeadOf(c), later).Refused?.Outcome);
        Assert.Null(ledger.Add(CourtCommands.RequestConversion(ledger.State, c.Number, "complex facts", ledger.JudgeOf(c), later)).Refused);
        // Asked, not yet approved: the simple procedure's 90 days still hold, and a second request is refused.
        Assert.Equal(c.FiledAt.AddDays(90), ledger.LimitOf(c.Number, later));
        Assert.Equal(ConversionState.Requested, ledger.State.Case(c.Number)!.Conversion);
        Assert.Equal(Outcome.Conflict, CourtCommands.RequestConversion(ledger.State, c.Number, "again", ledger.JudgeOf(c), later).Refused?.Outcome);
        Assert.Equal(Outcome.Forbidden, CourtCommands.DecideConversion(ledger.State, c.Number, true, null, ledger.JudgeOf(c), later).Refused?.Outcome);

        Assert.Null(ledger.Add(CourtCommands.DecideConversion(ledger.State, c.Number, true, "complex facts", ledger.DivisionHeadOf(c), later.AddDays(1))).Refused);
        Assert.Equal(c.FiledAt.AddDays(180), ledger.LimitOf(c.Number, later.AddDays(1)));
        Assert.Equal(Outcome.Conflict, CourtCommands.DecideConversion(ledger.State, c.Number, false, null, ledger.President, later.AddDays(2)).Refused?.Outcome);

        var replayed = ledger.Replayed();
        Assert.Equal(ConversionState.Approved, replayed.Case(c.Number)!.Conversion);
        Assert.Equal(c.FiledAt.AddDays(180), CaseClock.Details(ledger.Court, replayed.Case(c.Number)!, later.AddDays(1)).LimitAt);
        var folded = CaseEntries.Fold(ledger.Court, ledger.Records.Where(r => r.CaseId == c.Id).Select(r => LedgerEntry.Parse(r.Json)));
        Assert.Equal(ConversionState.Approved, folded.Conversion);
    }

    [Fact]
    public void A_refused_conversion_keeps_the_limit_and_a_request_after_the_limit_is_refused()
    {
        var ledger = new Ledger();
        var c = ledger.File("simple");
        ledger.Add(CourtCommands.RequestConversion(ledger.State, c.Number, "complex facts", ledger.JudgeOf(c), s_at.AddDays(10)));
        Assert.Null(ledger.Add(CourtCommands.DecideConversion(ledger.State, c.Number, false, "not complex", ledger.DivisionHeadOf(c), s_at.AddDays(11))).Refused);
        Assert.Equal(ConversionState.Refused, ledger.State.Case(c.Number)!.Conversion);
        Assert.Equal(c.FiledAt.AddDays(90), ledger.LimitOf(c.Number, s_at.AddDays(11)));
        Assert.Equal(Outcome.Conflict, CourtCommands.RequestConversion(ledger.State, c.Number, "again", ledger.JudgeOf(c), s_at.AddDays(12)).Refused?.Outcome);

        var late = ledger.File("simple", s_at.AddDays(12));
        var refused = CourtCommands.RequestConversion(ledger.State, late.Number, "complex facts", ledger.JudgeOf(late), s_at.AddDays(103));
        Assert.Equal(Outcome.Conflict, refused.Refused?.Outcome);
        Assert.Contains("has passed", refused.Refused!.Error, StringComparison.Ordinal);
        ledger.Replayed();
    }

    [Fact]
    public void Only_the_approver_the_scenario_names_or_the_president_decides_and_the_replay_holds_the_ledger_to_it()
    {
        var ledger = new Ledger();
        var c = ledger.File("small");
        ledger.Add(CourtCommands.RequestConversion(ledger.State, c.Number, "complex facts", ledger.JudgeOf(c), s_at.AddDays(5)));
        var byHead = CourtCommands.DecideConversion(ledger.State, c.Number, true, null, ledger.DivisionHeadOf(c), s_at.AddDays(6));
        Assert.Equal(Outcome.Forbidden, byHead.Refused?.Outcome);
        Assert.Contains("president", byHead.Refused!.Error, StringComparison.Ordinal);
        Assert.Null(ledger.Add(CourtCommands.DecideConversion(ledger.State, c.Number, true, null, ledger.President, s_at.AddDays(6))).Refused);
        ledger.Replayed();

        var approval = LedgerEntry.Parse(ledger.Records[^1].Json);
        Assert.Equal(LedgerKinds.ConversionApproved, approval.Kind);
        Assert.Contains("decided by the president", ledger.ReplayForged(approval with { By = new LedgerActor("head", UserRoles.DivisionHead) }), StringComparison.Ordinal);
        Assert.Contains("only division_head or president", ledger.ReplayForged(approval with { By = new LedgerActor("judge", UserRoles.Judge) }), StringComparison.Ordinal);
        // An approval with no request before it.
        var unasked = ledger.File("small", s_at.AddDays(6));
        var forged = approval with { Seq = ledger.State.Seq + 1, Case = unasked.Id, Number = unasked.Number, Prev = ledger.State.Head };
        ledger.Records.Add(new LedgerRecord(ledger.Court.Id, forged.Seq, forged.Kind, forged.Case, forged.ToJson(), LedgerHash.Of(forged.ToJson())));
        Assert.Contains("no conversion to ordinary procedure was requested", ledger.ReplayForged(forged), StringComparison.Ordinal);
    }

    [Fact]
    public void Whatever_is_asked_in_whatever_order_a_limit_moves_only_by_approved_conversions_and_capped_extensions()
    {
        var kinds = new HashSet<string>();
        for (var seed = 1; seed <= 5; seed++)
        {
            kinds.UnionWith(RandomLedgerHoldsTheLimitRule(seed));
        }
        // The walks made every kind of entry the rule is about (none of the checks above passed vacuously).
        Assert.Superset(new HashSet<string> { LedgerKinds.ConversionRequested, LedgerKinds.ConversionApproved, LedgerKinds.ConversionRefused, LedgerKinds.Extension }, kinds);
    }

    /// <summary>Random commands by random roles on random cases; the kinds of entry the ledger holds.</summary>
    private static IEnumerable<string> RandomLedgerHoldsTheLimitRule(int seed)
    {
        var ledger = new Ledger();
        var random = new Random(seed);
        var at = s_at;
        var actors = new Func<CourtCase, Actor>[] { ledger.JudgeOf, ledger.DivisionHeadOf, _ => ledger.President };
        for (var step = 0; step < 400; step++)
        {
            at = at.AddHours(random.Next(1, 48));
            var open = ledger.State.HeldCases.Where(c => c.Status == CourtCaseStatus.Pending).ToList();
            if (open.Count == 0 || random.Next(5) == 0)
            {
                ledger.File(random.Next(2) == 0 ? "simple" : "small", at);
                continue;
            }
            var c = open[random.Next(open.Count)];
            var by = actors[random.Next(actors.Length)](c);
            ledger.Add(random.Next(3) switch
            {
                0 => CourtCommands.RequestConversion(ledger.State, c.Number, "complex", by, at),
                1 => CourtCommands.DecideConversion(ledger.State, c.Number, random.Next(3) > 0, null, by, at),
                _ => CourtCommands.Extend(ledger.State, c.Number, 30, "appraisal", by, at),
            });
        }

        var replayed = ledger.Replayed();
        var entries = ledger.Records.Select(r => LedgerEntry.Parse(r.Json)).ToList();
        foreach (var c in replayed.HeldCases)
        {
            var own = entries.Where(e => e.Case == c.Id).ToList();
            var type = ledger.Court.CaseTypes[ledger.Court.TypeIndex(c.Type)];
            var approved = own.Any(e => e.Kind == LedgerKinds.ConversionApproved);
            var extensions = own.Count(e => e.Kind == LedgerKinds.Extension);
            Assert.True(extensions <= (type.Extension?.Max ?? 0), $"{c.Id}: {extensions} extensions");
            Assert.True(own.Count(e => e.Kind == LedgerKinds.ConversionRequested) <= 1, c.Id);
            Assert.True(!approved || own.FindIndex(e => e.Kind == LedgerKinds.ConversionRequested) < own.FindIndex(e => e.Kind == LedgerKinds.ConversionApproved), c.Id);
            var limitDays = approved ? type.Conversion!.LimitDays : type.TimeLimitDays!.Value;
            Assert.Equal(c.FiledAt.AddDays(limitDays + (30 * extensions)), CaseClock.Details(ledger.Court, c, at).LimitAt);
        }
        return entries.Select(e => e.Kind);
    }

    [Fact]
    public void The_president_extends_up_to_the_cap_and_a_further_extension_is_left_to_the_higher_court()
    {
        var ledger = new Ledger();
        var c = ledger.File("simple");
        // Limit day 90, warned from day 60: the first extension (the cap is 1) moves it to day 120.
        Assert.Null(ledger.Add(CourtCommands.Extend(ledger.State, c.Number, 30, "appraisal", ledger.President, s_at.AddDays(61))).Refused);
        Assert.Equal(c.FiledAt.AddDays(120), ledger.LimitOf(c.Number, s_at.AddDays(61)));
        var second = CourtCommands.Extend(ledger.State, c.Number, 30, "appraisal", ledger.President, s_at.AddDays(95));
        Assert.Equal(Outcome.Conflict, second.Refused?.Outcome);
        Assert.Contains("higher court", second.Refused!.Error, StringComparison.Ordinal);
        ledger.Replayed();

        // A ledger claiming the president's second extension fails its replay.
        var first = LedgerEntry.Parse(ledger.Records[^1].Json);
        var forged = first with { Seq = first.Seq + 1, At = s_at.AddDays(95), Prev = ledger.Records[^1].Hash };
        ledger.Records.Add(new LedgerRecord(ledger.Court.Id, forged.Seq, forged.Kind, forged.Case, forged.ToJson(), LedgerHash.Of(forged.ToJson())));
        Assert.Contains("extension.max 1", ledger.ReplayForged(forged), StringComparison.Ordinal);
    }
}
