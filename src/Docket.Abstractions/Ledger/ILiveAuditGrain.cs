using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
namespace Docket.Abstractions;

/// <summary>Reads a court's durable ledger in pages (keyed by the court's id) without holding up the court; verification is <c>LedgerCheckGrain</c>'s.</summary>
[Alias("docket.live.audit-grain")]
public interface ILiveAuditGrain : IGrainWithStringKey
{
    /// <summary>Entries after sequence <paramref name="after"/>, at most <paramref name="limit"/>.</summary>
    [Alias("entries")]
    Task<LedgerRecord[]> GetEntriesAsync(long after, int limit, bool assignmentsOnly);

}
