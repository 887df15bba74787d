namespace Docket.Domain.Ledger;

/// <summary>
/// A stored ledger record as read, before a court replays it: whether its text matches its stored hash, and its entry
/// parsed (null, with the parser's complaint, when the text is not an entry). Reading is pure, so it can be done ahead
/// of the replay, on another thread.
/// </summary>
public sealed record ReadRecord(LedgerRecord Record, bool HashHolds, LedgerEntry? Entry, string? ParseProblem)
{
    public static ReadRecord Of(LedgerRecord record)
    {
        var hashHolds = LedgerHash.Of(record.Json) == record.Hash;
        try
        {
            return new ReadRecord(record, hashHolds, LedgerEntry.Parse(record.Json), null);
        }
        catch (System.Text.Json.JsonException e)
        {
            return new ReadRecord(record, hashHolds, null, LedgerEntry.Explain(e));
        }
    }
}
