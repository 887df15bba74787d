using System.Buffers;
using Docket.Abstractions;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Grains;
using Npgsql;
using NpgsqlTypes;

namespace Docket.Server.Storage.Postgres;

/// <summary>
/// Courts' ledgers and seed secrets in PostgreSQL. An append moves the court's row in <c>docket.ledger_head</c> from
/// the sequence number it expects to its last one and inserts its entries in the same statement, so it is all or
/// none, and it is refused — no row changed — when the head is elsewhere: after a lost write, or when another silo's
/// activation of the court wrote meanwhile (the head's row lock orders concurrent appends). The entry's text is
/// stored as written (it is what is hashed); kind, case, team and policy are columns for reports.
/// </summary>
public sealed class PostgresCourtJournal(PostgresStore store) : ICourtJournal
{
    private const string Read = """
        SELECT seq, kind, case_id, entry_text, hash FROM docket.ledger WHERE court = $1 AND seq > $2 ORDER BY seq LIMIT $3
        """;

    private const string ReadCase = """
        SELECT seq, kind, case_id, entry_text, hash FROM docket.ledger WHERE case_id = $2 AND court = $1
        UNION ALL
        SELECT l.seq, l.kind, l.case_id, l.entry_text, l.hash FROM docket.ledger_case_ref r JOIN docket.ledger l ON l.court = r.court AND l.seq = r.seq
        WHERE r.court = $1 AND r.case_id = $2
        ORDER BY seq
        """;

    private const string ReadKind = """
        SELECT seq, kind, case_id, entry_text, hash FROM docket.ledger WHERE court = $1 AND seq > $2 AND kind = $3 ORDER BY seq LIMIT $4
        """;

    private const string SaveState = """
        INSERT INTO docket.court_state (court, seq, state) VALUES ($1, $2, $3)
        ON CONFLICT (court) DO UPDATE SET seq = excluded.seq, state = excluded.state, saved_at = now()
        WHERE excluded.seq >= docket.court_state.seq
        """;

    private const string Head = "INSERT INTO docket.ledger_head (court, seq) VALUES ($1, 0) ON CONFLICT (court) DO NOTHING";

    private const string Append = """
        WITH head AS (
            UPDATE docket.ledger_head SET seq = $2 + cardinality($3::bigint[])
            WHERE court = $1 AND seq = $2
            RETURNING seq)
        INSERT INTO docket.ledger (court, seq, kind, case_id, team, policy, entry_text, hash)
        SELECT $1, u.seq, u.kind, u.case_id, p.entry ->> 'team', p.entry ->> 'policy', u.entry_text, u.hash
        FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u (seq, kind, case_id, entry_text, hash)
        CROSS JOIN LATERAL (SELECT u.entry_text::json AS entry) AS p
        WHERE EXISTS (SELECT 1 FROM head)
        """;

    // After the append in the same transaction: only the keys of entries now stored as given (a refused append stored none).
    private const string KeepKeys = """
        INSERT INTO docket.idempotency_key (court, key, seq, case_id, filed_at)
        SELECT $1, k.key, k.seq, k.case_id, k.filed_at
        FROM unnest($2::text[], $3::bigint[], $4::text[], $5::bigint[], $6::text[]) AS k (key, seq, case_id, filed_at, hash)
        WHERE EXISTS (SELECT 1 FROM docket.ledger l WHERE l.court = $1 AND l.seq = k.seq AND l.hash = k.hash)
        ON CONFLICT (court, key) DO UPDATE SET seq = excluded.seq, case_id = excluded.case_id, filed_at = excluded.filed_at
        """;

    // After the append in the same transaction: the cases named by entries now stored as given.
    private const string ReferCases = """
        INSERT INTO docket.ledger_case_ref (court, case_id, seq)
        SELECT $1, n.case_id, n.seq
        FROM unnest($2::text[], $3::bigint[], $4::text[]) AS n (case_id, seq, hash)
        WHERE EXISTS (SELECT 1 FROM docket.ledger l WHERE l.court = $1 AND l.seq = n.seq AND l.hash = n.hash)
        ON CONFLICT DO NOTHING
        """;

    // After the append in the same transaction: only the rows whose finishing entry is now stored as given.
    private const string PutFinished = """
        INSERT INTO docket.finished_case (court, number, finished_seq, filed_at, closed_at, last_stage_at, filing_seq, team, type, extensions, suspended_days)
        SELECT $1, f.number, f.finished_seq, f.filed_at, f.closed_at, f.last_stage_at, f.filing_seq, f.team, f.type, f.extensions, f.suspended_days
        FROM unnest($2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::text[], $9::text[], $10::integer[], $11::double precision[], $12::text[])
            AS f (number, finished_seq, filed_at, closed_at, last_stage_at, filing_seq, team, type, extensions, suspended_days, hash)
        WHERE EXISTS (SELECT 1 FROM docket.ledger l WHERE l.court = $1 AND l.seq = f.finished_seq AND (f.hash IS NULL OR l.hash = f.hash))
        ON CONFLICT (court, number) DO UPDATE SET finished_seq = excluded.finished_seq, filed_at = excluded.filed_at, closed_at = excluded.closed_at,
            last_stage_at = excluded.last_stage_at, filing_seq = excluded.filing_seq, team = excluded.team, type = excluded.type,
            extensions = excluded.extensions, suspended_days = excluded.suspended_days
        """;


    private const string ReadFinished = $"""
        SELECT {LedgerRows.FinishedColumns} FROM docket.finished_case
        WHERE court = $1 AND (last_stage_at, number) > ($2, $3) AND finished_seq <= $4 ORDER BY last_stage_at, number LIMIT $5
        """;

    private const string FindFinished = $"""
        SELECT {LedgerRows.FinishedColumns} FROM docket.finished_case WHERE court = $1 AND number = ANY($2::bigint[]) ORDER BY number
        """;

    private const string FindKey = """
        SELECT seq, case_id FROM docket.idempotency_key WHERE court = $1 AND key = $2 AND filed_at >= $3
        """;

    private const string ForgetKeys = """
        DELETE FROM docket.idempotency_key WHERE court = $1 AND key IN (
            SELECT key FROM docket.idempotency_key WHERE court = $1 AND filed_at < $2 LIMIT $3)
        """;

    private const string AddSecret = """
        INSERT INTO docket.court_secret (court, epoch, secret) VALUES ($1, $2, $3) ON CONFLICT (court, epoch) DO NOTHING
        """;

    public async Task<IReadOnlyList<LedgerRecord>> ReadAsync(string court, long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = store.DataSource.CreateCommand(Read);
        command.Parameters.Add(new NpgsqlParameter { Value = court });
        command.Parameters.Add(new NpgsqlParameter { Value = afterSeq });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await LedgerRows.ReadAsync(reader, court, cancellationToken);
    }

    public async Task<IReadOnlyList<LedgerRecord>> ReadCaseAsync(string court, string caseId, CancellationToken cancellationToken = default)
    {
        await using var command = store.DataSource.CreateCommand(ReadCase);
        command.Parameters.Add(new NpgsqlParameter { Value = court });
        command.Parameters.Add(new NpgsqlParameter { Value = caseId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await LedgerRows.ReadAsync(reader, court, cancellationToken);
    }

    public async Task<IReadOnlyList<LedgerRecord>> ReadKindAsync(string court, string kind, long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = store.DataSource.CreateCommand(ReadKind);
        command.Parameters.Add(new NpgsqlParameter { Value = court });
        command.Parameters.Add(new NpgsqlParameter { Value = afterSeq });
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await LedgerRows.ReadAsync(reader, court, cancellationToken);
    }

    /// <summary>
    /// On a connection of its own, not through the writer loops: a saved state is tens of megabytes, and in a group
    /// commit it would hold up the ledger appends sharing that transaction.
    /// </summary>
    public async Task SaveStateAsync(string court, long seq, ReadOnlySequence<byte> state, CancellationToken cancellationToken = default)
    {
        await using var command = store.DataSource.CreateCommand(SaveState);
        command.Parameters.Add(new NpgsqlParameter { Value = court });
        command.Parameters.Add(new NpgsqlParameter { Value = seq });
        command.Parameters.Add(new NpgsqlParameter { Value = state.IsSingleSegment ? state.First : state.ToArray(), NpgsqlDbType = NpgsqlDbType.Bytea });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<SavedCourtState?> ReadStateAsync(string court, CancellationToken cancellationToken = default)
    {
        await using var command = store.DataSource.CreateCommand("SELECT seq, state FROM docket.court_state WHERE court = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = court });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new SavedCourtState(reader.GetInt64(0), (byte[])reader.GetValue(1)) : null;
    }

    public async Task<long?> ReadStateSeqAsync(string court, CancellationToken cancellationToken = default)
    {
        await using var command = store.DataSource.CreateCommand("SELECT seq FROM docket.court_state WHERE court = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = court });
        return await command.ExecuteScalarAsync(cancellationToken) is long seq ? seq : null;
    }

    public Task AppendAsync(string court, IReadOnlyList<LedgerRecord> entries, IReadOnlyList<FinishedCase>? finished = null, CancellationToken cancellationToken = default)
    {
        if (entries.Count == 0)
        {
            return PutFinishedAsync(court, finished ?? [], cancellationToken);
        }
        LedgerRows.EnsureConsecutive(entries);
        var first = entries[0].Seq;
        var keys = FiledKey.In(entries);
        var named = NamedCases.In(entries);
        NpgsqlBatchCommand? append = null;
        return store.WriteAsync(court, () =>
        {
            append = new NpgsqlBatchCommand(Append);
            append.Parameters.Add(new NpgsqlParameter { Value = court });
            append.Parameters.Add(new NpgsqlParameter { Value = first - 1 });
            append.Parameters.Add(new NpgsqlParameter { Value = entries.Select(e => e.Seq).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
            append.Parameters.Add(Texts(entries.Select(e => e.Kind)));
            append.Parameters.Add(Texts(entries.Select(e => e.CaseId)));
            append.Parameters.Add(Texts(entries.Select(e => e.Json)));
            append.Parameters.Add(Texts(entries.Select(e => e.Hash)));
            var commands = new List<NpgsqlBatchCommand>(4);
            if (first == 1)
            {
                var head = new NpgsqlBatchCommand(Head);
                head.Parameters.Add(new NpgsqlParameter { Value = court });
                commands.Add(head);
            }
            commands.Add(append);
            if (keys.Count > 0)
            {
                var keep = new NpgsqlBatchCommand(KeepKeys);
                keep.Parameters.Add(new NpgsqlParameter { Value = court });
                keep.Parameters.Add(Texts(keys.Select(k => k.Key.Key)));
                keep.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Record.Seq).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
                keep.Parameters.Add(Texts(keys.Select(k => k.Record.CaseId)));
                keep.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Key.FiledAtMs).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
                keep.Parameters.Add(Texts(keys.Select(k => k.Record.Hash)));
                commands.Add(keep);
            }
            if (named.Count > 0)
            {
                var refer = new NpgsqlBatchCommand(ReferCases);
                refer.Parameters.Add(new NpgsqlParameter { Value = court });
                refer.Parameters.Add(Texts(named.Select(n => n.CaseId)));
                refer.Parameters.Add(new NpgsqlParameter { Value = named.Select(n => n.Record.Seq).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
                refer.Parameters.Add(Texts(named.Select(n => n.Record.Hash)));
                commands.Add(refer);
            }
            if (finished is { Count: > 0 })
            {
                commands.Add(PutFinishedCommand(court, finished, entries));
            }
            return [.. commands];
        }, _ =>
        {
            if (append!.RecordsAffected != entries.Count)
            {
                throw new LedgerContinuityException($"court {court}: entry {first} does not follow the stored ledger head");
            }
            return entries.Count;
        });
    }

    /// <summary>Rows a replay makes, each naming an entry already stored (their statement checks it is).</summary>
    public Task PutFinishedAsync(string court, IReadOnlyList<FinishedCase> finished, CancellationToken cancellationToken = default) =>
        finished.Count == 0 ? Task.CompletedTask : store.WriteAsync(court, () => [PutFinishedCommand(court, finished, [])], _ => finished.Count);

    /// <summary>
    /// The statement writing <paramref name="finished"/>; a row whose finishing entry is among <paramref name="entries"/>
    /// is written only if that entry is stored with its hash (so a refused append writes none).
    /// </summary>
    private static NpgsqlBatchCommand PutFinishedCommand(string court, IReadOnlyList<FinishedCase> finished, IReadOnlyList<LedgerRecord> entries)
    {
        var first = entries.Count > 0 ? entries[0].Seq : 0;
        string? HashOf(long seq) => seq >= first && seq - first < entries.Count ? entries[(int)(seq - first)].Hash : null;
        var put = new NpgsqlBatchCommand(PutFinished);
        put.Parameters.Add(new NpgsqlParameter { Value = court });
        put.Parameters.Add(Longs(finished.Select(f => f.Number)));
        put.Parameters.Add(Longs(finished.Select(f => f.FinishedSeq)));
        put.Parameters.Add(Longs(finished.Select(f => f.FiledTicks)));
        put.Parameters.Add(Longs(finished.Select(f => f.ClosedTicks)));
        put.Parameters.Add(Longs(finished.Select(f => f.LastStageTicks)));
        put.Parameters.Add(Longs(finished.Select(f => f.FilingSeq)));
        put.Parameters.Add(Texts(finished.Select(f => f.Team)));
        put.Parameters.Add(Texts(finished.Select(f => f.Type)));
        put.Parameters.Add(new NpgsqlParameter { Value = finished.Select(f => f.Extensions).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        put.Parameters.Add(new NpgsqlParameter { Value = finished.Select(f => f.SuspendedDays).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Double });
        put.Parameters.Add(Texts(finished.Select(f => HashOf(f.FinishedSeq))));
        return put;
    }

    public async Task<IReadOnlyList<FinishedCase>> ReadFinishedAsync(string court, long throughSeq, FinishedKey after, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = store.DataSource.CreateCommand(ReadFinished);
        command.Parameters.Add(new NpgsqlParameter { Value = court });
        command.Parameters.Add(new NpgsqlParameter { Value = after.LastStageTicks });
        command.Parameters.Add(new NpgsqlParameter { Value = after.Number });
        command.Parameters.Add(new NpgsqlParameter { Value = throughSeq });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await LedgerRows.ReadFinishedAsync(reader, cancellationToken);
    }

    public async Task<IReadOnlyList<FinishedCase>> FindFinishedAsync(string court, IReadOnlyList<long> numbers, CancellationToken cancellationToken = default)
    {
        await using var command = store.DataSource.CreateCommand(FindFinished);
        command.Parameters.Add(new NpgsqlParameter { Value = court });
        command.Parameters.Add(Longs(numbers.Distinct()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await LedgerRows.ReadFinishedAsync(reader, cancellationToken);
    }

    private static NpgsqlParameter Longs(IEnumerable<long> values) =>
        new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint };

    public async Task<KeyedFiling?> FindKeyAsync(string court, string key, DateTimeOffset filedSince, CancellationToken cancellationToken = default)
    {
        await using var command = store.DataSource.CreateCommand(FindKey);
        command.Parameters.Add(new NpgsqlParameter { Value = court });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = filedSince.ToUnixTimeMilliseconds() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new KeyedFiling(reader.GetInt64(0), reader.GetString(1)) : null;
    }

    /// <summary>On a connection of its own, like a saved state: a large delete would hold up the appends of a group commit.</summary>
    public async Task<int> ForgetKeysAsync(string court, DateTimeOffset filedBefore, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = store.DataSource.CreateCommand(ForgetKeys);
        command.Parameters.Add(new NpgsqlParameter { Value = court });
        command.Parameters.Add(new NpgsqlParameter { Value = filedBefore.ToUnixTimeMilliseconds() });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)limit });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CourtSecret>> ReadSecretsAsync(string court, CancellationToken cancellationToken = default)
    {
        await using var command = store.DataSource.CreateCommand("SELECT epoch, secret FROM docket.court_secret WHERE court = $1 ORDER BY epoch");
        command.Parameters.Add(new NpgsqlParameter { Value = court });
        var result = new List<CourtSecret>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new CourtSecret(court, reader.GetInt32(0), reader.GetString(1)));
        }
        return result;
    }

    public async Task<CourtSecret> AddSecretAsync(CourtSecret secret, CancellationToken cancellationToken = default)
    {
        // Two silos may add a court's first secret at once: the first stored wins, and both use it.
        await using (var insert = store.DataSource.CreateCommand(AddSecret))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = secret.Court });
            insert.Parameters.Add(new NpgsqlParameter { Value = secret.Epoch });
            insert.Parameters.Add(new NpgsqlParameter { Value = secret.SecretHex });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var read = store.DataSource.CreateCommand("SELECT secret FROM docket.court_secret WHERE court = $1 AND epoch = $2");
        read.Parameters.Add(new NpgsqlParameter { Value = secret.Court });
        read.Parameters.Add(new NpgsqlParameter { Value = secret.Epoch });
        return secret with { SecretHex = (string)(await read.ExecuteScalarAsync(cancellationToken))! };
    }

    private static NpgsqlParameter Texts(IEnumerable<string?> values) =>
        new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };
}
