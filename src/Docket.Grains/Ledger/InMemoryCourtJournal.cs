using System.Buffers;
using Docket.Abstractions;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;

namespace Docket.Grains;

/// <summary>The journal kept in memory: for <c>--storage memory</c> and tests; lost when the process ends.</summary>
public sealed class InMemoryCourtJournal : ICourtJournal
{
    private readonly Dictionary<string, List<LedgerRecord>> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, int), CourtSecret> _secrets = [];
    private readonly Dictionary<string, SavedCourtState> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Court, string Key), (KeyedFiling Filing, long FiledAtMs)> _keys = [];
    private readonly Dictionary<string, FinishedCaseTable> _finished = new(StringComparer.Ordinal);

    /// <summary>The entries naming each case besides its own (<see cref="NamedCases"/>), by (court, case).</summary>
    private readonly Dictionary<(string Court, string Case), List<long>> _named = [];
    private readonly Lock _lock = new();

    public Task SaveStateAsync(string court, long seq, ReadOnlySequence<byte> state, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_states.TryGetValue(court, out var old) || old.Seq <= seq)
            {
                _states[court] = new SavedCourtState(seq, state.ToArray());
            }
        }
        return Task.CompletedTask;
    }

    public Task<SavedCourtState?> ReadStateAsync(string court, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_states.GetValueOrDefault(court));
        }
    }

    public Task<long?> ReadStateSeqAsync(string court, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_states.TryGetValue(court, out var saved) ? saved.Seq : (long?)null);
        }
    }

    public Task<IReadOnlyList<LedgerRecord>> ReadAsync(string court, long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(court, out var list))
            {
                return Task.FromResult<IReadOnlyList<LedgerRecord>>([]);
            }
            // Sequence numbers start at 1 and have no gaps: entry n is at index n - 1.
            var start = (int)Math.Clamp(afterSeq, 0, list.Count);
            var count = Math.Min(limit, list.Count - start);
            return Task.FromResult<IReadOnlyList<LedgerRecord>>(list.GetRange(start, count));
        }
    }

    public Task<IReadOnlyList<LedgerRecord>> ReadCaseAsync(string court, string caseId, CancellationToken cancellationToken = default)
    {
        HashSet<long>? named;
        lock (_lock)
        {
            named = _named.TryGetValue((court, caseId), out var seqs) ? [.. seqs] : null;
        }
        return Where(court, r => r.CaseId == caseId || named?.Contains(r.Seq) == true, 0, int.MaxValue);
    }

    public Task<IReadOnlyList<LedgerRecord>> ReadKindAsync(string court, string kind, long afterSeq, int limit, CancellationToken cancellationToken = default) =>
        Where(court, r => r.Kind == kind, afterSeq, limit);

    private Task<IReadOnlyList<LedgerRecord>> Where(string court, Func<LedgerRecord, bool> match, long afterSeq, int limit)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<LedgerRecord>>(_entries.TryGetValue(court, out var list)
                ? [.. list.Skip((int)Math.Clamp(afterSeq, 0, list.Count)).Where(match).Take(limit)]
                : []);
        }
    }

    public Task AppendAsync(string court, IReadOnlyList<LedgerRecord> entries, IReadOnlyList<FinishedCase>? finished = null, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(court, out var list))
            {
                _entries[court] = list = [];
            }
            if (entries.Count > 0 && entries[0].Seq != list.Count + 1)
            {
                throw new LedgerContinuityException($"court {court}: entry {entries[0].Seq} does not follow entry {list.Count}");
            }
            list.AddRange(entries);
            FinishedOf(court).Put(finished ?? []);
            foreach (var (record, key) in FiledKey.In(entries))
            {
                _keys[(court, key.Key)] = (new KeyedFiling(record.Seq, record.CaseId!), key.FiledAtMs);
            }
            foreach (var (record, caseId) in NamedCases.In(entries))
            {
                if (!_named.TryGetValue((court, caseId), out var seqs))
                {
                    _named[(court, caseId)] = seqs = [];
                }
                seqs.Add(record.Seq);
            }
        }
        return Task.CompletedTask;
    }

    public Task PutFinishedAsync(string court, IReadOnlyList<FinishedCase> finished, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            FinishedOf(court).Put(finished);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FinishedCase>> ReadFinishedAsync(string court, long throughSeq, FinishedKey after, int limit, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(FinishedOf(court).Read(throughSeq, after, limit));
        }
    }

    public Task<IReadOnlyList<FinishedCase>> FindFinishedAsync(string court, IReadOnlyList<long> numbers, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(FinishedOf(court).Find(numbers));
        }
    }

    private FinishedCaseTable FinishedOf(string court)
    {
        if (!_finished.TryGetValue(court, out var table))
        {
            _finished[court] = table = new FinishedCaseTable();
        }
        return table;
    }

    public Task<KeyedFiling?> FindKeyAsync(string court, string key, DateTimeOffset filedSince, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_keys.TryGetValue((court, key), out var kept) && kept.FiledAtMs >= filedSince.ToUnixTimeMilliseconds()
                ? kept.Filing
                : null);
        }
    }

    public Task<int> ForgetKeysAsync(string court, DateTimeOffset filedBefore, int limit, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var cutoff = filedBefore.ToUnixTimeMilliseconds();
            var old = _keys.Where(k => k.Key.Court == court && k.Value.FiledAtMs < cutoff).Take(limit).Select(k => k.Key).ToList();
            foreach (var k in old)
            {
                _keys.Remove(k);
            }
            return Task.FromResult(old.Count);
        }
    }

    /// <summary>Idempotency keys kept for <paramref name="court"/> (for tests).</summary>
    public int KeysOf(string court)
    {
        lock (_lock)
        {
            return _keys.Keys.Count(k => k.Court == court);
        }
    }

    public Task<IReadOnlyList<CourtSecret>> ReadSecretsAsync(string court, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<CourtSecret>>([.. _secrets.Values.Where(s => s.Court == court).OrderBy(s => s.Epoch)]);
        }
    }

    public Task<CourtSecret> AddSecretAsync(CourtSecret secret, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_secrets.TryGetValue((secret.Court, secret.Epoch), out var stored))
            {
                _secrets[(secret.Court, secret.Epoch)] = stored = secret;
            }
            return Task.FromResult(stored);
        }
    }

    /// <summary>
    /// Replaces a stored entry's text as an attacker with access to the store would (for tests); with
    /// <paramref name="rehash"/>, its stored hash too (the chain's next link then no longer matches).
    /// </summary>
    public void Tamper(string court, long seq, Func<string, string> change, bool rehash = false)
    {
        lock (_lock)
        {
            var list = _entries[court];
            var old = list[(int)seq - 1];
            var json = change(old.Json);
            list[(int)seq - 1] = old with { Json = json, Hash = rehash ? LedgerHash.Of(json) : old.Hash };
        }
    }
}
