namespace Docket.Server.Storage.Postgres;

/// <summary>
/// The service's PostgreSQL schema <c>docket</c>, one migration per version, applied in order and recorded in
/// <c>docket.schema_version</c>. A migration never changes once released: a change is a new one.
/// </summary>
internal static class PostgresSchema
{
    public const string Name = "docket";

    /// <summary>The key of the advisory lock silos take while migrating (so two starting at once migrate once).</summary>
    public const long MigrationLock = 0x646f636b6574; // "docket"

    public static readonly (string Description, string Sql)[] Migrations =
    [
        ("grain state with a readable projection, ledgers, ledger heads, seed secrets, report views", """
            CREATE TABLE docket.grain_state (
                state_name text NOT NULL,
                grain_id text NOT NULL,
                grain_type text NOT NULL,
                grain_key text NOT NULL,
                etag bigint NOT NULL,
                payload bytea NOT NULL,
                state json,
                updated_at timestamptz NOT NULL,
                PRIMARY KEY (state_name, grain_id));
            COMMENT ON COLUMN docket.grain_state.payload IS 'the state in Orleans'' serializer: what the grain reads';
            COMMENT ON COLUMN docket.grain_state.state IS 'the same state as JSON (snake_case), for reports only (json, not jsonb: half the database CPU per filing; the views convert)';

            CREATE TABLE docket.ledger (
                court text NOT NULL,
                seq bigint NOT NULL,
                kind text NOT NULL,
                case_id text,
                team text,
                policy text,
                entry_text text NOT NULL,
                hash text NOT NULL,
                PRIMARY KEY (court, seq));
            COMMENT ON COLUMN docket.ledger.entry_text IS 'the canonical entry text: hash = SHA-256 of its UTF-8 bytes';
            CREATE INDEX ledger_case ON docket.ledger (case_id) WHERE case_id IS NOT NULL;
            CREATE INDEX ledger_team ON docket.ledger (court, team) WHERE team IS NOT NULL;

            CREATE TABLE docket.ledger_head (
                court text PRIMARY KEY,
                seq bigint NOT NULL);
            COMMENT ON TABLE docket.ledger_head IS 'each court''s last ledger sequence number: an append moves it from the number it expects, or is refused';

            CREATE TABLE docket.court_secret (
                court text NOT NULL,
                epoch integer NOT NULL,
                secret text NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (court, epoch));

            CREATE VIEW docket.ledger_entries AS
                SELECT court, seq, kind, case_id, team, policy, (entry_text::jsonb ->> 'at')::timestamptz AS at,
                       entry_text::jsonb AS entry, hash
                FROM docket.ledger;

            CREATE VIEW docket.cases AS
                SELECT grain_key AS case_id,
                       state -> 'case' ->> 'court' AS court,
                       (state -> 'case' ->> 'number')::bigint AS number,
                       state -> 'case' ->> 'type' AS type,
                       state -> 'case' ->> 'status' AS status,
                       state -> 'case' ->> 'team' AS team,
                       state -> 'case' ->> 'judge' AS judge,
                       state -> 'case' ->> 'policy' AS policy,
                       (state -> 'case' ->> 'designated')::boolean AS designated,
                       (state -> 'case' ->> 'flagged')::boolean AS flagged,
                       state -> 'case' ->> 'risk' AS risk,
                       (state -> 'case' ->> 'filed_at')::timestamptz AS filed_at,
                       (state -> 'case' ->> 'closed_at')::timestamptz AS closed_at,
                       (state -> 'case' ->> 'version')::bigint AS ledger_version,
                       updated_at
                FROM docket.grain_state
                WHERE state_name = 'case' AND json_typeof(state -> 'case') = 'object';
            """),
        ("each court's latest saved state, so its activation replays only the ledger after it", """
            CREATE TABLE docket.court_state (
                court text PRIMARY KEY,
                seq bigint NOT NULL,
                state bytea NOT NULL,
                saved_at timestamptz NOT NULL DEFAULT now());
            """),
        ("cases derived from the ledger: the view docket.cases reads each case's entries, and the copies of case records stored beside the ledger are dropped", """
            DROP VIEW docket.cases;
            DROP TABLE docket.grain_state;
            CREATE VIEW docket.cases AS
                SELECT case_id, court, number, type,
                       CASE WHEN closed_at IS NOT NULL THEN 'closed' WHEN team IS NOT NULL THEN 'pending' ELSE 'waiting' END AS status,
                       team, judge, policy, designated, flagged, risk, filed_at, closed_at, ledger_version, updated_at
                FROM (
                    SELECT case_id, court,
                           max((entry_text::jsonb ->> 'number')::bigint) FILTER (WHERE kind IN ('assign', 'queue')) AS number,
                           max(entry_text::jsonb ->> 'type') FILTER (WHERE kind IN ('assign', 'queue')) AS type,
                           (array_agg(team ORDER BY seq DESC) FILTER (WHERE kind IN ('assign', 'pull', 'designate')))[1] AS team,
                           (array_agg(entry_text::jsonb ->> 'judge' ORDER BY seq DESC) FILTER (WHERE kind IN ('assign', 'pull', 'designate')))[1] AS judge,
                           coalesce((array_agg(CASE WHEN kind = 'designate' THEN 'designated' ELSE policy END ORDER BY seq DESC)
                               FILTER (WHERE kind = 'designate' OR (kind IN ('assign', 'queue', 'pull') AND policy IS NOT NULL)))[1], '') AS policy,
                           bool_or(kind = 'designate' OR (kind = 'assign' AND policy = 'designated')) AS designated,
                           coalesce(bool_or((entry_text::jsonb ->> 'flagged')::boolean) FILTER (WHERE kind IN ('assign', 'queue')), false) AS flagged,
                           coalesce(nullif(max(entry_text::jsonb ->> 'risk') FILTER (WHERE kind IN ('assign', 'queue')), ''), 'none') AS risk,
                           min((entry_text::jsonb ->> 'at')::timestamptz) FILTER (WHERE kind IN ('assign', 'queue')) AS filed_at,
                           max((entry_text::jsonb ->> 'at')::timestamptz) FILTER (WHERE kind = 'close') AS closed_at,
                           max(seq) FILTER (WHERE kind IN ('assign', 'queue', 'pull', 'designate', 'node', 'close', 'unlock', 'warning', 'escalate', 'extension')) AS ledger_version,
                           max((entry_text::jsonb ->> 'at')::timestamptz)
                               FILTER (WHERE kind IN ('assign', 'queue', 'pull', 'designate', 'node', 'close', 'unlock', 'warning', 'escalate', 'extension')) AS updated_at
                    FROM docket.ledger
                    WHERE case_id IS NOT NULL
                    GROUP BY court, case_id) c
                WHERE number IS NOT NULL;
            COMMENT ON VIEW docket.cases IS 'one row per filed case, derived from its ledger entries as the service derives its record (CaseEntries)';
            """),
        ("docket.cases: a case's version is its last entry, of whatever kind (party codes, conversions and later kinds change the case too)", """
            DROP VIEW docket.cases;
            CREATE VIEW docket.cases AS
                SELECT case_id, court, number, type,
                       CASE WHEN closed_at IS NOT NULL THEN 'closed' WHEN team IS NOT NULL THEN 'pending' ELSE 'waiting' END AS status,
                       team, judge, policy, designated, flagged, risk, filed_at, closed_at, ledger_version, updated_at
                FROM (
                    SELECT case_id, court,
                           max((entry_text::jsonb ->> 'number')::bigint) FILTER (WHERE kind IN ('assign', 'queue')) AS number,
                           max(entry_text::jsonb ->> 'type') FILTER (WHERE kind IN ('assign', 'queue')) AS type,
                           (array_agg(team ORDER BY seq DESC) FILTER (WHERE kind IN ('assign', 'pull', 'designate')))[1] AS team,
                           (array_agg(entry_text::jsonb ->> 'judge' ORDER BY seq DESC) FILTER (WHERE kind IN ('assign', 'pull', 'designate')))[1] AS judge,
                           coalesce((array_agg(CASE WHEN kind = 'designate' THEN 'designated' ELSE policy END ORDER BY seq DESC)
                               FILTER (WHERE kind = 'designate' OR (kind IN ('assign', 'queue', 'pull') AND policy IS NOT NULL)))[1], '') AS policy,
                           bool_or(kind = 'designate' OR (kind = 'assign' AND policy = 'designated')) AS designated,
                           coalesce(bool_or((entry_text::jsonb ->> 'flagged')::boolean) FILTER (WHERE kind IN ('assign', 'queue')), false) AS flagged,
                           coalesce(nullif(max(entry_text::jsonb ->> 'risk') FILTER (WHERE kind IN ('assign', 'queue')), ''), 'none') AS risk,
                           min((entry_text::jsonb ->> 'at')::timestamptz) FILTER (WHERE kind IN ('assign', 'queue')) AS filed_at,
                           max((entry_text::jsonb ->> 'at')::timestamptz) FILTER (WHERE kind = 'close') AS closed_at,
                           max(seq) AS ledger_version,
                           max((entry_text::jsonb ->> 'at')::timestamptz) AS updated_at
                    FROM docket.ledger
                    WHERE case_id IS NOT NULL
                    GROUP BY court, case_id) c
                WHERE number IS NOT NULL;
            COMMENT ON VIEW docket.cases IS 'one row per filed case, derived from its ledger entries as the service derives its record (CaseEntries); ledger_version is the seq of its last entry';
            """),
        ("idempotency keys beside the ledger, written with their filing (the court holds none in memory), filled from the filings already stored", """
            CREATE TABLE docket.idempotency_key (
                court text NOT NULL,
                key text NOT NULL,
                seq bigint NOT NULL,
                case_id text NOT NULL,
                filed_at bigint NOT NULL,
                PRIMARY KEY (court, key));
            CREATE INDEX idempotency_key_filed ON docket.idempotency_key (court, filed_at);
            COMMENT ON TABLE docket.idempotency_key IS 'the filing made under each idempotency key (its latest); filed_at in Unix milliseconds; rows older than the retention window are deleted';
            INSERT INTO docket.idempotency_key (court, key, seq, case_id, filed_at)
                SELECT DISTINCT ON (court, entry_text::jsonb ->> 'idempotency_key')
                       court, entry_text::jsonb ->> 'idempotency_key', seq, case_id,
                       (extract(epoch FROM (entry_text::jsonb ->> 'at')::timestamptz) * 1000)::bigint
                FROM docket.ledger
                WHERE kind IN ('assign', 'queue') AND entry_text::jsonb ->> 'idempotency_key' IS NOT NULL
                ORDER BY court, entry_text::jsonb ->> 'idempotency_key', seq DESC;
            """),
        ("a row for each finished case, written with the entry that finished it (the court keeps none in memory); left empty here, a court whose saved state is of the version before writes its rows as it replays its ledger once", """
            CREATE TABLE docket.finished_case (
                court text NOT NULL,
                number bigint NOT NULL,
                finished_seq bigint NOT NULL,
                filed_at bigint NOT NULL,
                closed_at bigint NOT NULL,
                last_stage_at bigint NOT NULL,
                filing_seq bigint NOT NULL,
                team text NOT NULL,
                type text NOT NULL,
                extensions integer NOT NULL,
                suspended_days double precision NOT NULL,
                PRIMARY KEY (court, number));
            CREATE INDEX finished_case_last_stage ON docket.finished_case (court, last_stage_at, number);
            COMMENT ON TABLE docket.finished_case IS 'one row per finished case (closed, last stage done): what the court''s indicators and reports read of it; times in .NET ticks (100 ns since 0001-01-01 UTC)';
            """),
        ("the cases an entry names besides its own (a review draw's files), written with the entry, so a case's entries read back from storage are every entry that changed it; filled from the draws already stored; docket.cases counts a draw in the version of each file it names", """
            CREATE TABLE docket.ledger_case_ref (
                court text NOT NULL,
                case_id text NOT NULL,
                seq bigint NOT NULL,
                PRIMARY KEY (court, case_id, seq));
            COMMENT ON TABLE docket.ledger_case_ref IS 'a case named by an entry besides its own case_id (each file a review draw drew among): the case''s entries are its own and these';
            INSERT INTO docket.ledger_case_ref (court, case_id, seq)
                SELECT l.court, j.id, l.seq FROM docket.ledger l CROSS JOIN LATERAL json_array_elements_text(l.entry_text::json -> 'eligible') AS j (id)
                WHERE l.kind = 'review_draw'
                ON CONFLICT DO NOTHING;
            DROP VIEW IF EXISTS docket.cases;
            CREATE VIEW docket.cases AS
                SELECT case_id, court, number, type,
                       CASE WHEN closed_at IS NOT NULL THEN 'closed' WHEN team IS NOT NULL THEN 'pending' ELSE 'waiting' END AS status,
                       team, judge, policy, designated, flagged, risk, filed_at, closed_at, ledger_version, updated_at
                FROM (
                    SELECT case_id, court,
                           max((entry_text::jsonb ->> 'number')::bigint) FILTER (WHERE kind IN ('assign', 'queue')) AS number,
                           max(entry_text::jsonb ->> 'type') FILTER (WHERE kind IN ('assign', 'queue')) AS type,
                           (array_agg(team ORDER BY seq DESC) FILTER (WHERE kind IN ('assign', 'pull', 'designate')))[1] AS team,
                           (array_agg(entry_text::jsonb ->> 'judge' ORDER BY seq DESC) FILTER (WHERE kind IN ('assign', 'pull', 'designate')))[1] AS judge,
                           coalesce((array_agg(CASE WHEN kind = 'designate' THEN 'designated' ELSE policy END ORDER BY seq DESC)
                               FILTER (WHERE kind = 'designate' OR (kind IN ('assign', 'queue', 'pull') AND policy IS NOT NULL)))[1], '') AS policy,
                           bool_or(kind = 'designate' OR (kind = 'assign' AND policy = 'designated')) AS designated,
                           coalesce(bool_or((entry_text::jsonb ->> 'flagged')::boolean) FILTER (WHERE kind IN ('assign', 'queue')), false) AS flagged,
                           coalesce(nullif(max(entry_text::jsonb ->> 'risk') FILTER (WHERE kind IN ('assign', 'queue')), ''), 'none') AS risk,
                           min((entry_text::jsonb ->> 'at')::timestamptz) FILTER (WHERE kind IN ('assign', 'queue')) AS filed_at,
                           max((entry_text::jsonb ->> 'at')::timestamptz) FILTER (WHERE kind = 'close') AS closed_at,
                           max(seq) AS ledger_version,
                           max((entry_text::jsonb ->> 'at')::timestamptz) AS updated_at
                    FROM (
                        SELECT court, seq, kind, case_id, team, policy, entry_text FROM docket.ledger WHERE case_id IS NOT NULL
                        UNION ALL
                        SELECT l.court, l.seq, l.kind, r.case_id, l.team, l.policy, l.entry_text
                        FROM docket.ledger_case_ref r JOIN docket.ledger l ON l.court = r.court AND l.seq = r.seq) e
                    GROUP BY court, case_id) c
                WHERE number IS NOT NULL;
            COMMENT ON VIEW docket.cases IS 'one row per filed case, derived from its ledger entries as the service derives its record (CaseEntries); ledger_version is the seq of its last entry, a review draw that names it included';
            """),
    ];

    public static int Version => Migrations.Length;
}
