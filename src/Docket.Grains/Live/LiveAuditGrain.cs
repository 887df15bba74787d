using Docket.Abstractions.Live;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Orleans.Concurrency;

namespace Docket.Grains.Live;

/// <summary>
/// Reads a court's ledger and verifies it by re-computing it from the start: every hash, every link, every draw
/// (with the court's stored secrets, through the same <see cref="CourtState"/> the court runs), every pull,
/// report, unlock and designation. Stateless, so a long verification never holds up the court.
/// </summary>
[StatelessWorker]
public sealed class LiveAuditGrain(Organization organization, ICourtJournal journal) : Grain, ILiveAuditGrain
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

    public async Task<LedgerVerification> VerifyAsync()
    {
        var id = this.GetPrimaryKeyString();
        var court = organization.Court(id) ?? throw new ArgumentException($"no court '{id}'");
        var secrets = (await journal.ReadSecretsAsync(id)).ToDictionary(s => s.Epoch, s => s.SecretHex);
        var state = new CourtState(court, epoch => secrets.GetValueOrDefault(epoch));
        long entries = 0;
        while (true)
        {
            var page = await journal.ReadAsync(id, state.Seq, Page);
            foreach (var record in page)
            {
                entries++;
                if (record.Seq != state.Seq + 1)
                {
                    return new LedgerVerification(id, false, entries, state.DrawsChecked, state.Head, record.Seq,
                        $"entry {state.Seq + 1} is missing (found {record.Seq} next)");
                }
                if (state.Replay(record) is { } problem)
                {
                    return new LedgerVerification(id, false, entries, state.DrawsChecked, state.Head, record.Seq, problem);
                }
            }
            if (page.Count < Page)
            {
                break;
            }
        }
        return new LedgerVerification(id, true, entries, state.DrawsChecked, state.Head, null, null);
    }
}
