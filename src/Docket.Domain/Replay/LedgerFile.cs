using System.Text.Json;
using Docket.Domain.Ledger;

namespace Docket.Domain.Replay;

/// <summary>One line of an exported ledger: its number in the file, its text (what was hashed), that text's hash, the entry.</summary>
public sealed record LedgerLine(int Line, string Text, string Hash, LedgerEntry Entry);

/// <summary>A ledger file or a scenario that cannot be replayed as given: the message names the line, entry or id at fault.</summary>
public sealed class LedgerInputException(string message) : Exception(message);

/// <summary>
/// Reads a court's exported ledger (<c>GET /api/courts/{court}/ledger?format=jsonl</c>: one entry a line, each the
/// text that was hashed) and verifies its chain: every line is an entry, the first is sequence 1 linking to 64 zeros,
/// each next one's <c>prev</c> is the SHA-256 of the line before and its sequence the one after, all of one court.
/// </summary>
public static class LedgerFile
{
    /// <summary>The verified lines; a <see cref="LedgerInputException"/> naming the first line or entry that fails.</summary>
    public static IReadOnlyList<LedgerLine> Read(IEnumerable<string> lines, string source)
    {
        var result = Lines(lines, source).ToList();
        if (result.Count == 0)
        {
            throw new LedgerInputException($"{source}: no ledger entries");
        }
        return result;
    }

    /// <summary>
    /// The lines verified one by one as they are read (a ledger of millions of entries is never held whole); a
    /// <see cref="LedgerInputException"/> naming <c>file:line:column</c> at the first that fails, when it is reached.
    /// </summary>
    public static IEnumerable<LedgerLine> Lines(IEnumerable<string> lines, string source)
    {
        LedgerLine? previous = null;
        var number = 0;
        foreach (var text in lines)
        {
            number++;
            if (text.Length == 0)
            {
                throw new LedgerInputException($"{source}:{number}:1: an empty line (one ledger entry a line expected)");
            }
            LedgerEntry entry;
            try
            {
                entry = LedgerEntry.Parse(text);
            }
            catch (JsonException e)
            {
                throw new LedgerInputException($"{source}:{number}:{(e.BytePositionInLine ?? 0) + 1}: not a ledger entry ({LedgerEntry.Explain(e)})");
            }
            var expectedSeq = (previous?.Entry.Seq ?? 0) + 1;
            if (entry.Seq != expectedSeq)
            {
                throw new LedgerInputException(previous is null
                    ? $"{At(source, number, text, "seq")}: the ledger starts at entry {entry.Seq}, not 1 (export the whole ledger)"
                    : $"{At(source, number, text, "seq")}: entry {entry.Seq} follows entry {previous.Entry.Seq} (a gap or a repeat in the sequence)");
            }
            if (entry.Prev != (previous?.Hash ?? LedgerHash.Genesis))
            {
                throw new LedgerInputException(previous is null
                    ? $"{At(source, number, text, "prev")}: entry {entry.Seq}'s prev is not 64 zeros"
                    : $"{At(source, number, text, "prev")}: entry {entry.Seq}'s prev does not match the SHA-256 of entry {previous.Entry.Seq} (a changed entry or a broken link)");
            }
            if (previous is not null && entry.Court != previous.Entry.Court)
            {
                throw new LedgerInputException($"{At(source, number, text, "court")}: entry {entry.Seq} is of court '{entry.Court}', the ledger of court '{previous.Entry.Court}'");
            }
            if (previous is null && entry.Kind != LedgerKinds.Genesis)
            {
                throw new LedgerInputException($"{At(source, number, text, "kind")}: entry 1 is a {entry.Kind} entry, not the genesis entry");
            }
            if (previous is null && Courts.CourtRules.Unknown(entry.Rules) is { } unknown)
            {
                throw new LedgerInputException($"{At(source, number, text, "rules")}: entry 1's {unknown}");
            }
            previous = new LedgerLine(number, text, LedgerHash.Of(text), entry);
            yield return previous;
        }
    }

    /// <summary><c>file:line:column</c> of a field of an entry's text: the column of its name (1 when it has none).</summary>
    public static string At(string source, int line, string text, string field)
    {
        var at = text.IndexOf($"\"{field}\":", StringComparison.Ordinal);
        return $"{source}:{line}:{(at < 0 ? 1 : at + 1)}";
    }

    /// <summary>
    /// The secrets the ledger reveals, by epoch: each <c>seed</c> entry's <c>revealed_secret</c> is the previous
    /// epoch's, checked against that epoch's commitment (a <see cref="LedgerInputException"/> when it does not match).
    /// </summary>
    public static IReadOnlyDictionary<int, string> RevealedSecrets(IEnumerable<LedgerLine> lines, string source)
    {
        var commitments = new Dictionary<int, string>();
        var secrets = new Dictionary<int, string>();
        var epoch = 0;
        foreach (var line in lines)
        {
            var e = line.Entry;
            if (e.Kind is not (LedgerKinds.Genesis or LedgerKinds.Seed))
            {
                continue;
            }
            if (e.Kind == LedgerKinds.Seed && e.RevealedSecret is { } revealed)
            {
                if (!commitments.TryGetValue(epoch, out var commitment) || !LedgerHash.Opens(revealed, commitment))
                {
                    throw new LedgerInputException($"{At(source, line.Line, line.Text, "revealed_secret")}: entry {e.Seq}'s revealed_secret does not match epoch {epoch}'s commitment");
                }
                secrets[epoch] = revealed;
            }
            epoch = e.Epoch ?? throw new LedgerInputException($"{source}:{line.Line}:1: {e.Kind} entry {e.Seq} has no epoch");
            commitments[epoch] = e.Commitment ?? throw new LedgerInputException($"{source}:{line.Line}:1: {e.Kind} entry {e.Seq} has no commitment");
        }
        return secrets;
    }
}
