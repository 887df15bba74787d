using System.Data.Common;
using Docket.Abstractions;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;

namespace Docket.Server.Storage;

/// <summary>What the SQL journals share: reading ledger rows and checking the entries of one append.</summary>
internal static class LedgerRows
{
    /// <summary>Reads rows of <c>seq, kind, case_id, entry, hash</c>, in the reader's order.</summary>
    public static async Task<IReadOnlyList<LedgerRecord>> ReadAsync(DbDataReader reader, string court, CancellationToken cancellationToken)
    {
        var result = new List<LedgerRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(Record(reader, court));
        }
        return result;
    }

    /// <summary>The ledger row the reader is on (seq, kind, case_id, entry, hash).</summary>
    public static LedgerRecord Record(DbDataReader reader, string court) =>
        new(court, reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetString(4));

    /// <summary>The columns <see cref="ReadFinishedAsync"/> reads, in its order (the same in both stores' <c>finished_case</c>).</summary>
    public const string FinishedColumns = "number, finished_seq, filed_at, closed_at, last_stage_at, filing_seq, team, type, extensions, suspended_days";

    /// <summary>Reads finished cases' rows of <see cref="FinishedColumns"/>, in the reader's order.</summary>
    public static async Task<IReadOnlyList<FinishedCase>> ReadFinishedAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var rows = new List<FinishedCase>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new FinishedCase(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5),
                reader.GetString(6), reader.GetString(7), reader.GetInt32(8), reader.GetDouble(9)));
        }
        return rows;
    }

    /// <summary>Refuses entries whose sequence numbers are not consecutive.</summary>
    public static void EnsureConsecutive(IReadOnlyList<LedgerRecord> entries)
    {
        for (var i = 1; i < entries.Count; i++)
        {
            if (entries[i].Seq != entries[i - 1].Seq + 1)
            {
                throw new ArgumentException("entries must have consecutive sequence numbers", nameof(entries));
            }
        }
    }
}
