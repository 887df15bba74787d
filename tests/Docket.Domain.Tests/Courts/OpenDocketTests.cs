using System.Text.Json;
using CsCheck;
using Docket.Domain.Assignment;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Replay;
using Docket.Domain.Tests.Replay;

namespace Docket.Domain.Tests.Courts;

/// <summary>
/// A team's and a judge's docket, told only the entries that concerned their team (as the live court tells its team
/// grains), hold what the court holds for them: the same open cases with the same records, the same counts and
/// absences — over random filings, closures, absences, watches and designations under every policy.
/// </summary>
public sealed class OpenDocketTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Dockets_told_the_entries_that_concern_their_team_hold_what_the_court_holds()
    {
        // Either way a filing reaches a docket: with the court's record (as the live court sends it) or as its entry alone.
        Gen.Select(Gen.Int[0, CourtAgreementPropertyTests.s_assignments.Length - 1], Gen.Int[1, 2], Gen.Int[0, 99].Array[10, 90], Gen.Bool)
            .Sample((assignment, judges, ops, filedWithRecord) =>
            {
                var court = CourtAgreementPropertyTests.CourtOf(assignment, judges);
                var (_, lines) = CourtAgreementPropertyTests.Run(court, ops);
                var read = LedgerFile.Read(lines, "docket.jsonl");
                var state = new CourtState(court, e => LiveLedger.Secret(1, e)) { TracksTouches = true };
                var teams = court.Layout.Teams.Select((_, t) => new OpenDocket(court, t)).ToArray();
                var judgeDockets = court.Layout.Teams.Select((team, t) => Enumerable.Range(0, Math.Max(1, court.Layout.JudgesPerTeam[t]))
                    .Select(k => new OpenDocket(court, t, JudgeInCharge.Name(team.Id, k))).ToArray()).ToArray();
                foreach (var line in read)
                {
                    Assert.Null(state.Replay(new LedgerRecord(court.Id, line.Entry.Seq, line.Entry.Kind, line.Entry.Case, line.Text, line.Hash)));
                    foreach (var touch in state.DrainTouches())
                    {
                        Assert.Equal(touch.Previous, teams[touch.Team].Through);
                        foreach (var docket in judgeDockets[touch.Team].Prepend(teams[touch.Team]))
                        {
                            docket.Apply(line.Entry, n => line.Entry.Kind == LedgerKinds.Assign && !filedWithRecord ? null : state.Case(n));
                        }
                    }
                }
                for (var t = 0; t < teams.Length; t++)
                {
                    // The ledger's start is no team's entry: a live docket takes it with the court's snapshot.
                    Assert.Equal(Json(state.Docket(t, null)), Json(teams[t].Snapshot() with { Through = state.Seq, StartedAt = state.StartedAt }));
                    Assert.Equal(Json(state.Docket(t, null).Open.Length), Json(teams[t].Caseload(s_now).Pending));
                    Assert.Equal(state.PendingWork(t), teams[t].PendingWork, 9);
                    foreach (var judge in judgeDockets[t])
                    {
                        Assert.Equal(Json(state.Docket(t, judge.Judge)), Json(judge.Snapshot() with { Through = state.Seq, StartedAt = state.StartedAt }));
                    }
                }
            }, iter: 150);
    }

    [Fact]
    public void A_docket_started_from_a_snapshot_goes_on_as_the_court_does()
    {
        var court = CourtAgreementPropertyTests.CourtOf(5, 2);
        var (_, lines) = CourtAgreementPropertyTests.Run(court, [.. Enumerable.Range(0, 80).Select(i => (i * 37) % 100)]);
        var read = LedgerFile.Read(lines, "docket.jsonl");
        var state = new CourtState(court, e => LiveLedger.Secret(1, e)) { TracksTouches = true };
        OpenDocket? docket = null;
        var team = court.TeamIndex("lead-1");
        foreach (var line in read)
        {
            state.Replay(new LedgerRecord(court.Id, line.Entry.Seq, line.Entry.Kind, line.Entry.Case, line.Text, line.Hash));
            if (line.Entry.Seq == read.Count / 2)
            {
                docket = new OpenDocket(court, state.Docket(team, null));
            }
            foreach (var touch in state.DrainTouches().Where(t => t.Team == team && docket is not null))
            {
                docket!.Apply(line.Entry, n => state.Case(n));
            }
        }
        Assert.Equal(Json(state.Docket(team, null)), Json(docket!.Snapshot() with { Through = state.Seq }));
    }

    [Fact]
    public void A_filed_case_keeps_the_record_given_with_its_entry_and_rebuilds_one_given_from_later()
    {
        var court = CourtAgreementPropertyTests.CourtOf(0, 1);
        var (_, lines) = CourtAgreementPropertyTests.Run(court, [.. Enumerable.Range(0, 40).Select(i => (i * 37) % 100)]);
        var assign = LedgerFile.Read(lines, "docket.jsonl").Select(l => l.Entry).First(e => e.Kind == LedgerKinds.Assign);
        var filed = CaseEntries.Filed(court, assign);
        var team = court.TeamIndex(filed.Team!);

        var given = new OpenDocket(court, team);
        given.Apply(assign, _ => filed);
        var later = new OpenDocket(court, team);
        later.Apply(assign, _ => filed with { Version = assign.Seq + 1, Flagged = !filed.Flagged });

        Assert.Same(filed, given.Case(filed.Number));
        Assert.Equal(Json(filed), Json(later.Case(filed.Number)));
    }

    [Fact]
    public void A_case_arriving_without_its_record_is_refused_rather_than_guessed()
    {
        var court = CourtAgreementPropertyTests.CourtOf(0, 1);
        var docket = new OpenDocket(court, court.TeamIndex("lead-1"));
        var designate = new LedgerEntry { Court = court.Id, Seq = 9, Kind = LedgerKinds.Designate, At = s_now, Case = court.CaseId(3), Number = 3, Team = "lead-1", Judge = "lead-1/judge-1", Prev = LedgerHash.Genesis };

        var refused = Assert.Throws<InvalidOperationException>(() => docket.Apply(designate, _ => null));

        Assert.Contains("without its record", refused.Message);
        Assert.Equal(0, docket.Through);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
