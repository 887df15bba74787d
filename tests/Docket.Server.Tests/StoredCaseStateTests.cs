using System.Text.Json;
using Docket.Domain.Courts;
using Docket.Domain.Supervision;
using Docket.Grains.Live;
using Docket.Server.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Docket.Server.Tests;

/// <summary>
/// A case grain's state as grain storage holds it: the <c>payload</c> column (Orleans' serializer, as the SQLite and
/// PostgreSQL storage write it) and the <c>state</c> JSON column that the view <c>docket.cases</c> reads.
/// </summary>
public sealed class StoredCaseStateTests
{
    /// <summary>
    /// A <see cref="LiveCaseState"/> holding a pending case with major risk, as the storage serializer wrote it while
    /// <see cref="CourtCase.Status"/> and <see cref="CourtCase.Risk"/> were strings (commit bc3ba88, Orleans 10.4.2).
    /// </summary>
    private const string StoredBeforeEnums =
        "ICDoQBdiYXNpYy0yL2MxN0EPYmFzaWMtMgFFQQtjaXZpbAEDQQttYWpvciGAANyKRj543giBAAAAAAAAAADgAaVBD3BlbmRpbmdBDXRlYW0tM0ETdGVhbS0zL2oyQRVkZXNpZ25hdGVkAQMhgACsEwpPeN4IgQAAAAAAAAAA4AGpwQEBCSEABSHoQA1maWxpbmchgADkYC9oeN4IgQAAAAAAAAAA4OAg6EAPaGVhcmluZyGAABzIxZl63giBAAAAAAAAAADg4OAhAAMh6EARYWNjZXB0ZWQhgAAU2GtXeN4IgQAAAAAAAAAA4ODgIYAA3DHwYnveCIEAAAAAAAAAAOABBQHlIQAFIehACWNhc2VBDXllbGxvdyGAAFzvPtGP3giBAAAAAAAAAADgIYAAnN5q44veCIEAAAAAAAAAAOAB3eAg6MBBQQdyZWQhgABcrO4ZgN4IgQAAAAAAAAAA4CGAABwWGeOA3giBAAAAAAAAAADgAeHg4IEAAAAAAIA+QAEFIYAAeDHZSnjeCIEAAAAAAAAAAODg4A==";

    private static readonly OrleansGrainStorageSerializer s_storage = new(new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(LiveCaseState).Assembly)).BuildServiceProvider().GetRequiredService<Serializer>());

    private static LiveCaseState Stored() =>
        s_storage.Deserialize<LiveCaseState>(new BinaryData(Convert.FromBase64String(StoredBeforeEnums))) ?? throw new InvalidOperationException("no state");

    [Fact]
    public void A_case_state_stored_while_status_and_risk_were_strings_reads_as_the_same_case()
    {
        var state = Stored();
        var c = state.Case!;
        Assert.Equal(("basic-2/c17", 17L, "civil", true), (c.Id, c.Number, c.Type, c.Flagged));
        Assert.Equal(CourtCaseStatus.Pending, c.Status);
        Assert.Equal(RiskLevel.Major, c.Risk);
        Assert.Equal(("team-3", "team-3/j2", "designated", true), (c.Team, c.Judge, c.Policy, c.Designated));
        Assert.Equal((41L, 42L, 57L), (c.FilingSeq, c.AssignmentSeq, c.Version));
        Assert.Equal(["filing", "hearing"], c.Stages.Select(s => s.Node));
        Assert.Equal(["accepted"], c.Nodes.Select(n => n.Node));
        Assert.Equal([("case", "yellow", 55L), ("hearing", "red", 56L)], c.Warnings.Select(w => (w.Subject, w.Level, w.Seq)));
        Assert.Equal((30.5, 1, 1), (c.ExtendedDays, c.Extensions, c.Unlocks));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 11, 0, 0, TimeSpan.Zero), c.EscalatedAt);
        Assert.Null(c.ClosedAt);

        // Written again, it is the same bytes: a store read by an older version stays readable.
        Assert.Equal(StoredBeforeEnums, Convert.ToBase64String(s_storage.Serialize(state).ToArray()));
    }

    [Fact]
    public void The_state_column_spells_status_and_risk_as_the_docket_cases_view_reads_them()
    {
        var state = Stored();
        var json = JsonDocument.Parse(PostgresGrainStorage.Report(state)!).RootElement.GetProperty("case");
        Assert.Equal("pending", json.GetProperty("status").GetString());
        Assert.Equal("major", json.GetProperty("risk").GetString());
        // The other fields docket.cases reads (PostgresSchema), under the names it reads them by.
        Assert.Equal("basic-2", json.GetProperty("court").GetString());
        Assert.Equal(17, json.GetProperty("number").GetInt64());
        Assert.Equal("civil", json.GetProperty("type").GetString());
        Assert.Equal("team-3", json.GetProperty("team").GetString());
        Assert.Equal("team-3/j2", json.GetProperty("judge").GetString());
        Assert.Equal("designated", json.GetProperty("policy").GetString());
        Assert.True(json.GetProperty("designated").GetBoolean());
        Assert.True(json.GetProperty("flagged").GetBoolean());
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero), json.GetProperty("filed_at").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("closed_at").ValueKind);
        Assert.Equal(57, json.GetProperty("version").GetInt64());
    }
}
