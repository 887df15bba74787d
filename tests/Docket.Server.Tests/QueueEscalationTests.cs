using System.Net;
using System.Text.Json;

namespace Docket.Server.Tests;

/// <summary>
/// Close-one-get-one's queue in the live service: a higher-priority type is pulled first, and a case that has waited
/// the pool's escalate_after_days is escalated above it by the deadline watcher (recorded in the ledger), as in the
/// simulator.
/// </summary>
public sealed class QueueEscalationTests
{
    [Fact]
    public async Task A_case_waiting_past_the_threshold_is_escalated_and_pulled_before_a_higher_priority_case()
    {
        await using var factory = new DocketFactory();
        var registrar = factory.ClientFor(TestUsers.Registrar);
        var president = factory.ClientFor(TestUsers.President);
        var held = new[] { await registrar.FileAsync("criminal"), await registrar.FileAsync("criminal") };
        Assert.All(held, h => Assert.Equal("pending", h.Str("status")));
        var old = await registrar.FileAsync("criminal");
        Assert.Equal("waiting", old.Str("status"));

        factory.Clock.Advance(TimeSpan.FromDays(29));
        var review = await registrar.FileAsync("detention_review");
        Assert.Equal("waiting", review.Str("status"));
        var before = await QueueAsync(president);
        Assert.Equal([review.Str("id"), old.Str("id")], before.Select(q => q.Str("case")));
        Assert.Equal(old.GetProperty("case").GetProperty("case").GetProperty("filed_at").GetDateTimeOffset().AddDays(30),
            before[1].GetProperty("escalates_at").GetDateTimeOffset());
        // The court's KPIs count both waiting and give their ages as the queue does: 29 days and 0, mean 14.5.
        await AssertWaitingAsync(president, waiting: 2, max: 29, mean: 14.5);

        // Past the 30 days, with no command in between, the deadline watch escalates it.
        factory.Clock.Advance(TimeSpan.FromDays(2));
        var (watched, _, _) = await factory.ClientFor(TestUsers.Admin).PostJsonAsync("/api/courts/live/deadline-watch", null);
        Assert.Equal(HttpStatusCode.OK, watched);
        var after = await QueueAsync(president);
        Assert.Equal([old.Str("id"), review.Str("id")], after.Select(q => q.Str("case")));
        Assert.Equal(JsonValueKind.String, after[0].GetProperty("escalated_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, after[1].GetProperty("escalated_at").ValueKind);

        // The team that closes its case pulls the escalated one.
        var first = held[0];
        var judge = factory.ClientFor(first.Str("team") == "criminal-1" ? TestUsers.JudgeCriminal1 : TestUsers.JudgeCriminal2);
        foreach (var stage in new[] { "preparation", "hearing", "judgment" })
        {
            var (status, body, _) = await judge.PostJsonAsync($"/api/cases/{first.Str("id")}/events", new { node = stage });
            Assert.True(status == HttpStatusCode.OK, body.ToString());
        }
        var pulled = (await president.GetJsonAsync($"/api/cases/{old.Str("id")}")).Body.GetProperty("case");
        Assert.Equal("pending", pulled.Str("status"));
        Assert.Equal(first.Str("team"), pulled.Str("team"));
        Assert.Equal([review.Str("id")], (await QueueAsync(president)).Select(q => q.Str("case")));
        await AssertWaitingAsync(president, waiting: 1, max: 2, mean: 2);

        var (_, entries, _) = await factory.ClientFor(TestUsers.Auditor).GetJsonAsync("/api/audit/assignments?court=live&kind=all");
        Assert.Contains(entries.GetProperty("entries").EnumerateArray(), e => e.Str("kind") == "escalate" && e.Str("case_id") == old.Str("id"));
        var (_, verify, _) = await factory.ClientFor(TestUsers.Auditor).GetJsonAsync("/api/audit/verify");
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
    }

    [Fact]
    public async Task A_filing_after_a_waiting_cases_escalation_fell_due_escalates_it_first()
    {
        await using var factory = new DocketFactory();
        var registrar = factory.ClientFor(TestUsers.Registrar);
        var president = factory.ClientFor(TestUsers.President);
        await registrar.FileAsync("criminal");
        await registrar.FileAsync("criminal");
        var old = await registrar.FileAsync("criminal");
        Assert.Equal("waiting", old.Str("status"));

        // No deadline watch runs: the filing itself appends the escalation that fell due before it.
        factory.Clock.Advance(TimeSpan.FromDays(31));
        var review = await registrar.FileAsync("detention_review");
        var queue = await QueueAsync(president);
        Assert.Equal([old.Str("id"), review.Str("id")], queue.Select(q => q.Str("case")));
        Assert.Equal(JsonValueKind.String, queue[0].GetProperty("escalated_at").ValueKind);
        var (_, verify, _) = await factory.ClientFor(TestUsers.Auditor).GetJsonAsync("/api/audit/verify");
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
    }

    private static async Task AssertWaitingAsync(HttpClient president, long waiting, double max, double mean)
    {
        var (status, kpis, _) = await president.GetJsonAsync("/api/courts/live/kpis");
        Assert.True(status == HttpStatusCode.OK, kpis.ToString());
        Assert.Equal(waiting, kpis.GetProperty("waiting").GetInt64());
        var ages = kpis.GetProperty("waiting_age_days");
        Assert.Equal(max, ages.GetProperty("max").GetDouble(), 9);
        Assert.Equal(mean, ages.GetProperty("mean").GetDouble(), 9);
    }

    private static async Task<List<JsonElement>> QueueAsync(HttpClient client)
    {
        var (status, body, _) = await client.GetJsonAsync("/api/courts/live/queue");
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return [.. body.GetProperty("waiting").EnumerateArray()];
    }
}
