using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Docket.Abstractions;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Server.Tests;

/// <summary>
/// Where a case's commands are decided: in the case's own grain, each case in parallel with the others (one case's
/// decision held up does not hold up another case's command), the court only sequencing them; a decision the court
/// finds stale — its record moved on, or the clock passed where the decision holds — is decided again.
/// </summary>
public sealed class CaseDecisionTests : IAsyncLifetime
{
    private readonly HeldDecisions _decisions = new();
    private DocketFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new DocketFactory(services: s => s.AddSingleton<ICaseDecisionListener>(_decisions));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _decisions.ReleaseAll();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task A_command_held_up_in_one_case_s_grain_does_not_hold_up_a_command_on_another_case()
    {
        var (a, judgeA) = await FileCivilWithJudgeAsync();
        var (b, judgeB) = await FileCivilWithJudgeAsync();
        var gate = _decisions.Hold(a);

        var held = judgeA.PostJsonAsync($"/api/cases/{a}/events", new { node = "served" });
        await gate.Decided.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var (status, body, _) = await judgeB.PostJsonAsync($"/api/cases/{b}/events", new { node = "served" }).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["served"], body.GetProperty("case").GetProperty("case").GetProperty("nodes").EnumerateArray().Select(n => n.Str("node")));
        Assert.False(held.IsCompleted, "case a's report was answered while its grain was still deciding it");
        gate.Release.SetResult();
        Assert.Equal(HttpStatusCode.OK, (await held.WaitAsync(TimeSpan.FromSeconds(30))).Status);

        // Both were decided by their cases' grains, once each, and the court ledgered b's first.
        Assert.Single(_decisions.Of(a), d => d.Refused is null);
        Assert.Single(_decisions.Of(b), d => d.Refused is null);
        var nodes = (await CaseApiTests.AllEntriesAsync(_factory.ClientFor(TestUsers.Auditor))).Where(e => e.Str("kind") == "node").Select(e => e.Str("case")).ToList();
        Assert.Equal([b, a], nodes);
    }

    [Fact]
    public async Task A_cases_deadline_warnings_are_decided_in_its_own_grain_and_one_case_held_up_does_not_hold_up_another()
    {
        var (a, _) = await FileCivilWithJudgeAsync();
        var (b, _) = await FileCivilWithJudgeAsync();
        _factory.Clock.Advance(TimeSpan.FromDays(8));
        var grains = _factory.Services.GetRequiredService<IGrainFactory>();
        var gate = _decisions.Hold(a);

        var held = grains.GetGrain<ILiveCaseGrain>(a).WatchAsync();
        await gate.Decided.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var warnedB = await grains.GetGrain<ILiveCaseGrain>(b).WatchAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotEmpty(warnedB);
        Assert.False(held.IsCompleted, "case a's warnings were issued while its grain was still deciding them");
        gate.Release.SetResult();
        var warnedA = await held.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotEmpty(warnedA);

        // Each case's warnings came from one decision of its own grain, the deadline watcher's, and nothing is left
        // for the teams' or the court's watch to issue.
        foreach (var (id, warned) in new[] { (a, warnedA), (b, warnedB) })
        {
            var decision = Assert.Single(_decisions.Of(id));
            Assert.Equal(SystemActors.DeadlineWatcher, decision.By);
            Assert.Equal(warned.Length, decision.Entries.Length);
            Assert.All(warned, w => Assert.Equal(id, w.Case));
        }
        // (Other cases were filed on the way to two on civil-1 or civil-2: only a's and b's warnings are looked at.)
        bool OfAOrB(string? id) => id == a || id == b;
        var warnings = (await CaseApiTests.AllEntriesAsync(_factory.ClientFor(TestUsers.Auditor))).Where(e => e.Str("kind") == "warning" && OfAOrB(e.Str("case"))).ToList();
        Assert.Equal(warnedA.Length + warnedB.Length, warnings.Count);
        Assert.DoesNotContain(await grains.GetGrain<ILiveCourtGrain>(DocketFactory.Court).WatchDeadlinesAsync(), w => OfAOrB(w.Case));
    }

    [Fact]
    public async Task A_decision_the_court_s_pull_overtook_is_decided_again_on_the_pulled_record()
    {
        var registrar = _factory.ClientFor(TestUsers.Registrar);
        // Two criminal teams with a cap of 1 each: the third case waits, until the first one's team closes it and pulls.
        var first = await registrar.FileAsync("criminal");
        await registrar.FileAsync("criminal");
        var waiting = await registrar.FileAsync("criminal");
        Assert.Equal("waiting", waiting.Str("status"));
        var id = waiting.Str("id");
        var gate = _decisions.Hold(id);

        var code = registrar.PostJsonAsync($"/api/cases/{id}/party-code", new { });
        await gate.Decided.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var judge = _factory.ClientFor(first.Str("team") == "criminal-1" ? TestUsers.JudgeCriminal1 : TestUsers.JudgeCriminal2);
        foreach (var node in new[] { "preparation", "hearing", "judgment" })
        {
            Assert.Equal(HttpStatusCode.OK, (await judge.PostJsonAsync($"/api/cases/{first.Str("id")}/events", new { node })).Status);
        }
        gate.Release.SetResult();
        var (status, body, _) = await code.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, status);
        var decided = _decisions.Of(id);
        Assert.Equal(2, decided.Count);
        Assert.True(decided[1].Version > decided[0].Version, "the second decision is made on the record after the pull");
        var entries = await CaseApiTests.AllEntriesAsync(_factory.ClientFor(TestUsers.Auditor));
        var ofCase = entries.Where(e => e.TryGetProperty("case", out var c) && c.GetString() == id).Select(e => e.Str("kind")).ToList();
        Assert.Equal(["queue", "pull", "party_code"], ofCase);
        Assert.Equal(entries.Single(e => e.Str("kind") == "party_code").GetProperty("seq").GetInt64(), body.GetProperty("entries")[0].GetProperty("seq").GetInt64());
        Assert.True((await _factory.ClientFor(TestUsers.Auditor).GetJsonAsync("/api/audit/verify")).Body.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task A_report_decided_before_its_case_locked_and_sequenced_after_is_decided_again_and_refused()
    {
        var (id, judge) = await FileCivilWithJudgeAsync();
        var gate = _decisions.Hold(id);

        var report = judge.PostJsonAsync($"/api/cases/{id}/events", new { node = "served" });
        var first = await gate.Decided.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // hearing_scheduled (7 days, important) falls due while the report is on its way to the court.
        _factory.Clock.Advance(TimeSpan.FromDays(8));
        gate.Release.SetResult();
        var (status, problem, _) = await report.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Null(first.Refused);
        Assert.Equal(first.At.AddDays(7), first.HoldsUntil);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("locked", problem.Str("detail"));
        // The report's decisions: the grain's own timer may meanwhile have decided the warnings the eight days earned.
        var decided = _decisions.Of(id).Where(d => d.Refused is not null || d.Entries.Any(e => e.Kind != LedgerKinds.Warning)).ToList();
        Assert.Equal(2, decided.Count);
        Assert.Equal(Outcome.Conflict, decided[1].Refused?.Outcome);
        var entries = await CaseApiTests.AllEntriesAsync(_factory.ClientFor(TestUsers.Auditor));
        Assert.DoesNotContain(entries, e => e.Str("kind") == "node" && e.Str("case") == id);
    }

    /// <summary>Files civil cases until one lands with a team whose judge is a test user.</summary>
    private async Task<(string Id, HttpClient Judge)> FileCivilWithJudgeAsync()
    {
        var registrar = _factory.ClientFor(TestUsers.Registrar);
        for (var i = 0; i < 50; i++)
        {
            var filed = await registrar.FileAsync("simple_civil");
            var key = filed.Str("team") switch { "civil-1" => TestUsers.JudgeCivil1, "civil-2" => TestUsers.JudgeCivil2, _ => null };
            if (key is not null)
            {
                return (filed.Str("id"), _factory.ClientFor(key));
            }
        }
        throw new InvalidOperationException("no case reached civil-1 or civil-2 in 50 filings");
    }

    /// <summary>Every decision the cases' grains make, by case; a case's first decision held until the test releases it.</summary>
    private sealed class HeldDecisions : ICaseDecisionListener
    {
        private readonly ConcurrentDictionary<string, ConcurrentQueue<CaseDecision>> _made = new();
        private readonly ConcurrentDictionary<string, Gate> _gates = new();

        public Gate Hold(string caseId) => _gates.GetOrAdd(caseId, _ => new Gate());

        public List<CaseDecision> Of(string caseId) => [.. _made.GetValueOrDefault(caseId) ?? []];

        public void ReleaseAll()
        {
            foreach (var gate in _gates.Values)
            {
                gate.Release.TrySetResult();
            }
        }

        public async Task DecidedAsync(string caseId, CaseDecision decision)
        {
            _made.GetOrAdd(caseId, _ => new()).Enqueue(decision);
            if (_gates.TryGetValue(caseId, out var gate) && gate.Decided.TrySetResult(decision))
            {
                await gate.Release.Task;
            }
        }
    }

    private sealed class Gate
    {
        public TaskCompletionSource<CaseDecision> Decided { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
