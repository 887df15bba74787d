namespace Docket.Domain.Ledger;

/// <summary>
/// The cases an entry names besides its own case (<see cref="LedgerRecord.CaseId"/>): a quality-review draw names every
/// closed file it drew among (<see cref="LedgerEntry.Eligible"/>), each of which it changes (drawn or passed over). A
/// court's journal keeps them beside the entry, in the same write, so a case's entries read back from storage are every
/// entry that changed it (<see cref="Courts.CaseEntries.Fold"/>). No other kind names more than one case.
/// </summary>
public static class NamedCases
{
    /// <summary>The other cases <paramref name="record"/> names; empty for every kind but a review draw.</summary>
    public static IReadOnlyList<string> Besides(LedgerRecord record) =>
        record.Kind == LedgerKinds.ReviewDraw ? LedgerEntry.Parse(record.Json).Eligible ?? [] : [];

    /// <summary>Each (entry, case) pair of a batch of entries for the cases they name besides their own.</summary>
    public static List<(LedgerRecord Record, string CaseId)> In(IReadOnlyList<LedgerRecord> records)
    {
        var named = new List<(LedgerRecord, string)>();
        foreach (var record in records)
        {
            foreach (var id in Besides(record))
            {
                named.Add((record, id));
            }
        }
        return named;
    }
}
