using System.Net;
using System.Text.Json;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Server.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Server.Tests;

/// <summary>
/// What an attacker with write access to the SQLite database can do to a ledger, each variant tried on a copy of one
/// service's data directory and verified offline (as <c>docket ledger verify</c> does) against the witness's signed
/// checkpoints: every variant fails, naming the first entry that disagrees. A restarted service fails closed on the
/// rewritten chain and on the cut tail.
/// </summary>
public sealed class LedgerTamperTests : IClassFixture<LedgerTamperTests.TamperFixture>
{
    private readonly TamperFixture _fixture;

    public LedgerTamperTests(TamperFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task The_untouched_ledger_verifies_through_every_signed_checkpoint()
    {
        var result = await _fixture.VerifyAsync(_fixture.Pristine);
        Assert.True(result.Valid, result.Problem);
        Assert.Equal(_fixture.LastSeq, result.Entries);
        Assert.True(result.CheckpointsMatched >= _fixture.LastSeq / 2, $"{result.CheckpointsMatched} checkpoints");
    }

    [Fact]
    public async Task A_team_edited_in_place_fails_at_its_entry()
    {
        var seq = _fixture.Filing;
        var result = await TamperAsync(db => Rewrite(db, seq, e => e with { Team = Other(e.Team!) }, rehash: false));
        AssertFails(result, seq, "hash");
    }

    [Fact]
    public async Task A_team_edited_with_its_own_hash_recomputed_fails_at_its_entry()
    {
        var seq = _fixture.Filing;
        var result = await TamperAsync(db => Rewrite(db, seq, e => e with { Team = Other(e.Team!) }, rehash: true, relink: false));
        AssertFails(result, seq);
    }

    [Theory]
    [InlineData("reason")]
    [InlineData("by")]
    [InlineData("at")]
    public async Task A_designation_rewritten_and_the_chain_re_hashed_fails_at_the_designation(string field)
    {
        var seq = _fixture.Designation;
        var result = await TamperAsync(db => Rewrite(db, seq, e => field switch
        {
            "reason" => e with { Reason = "a reason written later" },
            "by" => e with { By = new LedgerActor("head-civil", "division_head") },
            _ => e with { At = e.At.AddSeconds(-1) },
        }, rehash: true));
        // A time moved back is also out of order with the entry before it: either finding names the entry.
        AssertFails(result, seq, field == "at" ? null : "checkpoint");
    }

    [Fact]
    public async Task A_designation_claimed_by_a_judge_fails_on_the_role_even_before_the_checkpoint()
    {
        var seq = _fixture.Designation;
        var result = await TamperAsync(db => Rewrite(db, seq, e => e with { By = new LedgerActor("judge-civil-1", "judge") }, rehash: true));
        AssertFails(result, seq, "judge");
    }

    [Theory]
    [InlineData("by")]
    [InlineData("at")]
    [InlineData("idempotency_key")]
    public async Task A_filing_rewritten_and_the_chain_re_hashed_fails_at_the_filing(string field)
    {
        var seq = _fixture.Filing;
        var result = await TamperAsync(db => Rewrite(db, seq, e => field switch
        {
            "by" => e with { By = new LedgerActor("someone-else", "registrar") },
            "at" => e with { At = e.At.AddTicks(-1) },
            _ => e with { IdempotencyKey = "forged-key" },
        }, rehash: true));
        AssertFails(result, seq, field == "at" ? null : "checkpoint");
    }

    [Fact]
    public async Task A_middle_row_deleted_fails_where_it_is_missing()
    {
        var seq = _fixture.Filing;
        var result = await TamperAsync(db => Execute(db, $"DELETE FROM ledger WHERE court = 'live' AND seq = {seq}"));
        AssertFails(result, seq, "missing");
    }

    [Fact]
    public async Task A_middle_row_deleted_and_the_rest_renumbered_and_re_hashed_fails_at_the_checkpoint()
    {
        var seq = _fixture.Filing;
        var result = await TamperAsync(db =>
        {
            Execute(db, $"DELETE FROM ledger WHERE court = 'live' AND seq = {seq}");
            Execute(db, $"UPDATE ledger SET seq = -seq WHERE court = 'live' AND seq > {seq}");
            Execute(db, $"UPDATE ledger SET seq = -seq - 1 WHERE court = 'live' AND seq < 0");
            Rewrite(db, seq, e => e with { Seq = seq }, rehash: true);
        });
        AssertFails(result, seq);
    }

    [Fact]
    public async Task The_tail_cut_fails_at_the_first_entry_cut()
    {
        var from = _fixture.LastSeq - 4;
        var result = await TamperAsync(db => Execute(db, $"DELETE FROM ledger WHERE court = 'live' AND seq >= {from}"));
        AssertFails(result, from, "cut");
    }

    [Fact]
    public async Task A_hash_column_changed_fails_at_its_entry()
    {
        var seq = _fixture.Filing;
        var result = await TamperAsync(db => Execute(db, $"UPDATE ledger SET hash = '{new string('a', 64)}' WHERE court = 'live' AND seq = {seq}"));
        AssertFails(result, seq, "hash");
    }

    [Theory]
    [InlineData("kind = 'queue'")]
    [InlineData("case_id = 'live-999'")]
    public async Task A_report_column_changed_fails_at_its_entry(string set)
    {
        var seq = _fixture.Filing;
        var result = await TamperAsync(db => Execute(db, $"UPDATE ledger SET {set} WHERE court = 'live' AND seq = {seq}"));
        AssertFails(result, seq, "stored");
    }

    [Fact]
    public async Task A_replaced_court_secret_fails_at_the_genesis_entry()
    {
        var result = await TamperAsync(db => Execute(db, $"UPDATE court_secret SET secret = '{LedgerHash.NewSecret()}' WHERE court = 'live'"));
        AssertFails(result, 1, "secret");
    }

    [Fact]
    public async Task A_witness_line_not_signed_by_the_ledger_key_fails()
    {
        var copy = _fixture.Copy();
        var file = WitnessFiles.PathOf(Path.Combine(copy, "witness"), "live");
        var lines = await File.ReadAllLinesAsync(file);
        using var other = LedgerKey.Create();
        var forged = SignedCheckpoint.Parse(lines[3])!;
        lines[3] = (forged with { Signature = LedgerKey.Sign(other, forged.Key, forged.Checkpoint).Signature }).ToLine();
        await File.WriteAllLinesAsync(file, lines);
        AssertFails(await _fixture.VerifyAsync(copy), forged.Checkpoint.Seq, "not signed");
    }

    [Fact]
    public async Task A_spoiled_witness_line_before_the_last_fails_naming_the_file_and_the_line()
    {
        var (copy, file, before) = await CopyWithFourthWitnessLineSpoiledAsync();
        var result = await _fixture.VerifyAsync(copy);
        AssertFails(result, before + 1, $"line 4 of the witness file {file} is not a signed checkpoint");
    }

    [Fact]
    public async Task An_entry_edited_before_a_spoiled_witness_line_is_named_first()
    {
        // The entry the checkpoint before the spoiled line vouches for, edited in place: the spoiled line fails the chain only after it.
        var (copy, _, before) = await CopyWithFourthWitnessLineSpoiledAsync();
        Rewrite(Path.Combine(copy, "docket.db"), before, e => e with { Reason = "edited" }, rehash: false);
        AssertFails(await _fixture.VerifyAsync(copy), before, "hash");
    }

    /// <summary>A copy of the data whose witness's fourth line has one character changed; the position of the checkpoint before it.</summary>
    private async Task<(string Copy, string File, long Before)> CopyWithFourthWitnessLineSpoiledAsync()
    {
        var copy = _fixture.Copy();
        var file = WitnessFiles.PathOf(Path.Combine(copy, "witness"), "live");
        var lines = await File.ReadAllLinesAsync(file);
        var before = SignedCheckpoint.Parse(lines[2])!.Checkpoint.Seq;
        lines[3] = lines[3].Replace("\"seq\"", "\"seq", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(file, lines);
        return (copy, file, before);
    }

    [Fact]
    public async Task A_cut_tail_hidden_by_spoiling_the_witness_s_last_whole_line_fails_on_that_line()
    {
        var copy = _fixture.Copy();
        var file = WitnessFiles.PathOf(Path.Combine(copy, "witness"), "live");
        var lines = await File.ReadAllLinesAsync(file);
        var cut = SignedCheckpoint.Parse(lines[^1])!.Checkpoint.Seq;
        var before = SignedCheckpoint.Parse(lines[^2])!.Checkpoint.Seq;
        Execute(Path.Combine(copy, "docket.db"), $"DELETE FROM ledger WHERE court = 'live' AND seq = {cut}");
        lines[^1] = lines[^1].Replace("\"seq\"", "\"seq", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(file, lines);
        AssertFails(await _fixture.VerifyAsync(copy), before + 1, $"line {lines.Length} of the witness file {file}");

        var (exit, output) = await CliAsync($"ledger verify {DocketFactory.ScenarioPath} --data {copy}");
        Assert.True(exit == 3, output);
        Assert.Contains($"court live: INVALID at entry {before + 1}: line {lines.Length} of the witness file", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_torn_last_witness_line_without_its_newline_is_skipped()
    {
        var copy = _fixture.Copy();
        var file = WitnessFiles.PathOf(Path.Combine(copy, "witness"), "live");
        var last = (await File.ReadAllLinesAsync(file))[^1];
        await File.AppendAllTextAsync(file, last[..(last.Length / 2)]);
        var result = await _fixture.VerifyAsync(copy);
        Assert.True(result.Valid, result.Problem);
        Assert.Equal(_fixture.LastSeq, result.Entries);
    }

    [Fact]
    public async Task A_restarted_service_fails_closed_on_a_spoiled_witness_line()
    {
        var (copy, _, before) = await CopyWithFourthWitnessLineSpoiledAsync();
        await using (var server = new DocketFactory(copy))
        {
            // The court's background verification from genesis reads the whole witness: it closes the court.
            var auditor = server.ClientFor(TestUsers.Auditor);
            var (_, verify, _) = await auditor.GetJsonAsync("/api/audit/verify");
            Assert.False(verify.GetProperty("valid").GetBoolean(), verify.ToString());
            var (status, problem, _) = await server.ClientFor(TestUsers.Registrar).PostJsonAsync("/api/courts/live/cases", new { type = "simple_civil" });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal(before + 1, problem.GetProperty("first_invalid_seq").GetInt64());
        }
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task A_restarted_service_fails_closed_on_a_re_hashed_chain_and_on_a_cut_tail()
    {
        var seq = _fixture.Designation;
        foreach (var tamper in new Action<string>[]
        {
            db => Rewrite(db, seq, e => e with { Reason = "a reason written later" }, rehash: true),
            db => Execute(db, $"DELETE FROM ledger WHERE court = 'live' AND seq >= {seq}"),
        })
        {
            var copy = _fixture.Copy();
            tamper(Path.Combine(copy, "docket.db"));
            await using var server = new DocketFactory(copy);
            var (status, problem, _) = await server.ClientFor(TestUsers.Registrar).PostJsonAsync("/api/courts/live/cases", new { type = "simple_civil" });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal(seq, problem.GetProperty("first_invalid_seq").GetInt64());
            var (_, health, _) = await server.CreateClient().GetJsonAsync("/health");
            Assert.Equal("degraded", health.Str("status"));
            SqliteConnection.ClearAllPools();
        }
    }

    [Fact]
    public async Task Docket_ledger_verify_exits_0_valid_3_invalid_and_2_on_bad_input()
    {
        var scenario = DocketFactory.ScenarioPath;
        var (valid, validOut) = await CliAsync($"ledger verify {scenario} --data {_fixture.Pristine} --json");
        Assert.True(valid == 0, validOut);
        using (var json = JsonDocument.Parse(validOut))
        {
            Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
            Assert.True(json.RootElement.GetProperty("courts")[0].GetProperty("checkpoints_matched").GetInt64() > 0);
        }

        var cut = _fixture.Copy();
        Execute(Path.Combine(cut, "docket.db"), $"DELETE FROM ledger WHERE court = 'live' AND seq >= {_fixture.LastSeq - 2}");
        var (invalid, invalidOut) = await CliAsync($"ledger verify {scenario} --data {cut}");
        Assert.True(invalid == 3, invalidOut);
        Assert.Contains($"INVALID at entry {_fixture.LastSeq - 2}", invalidOut, StringComparison.Ordinal);

        var otherKey = Path.Combine(cut, "other.pem");
        using (var key = LedgerKey.Create())
        {
            await File.WriteAllTextAsync(otherKey, key.ExportSubjectPublicKeyInfoPem());
        }
        var (wrongKey, wrongKeyOut) = await CliAsync($"ledger verify {scenario} --data {_fixture.Pristine} --public-key {otherKey}");
        Assert.True(wrongKey == 2, wrongKeyOut);
        Assert.Contains("signed by key", wrongKeyOut, StringComparison.Ordinal);
        var (noDir, noDirOut) = await CliAsync($"ledger verify {scenario} --data {Path.Combine(cut, "nowhere")}");
        Assert.True(noDir == 2, noDirOut);
        Assert.Contains("no such directory", noDirOut, StringComparison.Ordinal);

        var (printed, pem) = await CliAsync($"ledger public-key --data {_fixture.Pristine}");
        Assert.True(printed == 0, pem);
        using var pristineKey = LedgerKey.FromPem(await File.ReadAllTextAsync(Path.Combine(_fixture.Pristine, "ledger-key.pem")), "key");
        Assert.Contains(LedgerKey.IdOf(pristineKey), pem, StringComparison.Ordinal);
    }

    /// <summary>The CLI as built (<c>dotnet run --no-build</c> in this build's configuration): exit code and output.</summary>
    private static async Task<(int Exit, string Output)> CliAsync(string arguments)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";
        var info = Docs.RepositoryRoot.Bash($"dotnet run --project src/Docket.Cli -c {configuration} --no-build -- {arguments}");
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    private async Task<LedgerVerification> TamperAsync(Action<string> tamper)
    {
        var copy = _fixture.Copy();
        tamper(Path.Combine(copy, "docket.db"));
        return await _fixture.VerifyAsync(copy);
    }

    private static void AssertFails(LedgerVerification result, long seq, string? says = null)
    {
        Assert.False(result.Valid, "the tampered ledger verified");
        Assert.True(seq == result.FirstInvalidSeq, $"first invalid {result.FirstInvalidSeq}, expected {seq}: {result.Problem}");
        if (says is not null)
        {
            Assert.Contains(says, result.Problem, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static string Other(string team) => team == "civil-1" ? "civil-2" : "civil-1";

    private static void Execute(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Rewrites entry <paramref name="seq"/>; with <paramref name="rehash"/> its hash is recomputed, and with <paramref name="relink"/> every later entry re-linked and re-hashed.</summary>
    private static void Rewrite(string db, long seq, Func<LedgerEntry, LedgerEntry> change, bool rehash, bool relink = true)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=false");
        connection.Open();
        var rows = new List<(long Seq, string Json, string Hash)>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = $"SELECT seq, entry, hash FROM ledger WHERE court = 'live' AND seq >= {seq} ORDER BY seq";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        string? prev = null;
        foreach (var (s, json, hash) in rows)
        {
            var entry = LedgerEntry.Parse(json);
            if (s == seq)
            {
                entry = change(entry);
            }
            else if (!relink || !rehash)
            {
                break;
            }
            if (prev is not null)
            {
                entry = entry with { Prev = prev };
            }
            var text = entry.ToJson();
            var newHash = rehash ? LedgerHash.Of(text) : hash;
            using var write = connection.CreateCommand();
            write.CommandText = "UPDATE ledger SET entry = $e, hash = $h WHERE court = 'live' AND seq = $s";
            write.Parameters.AddWithValue("$e", text);
            write.Parameters.AddWithValue("$h", newHash);
            write.Parameters.AddWithValue("$s", s);
            write.ExecuteNonQuery();
            prev = newHash;
        }
    }

    /// <summary>One service's data directory, made once: filings (with keys), a designation, closing reports.</summary>
    public sealed class TamperFixture : IAsyncLifetime
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "docket-tamper-" + Guid.NewGuid().ToString("N"));
        private Court _court = null!;

        public string Pristine => Path.Combine(_root, "pristine");

        public long Filing { get; private set; }

        public long Designation { get; private set; }

        public long LastSeq { get; private set; }

        public async Task InitializeAsync()
        {
            await using (var server = new DocketFactory(Pristine))
            {
                var registrar = server.ClientFor(TestUsers.Registrar);
                var filed = new List<JsonElement>();
                for (var i = 0; i < 16; i++)
                {
                    filed.Add(await registrar.FileAsync(i % 4 == 0 ? "criminal" : "simple_civil", key: $"tamper-{i}"));
                }
                var target = filed.First(f => f.Str("status") == "pending" && f.Str("team").StartsWith("civil-", StringComparison.Ordinal)
                    && f.GetProperty("assignment").GetProperty("seq").GetInt64() > 4);
                Filing = target.GetProperty("assignment").GetProperty("seq").GetInt64();
                var (ok, designated, _) = await server.ClientFor(TestUsers.President).PostJsonAsync($"/api/cases/{target.Str("id")}/designate",
                    new { team = Other(target.Str("team")), reason = "conflict of interest" });
                Assert.Equal(HttpStatusCode.OK, ok);
                Designation = designated.GetProperty("entries")[0].GetProperty("entry").GetProperty("seq").GetInt64();
                for (var i = 0; i < 6; i++)
                {
                    await registrar.FileAsync("simple_civil", key: $"tamper-late-{i}");
                }
                var organization = server.Services.GetRequiredService<Organization>();
                _court = organization.Court("live")!;
            }
            SqliteConnection.ClearAllPools();
            using var connection = new SqliteConnection($"Data Source={Path.Combine(Pristine, "docket.db")};Pooling=false");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT MAX(seq) FROM ledger WHERE court = 'live'";
            LastSeq = (long)command.ExecuteScalar()!;
        }

        public Task DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_root, recursive: true);
            return Task.CompletedTask;
        }

        /// <summary>A fresh copy of the pristine data directory.</summary>
        public string Copy()
        {
            var copy = Path.Combine(_root, Guid.NewGuid().ToString("N"));
            foreach (var file in Directory.GetFiles(Pristine, "*", SearchOption.AllDirectories))
            {
                var to = Path.Combine(copy, Path.GetRelativePath(Pristine, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
            }
            return copy;
        }

        public async Task<LedgerVerification> VerifyAsync(string data)
        {
            using var key = LedgerKey.FromPem(await File.ReadAllTextAsync(Path.Combine(data, "ledger-key.pem")), "key");
            await using var stored = OfflineLedger.Sqlite(data);
            return await stored.VerifyAsync(_court, Path.Combine(data, "witness"), key, page: 7);
        }
    }
}
