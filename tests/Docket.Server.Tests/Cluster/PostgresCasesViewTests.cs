using System.Net;
using System.Text.Json;

namespace Docket.Server.Tests.Cluster;

/// <summary>
/// The SQL view <c>docket.cases</c>, derived from the ledger alone, says of every case what the API says of it:
/// waiting, assigned, designated elsewhere, flagged, closed, and the version of its last entry (a new party code too).
/// </summary>
public sealed class PostgresCasesViewTests : IAsyncLifetime, IUsesClusterStores
{
    private static readonly string[] s_nodes = ["served", "hearing_scheduled", "hearing", "judgment", "judgment_online", "archiving"];
    private PostgresDatabase? _database;

    public async Task InitializeAsync() => _database = await PostgresDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Every_case_reads_in_the_view_as_the_api_reads_it()
    {
        await using var factory = new DocketFactory(settings: PostgresApiFixture.PostgresSettings(_database!));
        var registrar = factory.ClientFor(TestUsers.Registrar);
        var president = factory.ClientFor(TestUsers.President);
        var ids = new List<string>();
        string? closed = null;
        string? moved = null;
        // Filed until one case has closed and another was moved (both need a draw onto a civil team), at least 16.
        for (var i = 0; i < 80 && (i < 16 || closed is null || moved is null); i++)
        {
            var body = await registrar.FileAsync(i % 3 == 0 ? "criminal" : "simple_civil", flagged: i % 4 == 1);
            var id = body.Str("id");
            ids.Add(id);
            var judge = body.GetProperty("team").GetString() switch { "civil-1" => TestUsers.JudgeCivil1, "civil-2" => TestUsers.JudgeCivil2, _ => null };
            if (closed is null && judge is not null)
            {
                foreach (var node in s_nodes)
                {
                    var (status, answer, _) = await factory.ClientFor(judge).PostJsonAsync($"/api/cases/{id}/events", new { node });
                    Assert.True(status == HttpStatusCode.OK, $"{id} {node}: {status} {answer}");
                }
                closed = id;
            }
            else if (moved is null && body.GetProperty("team").GetString() is { } team && team.StartsWith("civil-", StringComparison.Ordinal)
                && !body.GetProperty("designated").GetBoolean())
            {
                moved = id;
                var target = team == "civil-3" ? "civil-2" : "civil-3";
                Assert.Equal(HttpStatusCode.OK, (await president.PostJsonAsync($"/api/cases/{id}/designate", new { team = target, reason = "conflict of interest" })).Status);
            }
        }
        Assert.NotNull(closed);
        Assert.NotNull(moved);
        // A new party code changes the case too: its version is that entry's. Not the closed case's (its party keeps its
        // code: 409), which is the last filed when the closure came last.
        var recoded = ids.Last(id => id != closed);
        Assert.Equal(HttpStatusCode.OK, (await registrar.PostJsonAsync($"/api/cases/{recoded}/party-code", new { })).Status);

        foreach (var id in ids)
        {
            var (status, body, _) = await president.GetJsonAsync($"/api/cases/{id}");
            Assert.Equal(HttpStatusCode.OK, status);
            var api = body.GetProperty("case");
            var text = (string?)await _database!.ScalarAsync("SELECT row_to_json(c)::text FROM docket.cases c WHERE case_id = $1", id);
            Assert.True(text is not null, $"{id} is not in docket.cases");
            var row = JsonDocument.Parse(text).RootElement;
            foreach (var field in new[] { "court", "type", "status", "team", "judge", "policy", "risk" })
            {
                Assert.True(Text(api, field) == Text(row, field), $"{id} {field}: api {Text(api, field)}, view {Text(row, field)}");
            }
            Assert.Equal(api.GetProperty("number").GetInt64(), row.GetProperty("number").GetInt64());
            Assert.Equal(api.GetProperty("flagged").GetBoolean(), row.GetProperty("flagged").GetBoolean());
            Assert.Equal(api.GetProperty("designated").GetBoolean(), row.GetProperty("designated").GetBoolean());
            Assert.Equal(api.GetProperty("version").GetInt64(), row.GetProperty("ledger_version").GetInt64());
            Assert.Equal(Time(api, "filed_at"), Time(row, "filed_at"));
            Assert.Equal(Time(api, "closed_at"), Time(row, "closed_at"));
        }
        Assert.Equal(ids.Count, Convert.ToInt64(await _database!.ScalarAsync("SELECT count(*) FROM docket.cases"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("closed", await _database.ScalarAsync("SELECT status FROM docket.cases WHERE case_id = $1", closed!));
        Assert.Equal("designated", await _database.ScalarAsync("SELECT policy FROM docket.cases WHERE case_id = $1 AND designated", moved!));
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.GetString() : null;

    private static DateTimeOffset? Time(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.GetDateTimeOffset() : null;
}
