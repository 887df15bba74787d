using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using Docket.Domain.Randomness;
using Microsoft.Data.Sqlite;

namespace Docket.Server.Tests;

/// <summary>
/// The assignment ledger in SQLite (PostgreSQL in <see cref="Cluster.PostgresLedgerTests"/>): verification re-computes every hash, link and draw and finds a tampered
/// entry; a revealed seed lets anyone re-make a draw by hand with <see cref="RandomStream"/>.
/// </summary>
public class LedgerTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "docket-ledger-" + Guid.NewGuid().ToString("N"));
    private DocketFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = await CreateFactoryAsync();
        _factory.CreateClient().Dispose();
    }

    public virtual async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    protected virtual Task<DocketFactory> CreateFactoryAsync() => Task.FromResult(new DocketFactory(_data));

    [Fact]
    public async Task Verification_finds_a_tampered_entry_whether_or_not_its_hash_was_recomputed()
    {
        var registrar = _factory.ClientFor(TestUsers.Registrar);
        var auditor = _factory.ClientFor(TestUsers.Auditor);
        var filed = new List<JsonElement>();
        for (var i = 0; i < 12; i++)
        {
            filed.Add(await registrar.FileAsync(i % 3 == 0 ? "criminal" : "simple_civil"));
        }
        var (ok, valid, _) = await auditor.GetJsonAsync("/api/audit/verify");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.True(valid.GetProperty("valid").GetBoolean(), valid.ToString());
        Assert.True(valid.GetProperty("courts")[0].GetProperty("draws_checked").GetInt64() >= 10);

        // Someone with access to the database moves a case to another team. The draws follow the court's secret, new
        // for each test: a civil case may go to the leader's team, so more are filed until one is drawn to a civil team.
        static bool Movable(JsonElement f) => f.Str("status") == "pending" && f.Str("team").StartsWith("civil-", StringComparison.Ordinal);
        for (var more = 0; !filed.Any(Movable) && more < 40; more++)
        {
            filed.Add(await registrar.FileAsync("simple_civil"));
        }
        var target = filed.First(Movable);
        var seq = target.GetProperty("assignment").GetProperty("seq").GetInt64();
        var json = await ReadEntryAsync(seq);
        var team = target.Str("team");
        var other = team == "civil-1" ? "civil-2" : "civil-1";
        var forged = json.Replace($"\"team\":\"{team}\"", $"\"team\":\"{other}\"", StringComparison.Ordinal);
        Assert.NotEqual(json, forged);

        await WriteEntryAsync(seq, forged, rehash: false);
        var (_, tampered, _) = await auditor.GetJsonAsync("/api/audit/verify");
        Assert.False(tampered.GetProperty("valid").GetBoolean());
        var court = tampered.GetProperty("courts")[0];
        Assert.Equal(seq, court.GetProperty("first_invalid_seq").GetInt64());
        Assert.Contains("hash", court.Str("problem"));

        // Re-hashing the forged entry does not help: the draw re-made with the court's seed says otherwise.
        await WriteEntryAsync(seq, forged, rehash: true);
        var (_, rehashed, _) = await auditor.GetJsonAsync("/api/audit/verify");
        var court2 = rehashed.GetProperty("courts")[0];
        Assert.False(court2.GetProperty("valid").GetBoolean());
        Assert.Equal(seq, court2.GetProperty("first_invalid_seq").GetInt64());
        Assert.Contains("draw", court2.Str("problem"));

        await WriteEntryAsync(seq, json, rehash: true);
        Assert.True((await auditor.GetJsonAsync("/api/audit/verify")).Body.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Once_the_seed_is_revealed_anyone_can_re_make_a_draw_with_RandomStream()
    {
        var registrar = _factory.ClientFor(TestUsers.Registrar);
        var filed = new List<JsonElement>();
        for (var i = 0; i < 8; i++)
        {
            filed.Add(await registrar.FileAsync("simple_civil"));
        }
        var admin = _factory.ClientFor(TestUsers.Admin);
        var (status, commitments, _) = await admin.PostJsonAsync("/api/audit/courts/live/rotate-seed", null);
        Assert.Equal(HttpStatusCode.OK, status);
        var first = commitments.EnumerateArray().First(c => c.GetProperty("epoch").GetInt32() == 1);
        var secret = first.Str("revealed_secret");
        Assert.Equal(first.Str("commitment"), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Convert.FromHexString(secret))));

        var seed = BinaryPrimitives.ReadUInt64LittleEndian(Convert.FromHexString(secret).AsSpan(0, 8));
        foreach (var f in filed)
        {
            var entry = f.GetProperty("assignment").GetProperty("entry");
            var draw = entry.GetProperty("draw");
            Assert.Equal("uniform", draw.Str("method"));
            var eligible = entry.GetProperty("eligible").EnumerateArray().Select(e => e.GetString()!).ToArray();
            var stream = new RandomStream(seed, ulong.Parse(draw.Str("entity"), System.Globalization.CultureInfo.InvariantCulture), (ulong)draw.GetProperty("purpose").GetInt64());
            Assert.Equal(entry.Str("team"), eligible[stream.Next(eligible.Length)]);
        }

        // The new epoch is committed and used; the ledger still verifies.
        var second = commitments.EnumerateArray().Single(c => c.GetProperty("epoch").GetInt32() == 2);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("revealed_secret").ValueKind);
        var later = await registrar.FileAsync("simple_civil");
        Assert.Equal(second.Str("commitment"), later.GetProperty("assignment").GetProperty("entry").GetProperty("draw").Str("commitment"));
        Assert.True((await _factory.ClientFor(TestUsers.Auditor).GetJsonAsync("/api/audit/verify")).Body.GetProperty("valid").GetBoolean());
    }

    protected virtual async Task<string> ReadEntryAsync(long seq)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "docket.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT entry FROM ledger WHERE court = 'live' AND seq = $s";
        command.Parameters.AddWithValue("$s", seq);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    protected virtual async Task WriteEntryAsync(long seq, string json, bool rehash)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "docket.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = rehash
            ? "UPDATE ledger SET entry = $e, hash = $h WHERE court = 'live' AND seq = $s"
            : "UPDATE ledger SET entry = $e WHERE court = 'live' AND seq = $s";
        command.Parameters.AddWithValue("$e", json);
        command.Parameters.AddWithValue("$s", seq);
        command.Parameters.AddWithValue("$h", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json))));
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
