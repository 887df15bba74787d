using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Replay;

namespace Docket.Domain.Audit;

/// <summary>
/// How far an audited ledger was verified: its entries (every hash, link and sequence checked), and with the court's
/// scenario the entries re-verified by <see cref="ChainVerifier"/> (actors' rights, times, every decision and draw
/// re-made) — every entry up to the first of an epoch whose secret the ledger does not reveal yet.
/// </summary>
public sealed record ChainCheck(long Entries, long Verified, long DrawsReMade, int? UnrevealedEpoch);

/// <summary>Reads an exported ledger into a <see cref="RandomnessAudit"/>, verifying it on the way.</summary>
public static class AuditedLedger
{
    /// <summary>
    /// Streams the ledger's lines (<paramref name="lines"/> is read twice with a court: first for the secrets the
    /// ledger reveals) into the audit. A <see cref="LedgerInputException"/> naming <c>file:line:column</c> at the first
    /// line that is not an entry, a broken chain (<see cref="LedgerFile.Lines"/>), an entry the audit cannot read, or
    /// — with <paramref name="court"/> — the first entry <see cref="ChainVerifier"/> finds wrong.
    /// </summary>
    public static ChainCheck Read(Func<IEnumerable<string>> lines, string source, RandomnessAudit audit, Court? court)
    {
        var secrets = court is null ? null : LedgerFile.RevealedSecrets(LedgerFile.Lines(lines(), source), source);
        var verifier = court is null ? null : new ChainVerifier(court, e => secrets!.GetValueOrDefault(e));
        var verifying = verifier is not null;
        var epoch = 0;
        int? unrevealed = null;
        long entries = 0;
        foreach (var line in LedgerFile.Lines(lines(), source))
        {
            entries++;
            var e = line.Entry;
            if (audit.Add(e) is { } problem)
            {
                throw new LedgerInputException($"{LedgerFile.At(source, line.Line, line.Text, problem.Field)}: {problem.Problem}");
            }
            if (verifying && e.Kind != LedgerKinds.Genesis && !secrets!.ContainsKey(epoch))
            {
                verifying = false;
                unrevealed = epoch;
            }
            if (verifying && verifier!.Feed([new LedgerRecord(e.Court, e.Seq, e.Kind, e.Case, line.Text, line.Hash)]) is { } failure)
            {
                throw new LedgerInputException($"{source}:{line.Line}:1: the ledger fails verification at entry {failure.FirstInvalidSeq}: {failure.Problem}");
            }
            if (e.Kind is LedgerKinds.Genesis or LedgerKinds.Seed)
            {
                epoch = e.Epoch ?? epoch;
            }
        }
        if (entries == 0)
        {
            throw new LedgerInputException($"{source}: no ledger entries");
        }
        return new ChainCheck(entries, verifier?.Seq ?? 0, verifier?.DrawsChecked ?? 0, unrevealed);
    }
}
