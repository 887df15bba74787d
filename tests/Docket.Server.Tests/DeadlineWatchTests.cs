using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Docket.Server.Tests;

/// <summary>
/// The court's deadline watcher: warnings pushed once each when the clock passes a level, recorded in the ledger
/// (verifiable), in the case and in the court's list, counted in the metrics, and kept without duplicates across a
/// restart; and the president's time-limit extension, which moves the limit and its warnings.
/// </summary>
public sealed class DeadlineWatchTests : IAsyncLifetime
{
    private const string Watch = "/api/courts/live/deadline-watch";
    private const string Warnings = "/api/courts/live/warnings";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "docket-watch-" + Guid.NewGuid().ToString("N"));

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
    public async Task Each_warning_is_issued_once_recorded_in_case_court_and_ledger_and_kept_without_duplicates_after_a_restart()
    {
        string id;
        long[] firstSeqs;
        await using (var first = new DocketFactory(_data))
        {
            id = await FileOnACivilTeamAsync(first);
            var admin = first.ClientFor(TestUsers.Admin);
            Assert.Empty(OfCase(await PostAsync(admin, Watch), id));

            // Day 8: hearing_scheduled (7 days, important) is overdue: judge, division head, president, and the lock.
            first.Clock.Advance(TimeSpan.FromDays(8));
            var issued = OfCase(await PostAsync(admin, Watch), id);
            Assert.Equal(["judge", "division_head", "president", "locked"], issued.Select(Level));
            Assert.All(issued, w => Assert.Equal("hearing_scheduled", w.GetProperty("warning").Str("subject")));
            Assert.Empty(OfCase(await PostAsync(admin, Watch), id));

            var president = first.ClientFor(TestUsers.President);
            var (_, read, _) = await president.GetJsonAsync($"/api/cases/{id}");
            Assert.True(read.GetProperty("locked").GetBoolean());
            Assert.True(read.GetProperty("case").GetProperty("warnings").GetArrayLength() == 4, read.ToString());
            Assert.Equal(4, OfCase(await GetAsync(first.ClientFor(TestUsers.HeadCivil), Warnings), id).Count);
            Assert.Empty(OfCase(await GetAsync(first.ClientFor(TestUsers.HeadCriminal), Warnings), id));
            Assert.Single(OfCase(await GetAsync(president, Warnings + "?level=locked"), id));
            var (bad, problem, _) = await president.GetJsonAsync(Warnings + "?level=amber");
            Assert.Equal(HttpStatusCode.BadRequest, bad);
            Assert.True(problem.GetProperty("errors").TryGetProperty("level", out _));
            firstSeqs = [.. OfCase(await GetAsync(president, Warnings), id).Select(w => w.GetProperty("warning").GetProperty("seq").GetInt64())];

            var metrics = await MetricsAsync(first, "docket_locks_total{");
            Assert.Contains(metrics, l => l.StartsWith("docket_deadline_warnings_total{", StringComparison.Ordinal) && l.Contains("level=\"president\"", StringComparison.Ordinal));
            Assert.Contains(metrics, l => l.StartsWith("docket_locks_total{", StringComparison.Ordinal) && l.Contains("court=\"live\"", StringComparison.Ordinal));
        }

        await using var second = new DocketFactory(_data);
        second.Clock.Advance(TimeSpan.FromDays(8));
        var auditor = second.ClientFor(TestUsers.Auditor);
        var again = second.ClientFor(TestUsers.Admin);
        var president2 = second.ClientFor(TestUsers.President);
        // The court re-armed its watcher from the ledger at start: the same warnings, none issued twice.
        Assert.Equal(firstSeqs, OfCase(await GetAsync(president2, Warnings), id).Select(w => w.GetProperty("warning").GetProperty("seq").GetInt64()));
        Assert.Empty(OfCase(await PostAsync(again, Watch), id));
        Assert.Equal(4, (await president2.GetJsonAsync($"/api/cases/{id}")).Body.GetProperty("case").GetProperty("warnings").GetArrayLength());

        // Day 14.5: 'served' (15 days) reaches the judge and the division head; hearing_scheduled, a week overdue,
        // is referred to the discipline office (the red card).
        second.Clock.Advance(TimeSpan.FromDays(6.5));
        var later = OfCase(await PostAsync(again, Watch), id).Select(w => $"{w.GetProperty("warning").Str("subject")}:{Level(w)}");
        Assert.Equal(["served:judge", "served:division_head", "hearing_scheduled:discipline"], later);

        var (_, verify, _) = await auditor.GetJsonAsync("/api/audit/verify");
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
    }

    [Fact]
    public async Task The_president_extends_the_limit_once_its_warning_has_come_and_the_warnings_follow_the_new_limit()
    {
        await using var factory = new DocketFactory();
        var filed = await factory.ClientFor(TestUsers.Registrar).FileAsync("simple_civil");
        var id = filed.Str("id");
        var limit = filed.GetProperty("case").GetProperty("limit_at").GetDateTimeOffset();
        var president = factory.ClientFor(TestUsers.President);
        var admin = factory.ClientFor(TestUsers.Admin);
        var path = $"/api/cases/{id}/extensions";

        // Before the limit's warning (a month before): refused, nothing recorded.
        var (early, earlyProblem, _) = await president.PostJsonAsync(path, new { days = 30, reason = "expert report pending" });
        Assert.Equal(HttpStatusCode.Conflict, early);
        Assert.Contains("warning", earlyProblem.Str("detail"));

        factory.Clock.Advance(TimeSpan.FromDays(61));
        Assert.Contains(OfCase(await PostAsync(admin, Watch), id), w => Level(w) == "limit_warning");
        foreach (var (body, field) in new (object, string)[]
        {
            (new { days = 31, reason = "too long" }, "days"),
            (new { days = 0, reason = "nothing" }, "days"),
            (new { reason = "no days" }, "days"),
            (new { days = 10, reason = " " }, "reason"),
        })
        {
            var (status, problem, _) = await president.PostJsonAsync(path, body);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await president.PostJsonAsync(path, "{\"days\":")).Status);
        var unchanged = (await president.GetJsonAsync($"/api/cases/{id}")).Body;
        Assert.Equal(0, unchanged.GetProperty("case").GetProperty("extensions").GetInt32());
        Assert.Equal(limit, unchanged.GetProperty("limit_at").GetDateTimeOffset());

        var (ok, extended, _) = await president.PostJsonAsync(path, new { days = 30, reason = "expert report pending" });
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(limit.AddDays(30), extended.GetProperty("case").GetProperty("limit_at").GetDateTimeOffset());
        Assert.Equal("extension", extended.GetProperty("entries")[0].Str("kind"));
        // One extension of one case filed: the balance index's time-limit change rate is 1.
        var kpis = (await president.GetJsonAsync("/api/courts/live/kpis")).Body;
        Assert.Equal(1.0, kpis.GetProperty("balance").GetProperty("time_limit_change_rate").GetDouble());
        // The new limit's warning is a month away again: a second extension now is refused.
        Assert.Equal(HttpStatusCode.Conflict, (await president.PostJsonAsync(path, new { days = 10, reason = "again" })).Status);

        // Past the old limit nothing is overdue; at the new limit's warning it warns again, for the new limit.
        factory.Clock.Advance(TimeSpan.FromDays(30));
        var warned = OfCase(await PostAsync(admin, Watch), id).Where(w => w.GetProperty("warning").Str("subject") == "time_limit").ToList();
        Assert.Equal(["limit_warning"], warned.Select(Level));
        Assert.Equal(limit.AddDays(30), warned[0].GetProperty("warning").GetProperty("due").GetDateTimeOffset());
        var (_, verify, _) = await factory.ClientFor(TestUsers.Auditor).GetJsonAsync("/api/audit/verify");
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
    }

    /// <summary>A civil case on a team of the civil division (the lead team is another division).</summary>
    [Fact]
    public async Task The_reminder_pushes_due_warnings_without_anyone_asking()
    {
        // The watcher on its real reminder (the shortest period, a minute), never called through the admin route.
        await using var factory = new DocketFactory(settings: new Dictionary<string, string?> { ["Docket:Deadlines:WatchMinutes"] = "1" });
        var id = await FileOnACivilTeamAsync(factory);
        var president = factory.ClientFor(TestUsers.President);
        Assert.Empty(OfCase(await GetAsync(president, Warnings), id));

        factory.Clock.Advance(TimeSpan.FromDays(8));
        List<JsonElement> pushed = [];
        for (var waited = 0; waited < 150 && pushed.Count < 4; waited++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            pushed = OfCase(await GetAsync(president, Warnings), id);
        }
        Assert.Equal(["judge", "division_head", "president", "locked"], pushed.Select(Level));
    }

    private static async Task<string> FileOnACivilTeamAsync(DocketFactory factory)
    {
        var registrar = factory.ClientFor(TestUsers.Registrar);
        for (var i = 0; i < 60; i++)
        {
            var filed = await registrar.FileAsync("simple_civil");
            if (filed.Str("team").StartsWith("civil-", StringComparison.Ordinal))
            {
                return filed.Str("id");
            }
        }
        throw new InvalidOperationException("no case reached a civil team");
    }

    private static string Level(JsonElement w) => w.GetProperty("warning").Str("level");

    private static List<JsonElement> OfCase(JsonElement response, string id) =>
        [.. response.GetProperty("warnings").EnumerateArray().Where(w => w.Str("case") == id)];

    private static async Task<JsonElement> PostAsync(HttpClient client, string path)
    {
        var (status, body, _) = await client.PostJsonAsync(path, null);
        Assert.True(status == HttpStatusCode.OK, $"{path} answered {status}: {body}");
        return body;
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        var (status, body, _) = await client.GetJsonAsync(path);
        Assert.True(status == HttpStatusCode.OK, $"{path} answered {status}: {body}");
        return body;
    }

    private static async Task<List<string>> MetricsAsync(DocketFactory factory, string waitFor)
    {
        var text = "";
        for (var i = 0; i < 50 && !text.Contains(waitFor, StringComparison.Ordinal); i++)
        {
            text = await factory.CreateClient().GetStringAsync(new Uri("/metrics", UriKind.Relative));
            await Task.Delay(200);
        }
        return [.. text.Split('\n')];
    }
}
