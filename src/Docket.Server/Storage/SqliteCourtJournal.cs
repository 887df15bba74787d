using System.Buffers;
using System.Globalization;
using Docket.Abstractions;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Grains;
using Microsoft.Data.Sqlite;

namespace Docket.Server.Storage;

/// <summary>
/// Courts' ledgers and seed secrets in the service's SQLite database. An append checks, inside its transaction,
/// that its first entry follows the stored last one, so a write lost in a failed transaction can never be
/// followed by a later one.
/// </summary>
public sealed class SqliteCourtJournal(SqliteStore store) : ICourtJournal
{
    private readonly SavedStateFiles _states = new(Path.GetDirectoryName(store.Path)!);

    public async Task<IReadOnlyList<LedgerRecord>> ReadAsync(string court, long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, kind, case_id, entry, hash FROM ledger WHERE court = $c AND seq > $a ORDER BY seq LIMIT $l";
        command.Parameters.AddWithValue("$c", court);
        command.Parameters.AddWithValue("$a", afterSeq);
        command.Parameters.AddWithValue("$l", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await LedgerRows.ReadAsync(reader, court, cancellationToken);
    }

    /// <summary>
    /// A case's own entries by the <c>ledger_case</c> index, and those that name it besides by their positions in
    /// <c>ledger_case_ref</c>. Written as <c>seq IN (…)</c>, not a join: SQLite planned the join with the ledger
    /// outside, a scan of the court's whole ledger for each case read (1.2 s at 1,000,000 entries), which a test of the
    /// plan now refuses.
    /// </summary>
    internal const string ReadCaseSql = """
        SELECT seq, kind, case_id, entry, hash FROM ledger WHERE case_id = $i AND court = $c
        UNION ALL
        SELECT seq, kind, case_id, entry, hash FROM ledger
        WHERE court = $c AND seq IN (SELECT seq FROM ledger_case_ref WHERE court = $c AND case_id = $i)
        ORDER BY seq
        """;

    /// <summary>Once per case grain's first use: on a kept reading connection with the statement compiled (<see cref="SqliteStore.Read"/>).</summary>
    public Task<IReadOnlyList<LedgerRecord>> ReadCaseAsync(string court, string caseId, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.Read(ReadCaseSql, command =>
        {
            command.Parameters.AddWithValue("$c", court);
            command.Parameters.AddWithValue("$i", caseId);
            using var reader = command.ExecuteReader();
            var records = new List<LedgerRecord>();
            while (reader.Read())
            {
                records.Add(LedgerRows.Record(reader, court));
            }
            return (IReadOnlyList<LedgerRecord>)records;
        }));

    public async Task<IReadOnlyList<LedgerRecord>> ReadKindAsync(string court, string kind, long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, kind, case_id, entry, hash FROM ledger WHERE court = $c AND seq > $a AND kind = $k ORDER BY seq LIMIT $l";
        command.Parameters.AddWithValue("$c", court);
        command.Parameters.AddWithValue("$a", afterSeq);
        command.Parameters.AddWithValue("$k", kind);
        command.Parameters.AddWithValue("$l", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await LedgerRows.ReadAsync(reader, court, cancellationToken);
    }

    public Task AppendAsync(string court, IReadOnlyList<LedgerRecord> entries, IReadOnlyList<FinishedCase>? finished = null, CancellationToken cancellationToken = default)
    {
        if (entries.Count == 0)
        {
            return PutFinishedAsync(court, finished ?? [], cancellationToken);
        }
        LedgerRows.EnsureConsecutive(entries);
        var keys = FiledKey.In(entries);
        var named = NamedCases.In(entries);
        return store.WriteAsync(writer =>
        {
            var last = writer.Command("SELECT COALESCE(MAX(seq), 0) FROM ledger WHERE court = $c");
            last.Parameters.AddWithValue("$c", court);
            var stored = Convert.ToInt64(last.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (stored != entries[0].Seq - 1)
            {
                throw new LedgerContinuityException($"court {court}: entry {entries[0].Seq} does not follow the stored entry {stored}");
            }
            var insert = writer.Command("INSERT INTO ledger (court, seq, kind, case_id, entry, hash) VALUES ($c, $s, $k, $i, $e, $h)");
            var c = insert.Parameters.Add("$c", SqliteType.Text);
            var s = insert.Parameters.Add("$s", SqliteType.Integer);
            var k = insert.Parameters.Add("$k", SqliteType.Text);
            var id = insert.Parameters.Add("$i", SqliteType.Text);
            var e = insert.Parameters.Add("$e", SqliteType.Text);
            var h = insert.Parameters.Add("$h", SqliteType.Text);
            foreach (var entry in entries)
            {
                c.Value = court;
                s.Value = entry.Seq;
                k.Value = entry.Kind;
                id.Value = (object?)entry.CaseId ?? DBNull.Value;
                e.Value = entry.Json;
                h.Value = entry.Hash;
                insert.ExecuteNonQuery();
            }
            if (keys.Count > 0)
            {
                var keep = writer.Command("""
                    INSERT INTO idempotency_key (court, key, seq, case_id, filed_at) VALUES ($c, $k, $s, $i, $t)
                    ON CONFLICT (court, key) DO UPDATE SET seq = excluded.seq, case_id = excluded.case_id, filed_at = excluded.filed_at
                    """);
                var kc = keep.Parameters.Add("$c", SqliteType.Text);
                var kk = keep.Parameters.Add("$k", SqliteType.Text);
                var ks = keep.Parameters.Add("$s", SqliteType.Integer);
                var ki = keep.Parameters.Add("$i", SqliteType.Text);
                var kt = keep.Parameters.Add("$t", SqliteType.Integer);
                foreach (var (record, key) in keys)
                {
                    kc.Value = court;
                    kk.Value = key.Key;
                    ks.Value = record.Seq;
                    ki.Value = record.CaseId;
                    kt.Value = key.FiledAtMs;
                    keep.ExecuteNonQuery();
                }
            }
            if (named.Count > 0)
            {
                var refer = writer.Command("INSERT OR IGNORE INTO ledger_case_ref (court, case_id, seq) VALUES ($c, $i, $s)");
                var rc = refer.Parameters.Add("$c", SqliteType.Text);
                var ri = refer.Parameters.Add("$i", SqliteType.Text);
                var rs = refer.Parameters.Add("$s", SqliteType.Integer);
                foreach (var (record, caseId) in named)
                {
                    rc.Value = court;
                    ri.Value = caseId;
                    rs.Value = record.Seq;
                    refer.ExecuteNonQuery();
                }
            }
            Put(writer, court, finished ?? []);
            return entries.Count;
        });
    }

    public Task PutFinishedAsync(string court, IReadOnlyList<FinishedCase> finished, CancellationToken cancellationToken = default) =>
        finished.Count == 0 ? Task.CompletedTask : store.WriteAsync(writer =>
        {
            Put(writer, court, finished);
            return finished.Count;
        });

    private static void Put(SqliteWriter writer, string court, IReadOnlyList<FinishedCase> finished)
    {
        if (finished.Count == 0)
        {
            return;
        }
        var put = writer.Command("""
            INSERT OR REPLACE INTO finished_case (court, number, finished_seq, filed_at, closed_at, last_stage_at, filing_seq, team, type, extensions, suspended_days)
            VALUES ($c, $n, $f, $fa, $ca, $la, $fs, $t, $y, $x, $d)
            """);
        var values = new[] { "$c", "$n", "$f", "$fa", "$ca", "$la", "$fs", "$t", "$y", "$x", "$d" }
            .Select(name => put.Parameters.Add(name, name switch { "$c" or "$t" or "$y" => SqliteType.Text, "$d" => SqliteType.Real, _ => SqliteType.Integer }))
            .ToArray();
        foreach (var f in finished)
        {
            values[0].Value = court;
            values[1].Value = f.Number;
            values[2].Value = f.FinishedSeq;
            values[3].Value = f.FiledTicks;
            values[4].Value = f.ClosedTicks;
            values[5].Value = f.LastStageTicks;
            values[6].Value = f.FilingSeq;
            values[7].Value = f.Team;
            values[8].Value = f.Type;
            values[9].Value = f.Extensions;
            values[10].Value = f.SuspendedDays;
            put.ExecuteNonQuery();
        }
    }

    public async Task<IReadOnlyList<FinishedCase>> ReadFinishedAsync(string court, long throughSeq, FinishedKey after, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {LedgerRows.FinishedColumns} FROM finished_case WHERE court = $c AND (last_stage_at, number) > ($t, $a) AND finished_seq <= $s ORDER BY last_stage_at, number LIMIT $l";
        command.Parameters.AddWithValue("$c", court);
        command.Parameters.AddWithValue("$a", after.Number);
        command.Parameters.AddWithValue("$s", throughSeq);
        command.Parameters.AddWithValue("$t", after.LastStageTicks);
        command.Parameters.AddWithValue("$l", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await LedgerRows.ReadFinishedAsync(reader, cancellationToken);
    }

    public async Task<IReadOnlyList<FinishedCase>> FindFinishedAsync(string court, IReadOnlyList<long> numbers, CancellationToken cancellationToken = default)
    {
        var found = new List<FinishedCase>();
        await using var connection = await store.OpenReaderAsync(cancellationToken);
        foreach (var chunk in numbers.Distinct().Order().Chunk(500))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {LedgerRows.FinishedColumns} FROM finished_case WHERE court = $c AND number IN ({string.Join(',', chunk.Select((_, i) => $"$n{i}"))}) ORDER BY number";
            command.Parameters.AddWithValue("$c", court);
            for (var i = 0; i < chunk.Length; i++)
            {
                command.Parameters.AddWithValue($"$n{i}", chunk[i]);
            }
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            found.AddRange(await LedgerRows.ReadFinishedAsync(reader, cancellationToken));
        }
        return found;
    }


    /// <summary>Once per keyed filing: on a kept reading connection with the statement compiled (<see cref="SqliteStore.Read"/>).</summary>
    public Task<KeyedFiling?> FindKeyAsync(string court, string key, DateTimeOffset filedSince, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.Read("SELECT seq, case_id FROM idempotency_key WHERE court = $c AND key = $k AND filed_at >= $t", command =>
        {
            command.Parameters.AddWithValue("$c", court);
            command.Parameters.AddWithValue("$k", key);
            command.Parameters.AddWithValue("$t", filedSince.ToUnixTimeMilliseconds());
            using var reader = command.ExecuteReader();
            return reader.Read() ? new KeyedFiling(reader.GetInt64(0), reader.GetString(1)) : null;
        }));

    public Task<int> ForgetKeysAsync(string court, DateTimeOffset filedBefore, int limit, CancellationToken cancellationToken = default) =>
        store.WriteAsync(writer =>
        {
            var delete = writer.Command("""
                DELETE FROM idempotency_key WHERE court = $c AND key IN (
                    SELECT key FROM idempotency_key WHERE court = $c AND filed_at < $t LIMIT $l)
                """);
            delete.Parameters.AddWithValue("$c", court);
            delete.Parameters.AddWithValue("$t", filedBefore.ToUnixTimeMilliseconds());
            delete.Parameters.AddWithValue("$l", limit);
            return delete.ExecuteNonQuery();
        });

    /// <summary>Saved states are files beside the database (<see cref="SavedStateFiles"/>), not rows: see there why.</summary>
    public Task SaveStateAsync(string court, long seq, ReadOnlySequence<byte> state, CancellationToken cancellationToken = default) =>
        _states.SaveAsync(court, seq, state, cancellationToken);

    /// <summary>The court's saved state file; else the row a version before those files saved in the database.</summary>
    public async Task<SavedCourtState?> ReadStateAsync(string court, CancellationToken cancellationToken = default)
    {
        if (await _states.ReadAsync(court, cancellationToken) is { } saved)
        {
            return saved;
        }
        await using var connection = await store.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, state FROM court_state WHERE court = $c";
        command.Parameters.AddWithValue("$c", court);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new SavedCourtState(reader.GetInt64(0), (byte[])reader.GetValue(1)) : null;
    }

    /// <summary>The saved state file's position, from its header; else the row's a version before those files saved.</summary>
    public async Task<long?> ReadStateSeqAsync(string court, CancellationToken cancellationToken = default)
    {
        if (_states.SeqOf(court) is var seq and > 0)
        {
            return seq;
        }
        await using var connection = await store.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq FROM court_state WHERE court = $c";
        command.Parameters.AddWithValue("$c", court);
        return await command.ExecuteScalarAsync(cancellationToken) is long row ? row : null;
    }

    public async Task<IReadOnlyList<CourtSecret>> ReadSecretsAsync(string court, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT epoch, secret FROM court_secret WHERE court = $c ORDER BY epoch";
        command.Parameters.AddWithValue("$c", court);
        var result = new List<CourtSecret>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new CourtSecret(court, reader.GetInt32(0), reader.GetString(1)));
        }
        return result;
    }

    public Task<CourtSecret> AddSecretAsync(CourtSecret secret, CancellationToken cancellationToken = default) =>
        store.WriteAsync(writer =>
        {
            var command = writer.Command("""
                INSERT INTO court_secret (court, epoch, secret, created_at) VALUES ($c, $e, $s, $t) ON CONFLICT (court, epoch) DO NOTHING;
                SELECT secret FROM court_secret WHERE court = $c AND epoch = $e;
                """);
            command.Parameters.AddWithValue("$c", secret.Court);
            command.Parameters.AddWithValue("$e", secret.Epoch);
            command.Parameters.AddWithValue("$s", secret.SecretHex);
            command.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            return secret with { SecretHex = (string)command.ExecuteScalar()! };
        });
}
