using System.Buffers;
using System.Net;
using System.Text.Json;
using Docket.Domain.Ledger;
using Docket.Server.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Docket.Server.Tests;

/// <summary>
/// A court saves its state every few entries (here 10) and, restarted, takes the latest saved state and replays only
/// the ledger after it; a saved state that does not hold is set aside and the whole ledger replayed. Either way the
/// court answers as before the restart. The background verification compares the saved state with the state the
/// ledger makes at its position: one sealed with the ledger key but wrong closes the court.
/// </summary>
public sealed class SavedStateTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> s_saveOften = new()
    {
        ["Docket:Courts:SaveStateEvery"] = "10",
        ["Docket:Courts:FinishedCasesAtHand"] = "0",
    };

    private readonly string _data = Path.Combine(Path.GetTempPath(), "docket-saved-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_restarted_court_takes_its_saved_state_and_replays_only_the_entries_after_it()
    {
        var (kpis, cases, savedSeq) = await RunFirstAsync();
        Assert.True(savedSeq >= 10, $"no state saved (at {savedSeq})");

        // The first filing's entry, before the saved position, is spoiled beyond reading: a court replaying its whole
        // ledger would lose case live-1 and every later decision would differ; this one, which no longer replays it,
        // answers as before (with the background verification off, which would close it). Case live-1 itself is not
        // read here: its grain folds it from storage, and would find its entry changed (below, and the next test).
        await ExecuteAsync("UPDATE ledger SET entry = 'spoiled' WHERE court = 'live' AND seq = 2");
        await using var second = new DocketFactory(_data, new Dictionary<string, string?>(s_saveOften) { ["Docket:Audit:VerifyAtActivation"] = "false" });
        await AssertSameAsync(second, kpis, cases, spoiled: "live-1");

        // The auditor's verification reads the whole ledger, finds the entry, and closes the court: its work routes
        // answer 503 naming the entry, /health says degraded; the ledger stays readable for auditors.
        var auditor = second.ClientFor(TestUsers.Auditor);
        var (_, verified, _) = await auditor.GetJsonAsync("/api/audit/verify");
        Assert.False(verified.GetProperty("valid").GetBoolean());
        Assert.Equal(2, verified.GetProperty("courts")[0].GetProperty("first_invalid_seq").GetInt64());
        var (status, refused, _) = await second.ClientFor(TestUsers.Registrar).PostJsonAsync("/api/courts/live/cases", new { type = "simple_civil" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("live", refused.Str("court"));
        Assert.Equal(2, refused.GetProperty("first_invalid_seq").GetInt64());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await auditor.GetJsonAsync($"/api/cases/{cases.Keys.First()}")).Status);
        var (_, health, _) = await second.CreateClient().GetJsonAsync("/health");
        Assert.Equal("degraded", health.Str("status"));
        Assert.Equal(2, health.GetProperty("closed")[0].GetProperty("first_invalid_seq").GetInt64());
        using var export = await auditor.GetAsync("/api/courts/live/ledger?format=jsonl");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("spoiled", await export.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_saved_state_that_does_not_hold_is_set_aside_and_the_whole_ledger_replayed()
    {
        var (kpis, cases, _) = await RunFirstAsync();
        // The file cut short, as a disk could leave it: its seal no longer verifies.
        var file = new Docket.Server.Storage.SavedStateFiles(_data).PathOf("live");
        var bytes = await File.ReadAllBytesAsync(file);
        await File.WriteAllBytesAsync(file, bytes[..40]);
        await using var second = new DocketFactory(_data, s_saveOften);
        await AssertSameAsync(second, kpis, cases);
        Assert.True((await second.ClientFor(TestUsers.Auditor).GetJsonAsync("/api/audit/verify")).Body.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task A_state_saved_in_the_database_by_an_earlier_version_is_still_taken_up()
    {
        var (kpis, cases, savedSeq) = await RunFirstAsync();
        Assert.True(savedSeq >= 10, $"no state saved (at {savedSeq})");
        // As a version that kept saved states in the database left it: the state in court_state, no file.
        var files = new Docket.Server.Storage.SavedStateFiles(_data);
        var saved = (await files.ReadAsync("live"))!;
        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "docket.db")}"))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO court_state (court, seq, state, saved_at) VALUES ('live', $s, $b, '2026-01-01T00:00:00Z')";
            insert.Parameters.AddWithValue("$s", saved.Seq);
            insert.Parameters.AddWithValue("$b", saved.State);
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        }
        File.Delete(files.PathOf("live"));
        // Spoiled before the saved position: only a court that took the saved state answers as before.
        await ExecuteAsync("UPDATE ledger SET entry = 'spoiled' WHERE court = 'live' AND seq = 2");
        await using var second = new DocketFactory(_data, new Dictionary<string, string?>(s_saveOften) { ["Docket:Audit:VerifyAtActivation"] = "false" });
        await AssertSameAsync(second, kpis, cases, spoiled: "live-1");

        // The spoiled case is not served: its grain folds it from storage, finds its filing no longer what the court
        // verified, and closes the court.
        var (status, refused, _) = await second.ClientFor(TestUsers.President).GetJsonAsync("/api/cases/live-1");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("live-1", refused.Str("detail"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await second.ClientFor(TestUsers.President).GetJsonAsync("/api/courts/live/kpis")).Status);
    }

    [Fact]
    public async Task A_sealed_saved_state_that_differs_from_its_ledger_closes_the_court_naming_its_position()
    {
        // Saved at the ledger's last entry: with entries after it, the first of them could concern the case changed
        // below and not follow from it, and the court would set the state aside at once (and save a true one).
        var (_, _, savedSeq) = await RunFirstAsync(savedAtTheEnd: true);
        Assert.True(savedSeq >= 10, $"no state saved (at {savedSeq})");
        // As a bug in writing or reading saved states could leave it: one case in progress flagged, sealed with the
        // ledger key, at the same position and head. The court takes it up; its background verification finds it.
        var files = new SavedStateFiles(_data);
        var saved = (await files.ReadAsync("live"))!;
        using (var key = LedgerKey.FromPem(await File.ReadAllTextAsync(Path.Combine(_data, "ledger-key.pem")), "key"))
        {
            var state = LedgerKey.Unseal(key, "live", saved.Seq, saved.State)!;
            var at = state.AsSpan().LastIndexOf("\"Flagged\":false"u8);
            Assert.True(at >= 0, "no unflagged case in progress");
            "\"Flagged\":true "u8.CopyTo(state.AsSpan(at));
            await files.SaveAsync("live", saved.Seq, new ReadOnlySequence<byte>(LedgerKey.Seal(key, "live", saved.Seq, state)));
        }
        await using var second = new DocketFactory(_data, s_saveOften);

        var problem = $"the court's saved state at entry {saved.Seq} differs from the state its ledger makes there";
        var (_, verified, _) = await second.ClientFor(TestUsers.Auditor).GetJsonAsync("/api/audit/verify");
        // Seen once in a full run, not alone: the verification found the chain valid. What to look at if it comes again.
        Assert.False(verified.GetProperty("valid").GetBoolean(),
            $"the state tampered at entry {saved.Seq} was not found; the saved state now at entry {files.SeqOf("live")}; the verification: {verified.GetRawText()}");
        var court = verified.GetProperty("courts")[0];
        Assert.Equal(saved.Seq, court.GetProperty("first_invalid_seq").GetInt64());
        Assert.Equal(problem, court.Str("problem"));
        var (status, refused, _) = await second.ClientFor(TestUsers.Registrar).PostJsonAsync("/api/courts/live/cases", new { type = "simple_civil" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(saved.Seq, refused.GetProperty("first_invalid_seq").GetInt64());
        Assert.Contains(problem, refused.Str("detail"), StringComparison.Ordinal);
        var (_, health, _) = await second.CreateClient().GetJsonAsync("/health");
        Assert.Equal("degraded", health.Str("status"));
    }

    [Fact]
    public async Task A_saved_state_that_is_its_ledgers_state_passes_the_full_verification_saved_again_and_restarted()
    {
        var (kpis, cases, savedSeq) = await RunFirstAsync();
        Assert.True(savedSeq >= 10, $"no state saved (at {savedSeq})");
        var logs = new CapturedLogs();
        var logged = new Dictionary<string, string?>(s_saveOften) { ["Logging:LogLevel:Docket.Grains.LedgerCheckGrain"] = "Information" };
        long savedAgain;
        await using (var second = new DocketFactory(_data, logged, services => services.AddSingleton<ILoggerProvider>(logs)))
        {
            await AssertSameAsync(second, kpis, cases);
            Assert.True((await second.ClientFor(TestUsers.Auditor).GetJsonAsync("/api/audit/verify")).Body.GetProperty("valid").GetBoolean());
            Assert.Contains($"Court live: its saved state at entry {savedSeq} is the state its ledger makes there", logs.Messages);

            // The court restored from that state files on, after a watch, and saves again.
            var registrar = second.ClientFor(TestUsers.Registrar);
            savedAgain = savedSeq;
            for (var i = 0; i < 200 && savedAgain == savedSeq; i++)
            {
                if (i % 10 == 0)
                {
                    second.Clock.Advance(TimeSpan.FromHours(1));
                    Assert.Equal(HttpStatusCode.OK, (await second.ClientFor(TestUsers.Admin).PostJsonAsync("/api/courts/live/deadline-watch", null)).Status);
                }
                var filed = await registrar.FileAsync("simple_civil");
                if (filed.Str("status") == "pending" && filed.Str("team") == "civil-1")
                {
                    // Closed and archived: a save waits for as many entries as the court holds cases in progress.
                    foreach (var node in new[] { "served", "hearing_scheduled", "hearing", "judgment", "judgment_online", "archiving" })
                    {
                        Assert.Equal(HttpStatusCode.OK, (await second.ClientFor(TestUsers.JudgeCivil1).PostJsonAsync($"/api/cases/{filed.Str("id")}/events", new { node })).Status);
                    }
                }
                await Task.Delay(20);
                savedAgain = new SavedStateFiles(_data).SeqOf("live");
            }
            Assert.True(savedAgain > savedSeq, $"no state saved after {savedSeq} (the latest at {savedAgain})");
        }

        await using var third = new DocketFactory(_data, logged, services => services.AddSingleton<ILoggerProvider>(logs));
        Assert.True((await third.ClientFor(TestUsers.Auditor).GetJsonAsync("/api/audit/verify")).Body.GetProperty("valid").GetBoolean());
        Assert.Contains($"Court live: its saved state at entry {savedAgain} is the state its ledger makes there", logs.Messages);
        Assert.Equal(HttpStatusCode.Created, (await third.ClientFor(TestUsers.Registrar).PostJsonAsync("/api/courts/live/cases", new { type = "simple_civil" })).Status);
    }

    [Fact]
    public async Task A_court_idle_for_the_set_time_saves_its_state_at_its_last_entry()
    {
        // Three entries after genesis: far below SaveStateEvery (50,000 by default), so only the idle save writes one.
        await using var server = new DocketFactory(_data, new Dictionary<string, string?> { ["Docket:Courts:SaveWhenIdleSeconds"] = "1" });
        var registrar = server.ClientFor(TestUsers.Registrar);
        for (var i = 0; i < 3; i++)
        {
            await registrar.FileAsync("simple_civil", key: $"idle-{i}");
        }
        using var export = await server.ClientFor(TestUsers.Auditor).GetAsync("/api/courts/live/ledger?format=jsonl");
        var last = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.True(last >= 4, $"{last} entries");
        long saved = 0;
        for (var wait = 0; wait < 100 && saved < last; wait++)
        {
            saved = new SavedStateFiles(_data).SeqOf("live");
            await Task.Delay(100);
        }
        Assert.Equal(last, saved);
    }

    /// <summary>
    /// Files and finishes cases on a first server; returns its KPIs, some cases as read, and the position of its saved
    /// state, read once the server has stopped (a save may be under way when the wait for one ends).
    /// </summary>
    private async Task<(string Kpis, Dictionary<string, string> Cases, long SavedSeq)> RunFirstAsync(bool savedAtTheEnd = false)
    {
        var (kpis, cases) = await FileAndWaitForASaveAsync(savedAtTheEnd);
        return (kpis, cases, new Docket.Server.Storage.SavedStateFiles(_data).SeqOf("live"));
    }

    private async Task<(string Kpis, Dictionary<string, string> Cases)> FileAndWaitForASaveAsync(bool savedAtTheEnd = false)
    {
        await using var first = new DocketFactory(_data, savedAtTheEnd
            ? new Dictionary<string, string?>(s_saveOften) { ["Docket:Courts:SaveWhenIdleSeconds"] = "1" }
            : s_saveOften);
        var registrar = first.ClientFor(TestUsers.Registrar);
        var ids = new List<string>();
        for (var i = 0; i < 24; i++)
        {
            var filed = await registrar.FileAsync(i % 4 == 0 ? "criminal" : "simple_civil", key: $"saved-{i}");
            ids.Add(filed.Str("id"));
            if (filed.Str("status") == "pending" && filed.Str("team") == "civil-1" && i % 2 == 1)
            {
                var judge = first.ClientFor(TestUsers.JudgeCivil1);
                foreach (var node in new[] { "served", "hearing_scheduled", "hearing", "judgment", "judgment_online", "archiving" })
                {
                    Assert.Equal(HttpStatusCode.OK, (await judge.PostJsonAsync($"/api/cases/{filed.Str("id")}/events", new { node })).Status);
                }
            }
        }
        var president = first.ClientFor(TestUsers.President);
        var cases = new Dictionary<string, string>();
        foreach (var id in ids)
        {
            cases[id] = (await president.GetJsonAsync($"/api/cases/{id}")).Body.GetRawText();
        }
        var kpis = (await president.GetJsonAsync("/api/courts/live/kpis")).Body.GetRawText();
        long saved = 0;
        for (var wait = 0; wait < 50 && saved < 10; wait++)
        {
            saved = new Docket.Server.Storage.SavedStateFiles(_data).SeqOf("live");
            await Task.Delay(100);
        }
        if (savedAtTheEnd)
        {
            // The court saves once idle for a second: wait for the save at its last entry.
            using var export = await first.ClientFor(TestUsers.Auditor).GetAsync("/api/courts/live/ledger?format=jsonl");
            var last = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
            for (var wait = 0; wait < 100 && saved < last; wait++)
            {
                await Task.Delay(100);
                saved = new Docket.Server.Storage.SavedStateFiles(_data).SeqOf("live");
            }
            Assert.True(saved >= last, $"the state was saved at entry {saved}, the ledger's last is {last}");
        }
        return (kpis, cases);
    }

    /// <param name="spoiled">A case whose entry was changed in storage, not read (its grain would refuse it).</param>
    private static async Task AssertSameAsync(DocketFactory factory, string kpis, Dictionary<string, string> cases, string? spoiled = null)
    {
        var president = factory.ClientFor(TestUsers.President);
        foreach (var (id, record) in cases.Where(c => c.Key != spoiled))
        {
            Assert.Equal(record, (await president.GetJsonAsync($"/api/cases/{id}")).Body.GetRawText());
        }
        Assert.Equal(kpis, (await president.GetJsonAsync("/api/courts/live/kpis")).Body.GetRawText());
        var again = await factory.ClientFor(TestUsers.Registrar).FileAsync("simple_civil", key: "saved-1");
        Assert.True(again.GetProperty("replayed").GetBoolean());
        var next = await factory.ClientFor(TestUsers.Registrar).FileAsync("simple_civil");
        Assert.Equal($"live-{cases.Count + 1}", next.Str("id"));
    }

    private async Task ExecuteAsync(string sql)
    {
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "docket.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.True(await command.ExecuteNonQueryAsync() > 0, sql);
    }
}
