using Docket.Abstractions;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Orleans.Concurrency;

namespace Docket.Grains;

/// <summary>Reads a court's ledger page by page (the audit routes and the export). Stateless, so a long read never holds up the court.</summary>
[StatelessWorker]
public sealed class LiveAuditGrain(ICourtJournal journal) : Grain, ILiveAuditGrain
{
    private const int Page = 10_000;

    public async Task<LedgerRecord[]> GetEntriesAsync(long after, int limit, bool assignmentsOnly)
    {
        var court = this.GetPrimaryKeyString();
        var result = new List<LedgerRecord>();
        var from = Math.Max(0, after);
        while (result.Count < limit)
        {
            var page = await journal.ReadAsync(court, from, assignmentsOnly ? Page : limit - result.Count);
            foreach (var record in page)
            {
                if (result.Count < limit && (!assignmentsOnly || LedgerKinds.IsAssignment(record.Kind)))
                {
                    result.Add(record);
                }
            }
            if (page.Count == 0 || !assignmentsOnly)
            {
                break;
            }
            from = page[^1].Seq;
        }
        return [.. result];
    }
}
