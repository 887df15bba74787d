using System.Globalization;

namespace Docket.Domain.Audit;

/// <summary>The periods a randomness audit (and a report of assignment counts) groups draws by: calendar periods in UTC.</summary>
public enum AuditPeriod
{
    Month,
    Quarter,
    Year,
}

public static class AuditPeriods
{
    /// <summary>The periods by the names the CLI and the docs use.</summary>
    public static IReadOnlyDictionary<string, AuditPeriod> ByName { get; } = new Dictionary<string, AuditPeriod>(StringComparer.Ordinal)
    {
        ["month"] = AuditPeriod.Month,
        ["quarter"] = AuditPeriod.Quarter,
        ["year"] = AuditPeriod.Year,
    };

    public static string NameOf(AuditPeriod period) => ByName.First(p => p.Value == period).Key;

    /// <summary>The period a time falls in, in UTC: <c>2026-03</c>, <c>2026-Q1</c> or <c>2026</c>.</summary>
    public static string KeyOf(DateTimeOffset at, AuditPeriod period)
    {
        var utc = at.UtcDateTime;
        return period switch
        {
            AuditPeriod.Month => utc.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            AuditPeriod.Quarter => string.Create(CultureInfo.InvariantCulture, $"{utc.Year}-Q{((utc.Month - 1) / 3) + 1}"),
            _ => utc.Year.ToString(CultureInfo.InvariantCulture),
        };
    }
}

/// <summary>
/// One team's random draws in a period: how many it was drawn (<see cref="Observed"/>), how many it should expect
/// (<see cref="Expected"/>, the sum over the period's draws of its probability in each), and the variance of its count
/// under those probabilities (<see cref="Variance"/>, the sum of p(1 − p): draws are independent given what each
/// entry records). <see cref="Group"/> numbers the set of teams drawn among one another in the period (teams of
/// different pools never compete: each pool's total is fixed by its own draws).
/// </summary>
public sealed record TeamExpectation(string Team, long Observed, double Expected, double Variance, int Group)
{
    /// <summary>(observed − expected) ÷ √variance: about standard normal when the draws are as recorded; 0 when the count cannot vary.</summary>
    public double Residual => Variance > 0 ? (Observed - Expected) / Math.Sqrt(Variance) : 0;
}

/// <summary>A period's random draws: how many, and each team's observed and expected count, in the order teams first appeared.</summary>
public sealed record PeriodCounts(string Period, long Draws, IReadOnlyList<TeamExpectation> Teams);

/// <summary>
/// Expected counts of random draws per team and period: each draw adds every eligible team's probability under the
/// policy and weights it was made with to that team's expected count, and one to the drawn team's observed count. The
/// randomness audit tests these; a published monthly count per team can show the same expected counts beside them.
/// </summary>
public sealed class ExpectedCounts
{
    private readonly Dictionary<string, Tally> _periods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _teamIndex = new(StringComparer.Ordinal);
    private readonly List<string> _teamNames = [];
    private readonly Func<DateTimeOffset, string> _periodOf;

    public ExpectedCounts(AuditPeriod period)
    {
        Period = period;
        _periodOf = at => AuditPeriods.KeyOf(at, period);
    }

    /// <summary>Counts grouped by periods of the caller's own (a court's published months, in its own dates): <paramref name="periodOf"/> names a draw's.</summary>
    public ExpectedCounts(Func<DateTimeOffset, string> periodOf)
    {
        _periodOf = periodOf;
    }

    /// <summary>The calendar period in UTC the counts are grouped by (a month unless told otherwise).</summary>
    public AuditPeriod Period { get; } = AuditPeriod.Month;

    /// <summary>
    /// One draw at <paramref name="at"/> among <paramref name="eligible"/>, each with its probability (summing to 1),
    /// that drew <paramref name="drawn"/>. An <see cref="ArgumentException"/> when the probabilities are not one per
    /// team, negative or not summing to 1, or the drawn team had no chance.
    /// </summary>
    public void Add(DateTimeOffset at, IReadOnlyList<string> eligible, IReadOnlyList<double> probabilities, string drawn)
    {
        if (eligible.Count == 0 || probabilities.Count != eligible.Count)
        {
            throw new ArgumentException($"{probabilities.Count} probabilities for {eligible.Count} eligible teams");
        }
        if (probabilities.Any(p => !(p >= 0 && p <= 1)) || Math.Abs(probabilities.Sum() - 1) > 1e-9)
        {
            throw new ArgumentException("the probabilities are not a distribution (each in [0, 1], summing to 1)");
        }
        var chosen = -1;
        for (var i = 0; i < eligible.Count; i++)
        {
            if (eligible[i] == drawn && probabilities[i] > 0)
            {
                chosen = i;
            }
        }
        if (chosen < 0)
        {
            throw new ArgumentException($"team {drawn} is drawn but had no chance in the draw (not among its eligible teams, or of weight 0)");
        }
        var teams = new int[eligible.Count];
        for (var i = 0; i < teams.Length; i++)
        {
            if (!_teamIndex.TryGetValue(eligible[i], out teams[i]))
            {
                _teamIndex[eligible[i]] = teams[i] = _teamNames.Count;
                _teamNames.Add(eligible[i]);
            }
        }
        TallyOf(_periodOf(at)).Add(teams, probabilities is double[] array ? array : [.. probabilities], chosen);
    }

    /// <summary>
    /// One draw in period <paramref name="period"/> among teams given by their index in <see cref="ExpectedCounts(IReadOnlyList{string})"/>'s
    /// list, with their probabilities (a distribution: the caller's own, not checked), that drew the one at
    /// <paramref name="chosen"/>: the simulator's path, one per drawn case, without a string per team.
    /// </summary>
    public void Add(string period, ReadOnlySpan<int> teams, ReadOnlySpan<double> probabilities, int chosen) =>
        TallyOf(period).Add(teams, probabilities, chosen);

    /// <summary>
    /// Opens a set of draws in period <paramref name="period"/> all made among the same teams (indices as in
    /// <see cref="Add(string, ReadOnlySpan{int}, ReadOnlySpan{double}, int)"/>) with the same probabilities: each
    /// <see cref="DrawSet.Drawn"/> counts one draw in O(1), and the set's expected counts are added once, as draws × p,
    /// when the counts are read. The simulator's path for a pool whose available teams did not change between draws.
    /// </summary>
    public DrawSet Open(string period, ReadOnlySpan<int> teams, ReadOnlySpan<double> probabilities) =>
        TallyOf(period).Open(teams, probabilities);

    /// <summary>Counts over a known list of teams, grouped by periods named by the caller (<see cref="Add(string, ReadOnlySpan{int}, ReadOnlySpan{double}, int)"/>).</summary>
    public ExpectedCounts(IReadOnlyList<string> teams)
    {
        _periodOf = _ => throw new InvalidOperationException("these counts are grouped by the caller's periods");
        _teamNames.AddRange(teams);
        for (var t = 0; t < teams.Count; t++)
        {
            _teamIndex[teams[t]] = t;
        }
    }

    private Tally TallyOf(string period)
    {
        if (!_periods.TryGetValue(period, out var tally))
        {
            _periods[period] = tally = new Tally(_teamNames);
        }
        return tally;
    }

    /// <summary>Each period's counts, oldest first.</summary>
    public IReadOnlyList<PeriodCounts> Periods() =>
        [.. _periods.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value.Counts(p.Key))];

    /// <summary>Draws of one period among the same teams with the same probabilities (<see cref="Open"/>).</summary>
    public sealed class DrawSet
    {
        private readonly Tally _tally;
        private readonly int[] _places;
        private readonly double[] _probabilities;
        private long _unsettled;

        internal DrawSet(Tally tally, int[] places, double[] probabilities)
        {
            _tally = tally;
            _places = places;
            _probabilities = probabilities;
        }

        /// <summary>One draw of the set, that drew the team at <paramref name="chosen"/> in the list it was opened with.</summary>
        public void Drawn(int chosen)
        {
            _unsettled++;
            _tally.Observe(_places[chosen]);
        }

        /// <summary>Adds the draws not yet added to the teams' expected counts and variances.</summary>
        internal void Settle(List<double> expected, List<double> squares)
        {
            if (_unsettled == 0)
            {
                return;
            }
            for (var i = 0; i < _places.Length; i++)
            {
                var p = _probabilities[i];
                if (p <= 0)
                {
                    continue;
                }
                expected[_places[i]] += _unsettled * p;
                squares[_places[i]] += _unsettled * p * p;
            }
            _unsettled = 0;
        }
    }

    /// <summary>A period's counts, its teams in the order they first appeared (by their index in the counts' list of names).</summary>
    internal sealed class Tally(List<string> names)
    {
        private readonly List<DrawSet> _sets = [];
        /// <summary>Each team's place in this period's lists plus one, by its index in the names (0: not seen yet).</summary>
        private int[] _index = new int[Math.Max(16, names.Count)];
        private readonly List<int> _teams = [];
        private readonly List<long> _observed = [];
        private readonly List<double> _expected = [];
        private readonly List<double> _squares = [];
        private readonly List<int> _parent = [];
        private long _draws;

        public void Add(ReadOnlySpan<int> eligible, ReadOnlySpan<double> probabilities, int chosen)
        {
            _draws++;
            var first = -1;
            for (var i = 0; i < eligible.Length; i++)
            {
                var p = probabilities[i];
                if (p <= 0)
                {
                    continue;
                }
                var t = IndexOf(eligible[i]);
                _expected[t] += p;
                _squares[t] += p * p;
                if (i == chosen)
                {
                    _observed[t]++;
                }
                if (first < 0)
                {
                    first = t;
                }
                else
                {
                    _parent[Root(t)] = Root(first);
                }
            }
        }

        public DrawSet Open(ReadOnlySpan<int> eligible, ReadOnlySpan<double> probabilities)
        {
            var places = new int[eligible.Length];
            var first = -1;
            for (var i = 0; i < eligible.Length; i++)
            {
                if (probabilities[i] <= 0)
                {
                    places[i] = -1;
                    continue;
                }
                var t = places[i] = IndexOf(eligible[i]);
                if (first < 0)
                {
                    first = t;
                }
                else
                {
                    _parent[Root(t)] = Root(first);
                }
            }
            var set = new DrawSet(this, places, probabilities.ToArray());
            _sets.Add(set);
            return set;
        }

        internal void Observe(int place)
        {
            _draws++;
            _observed[place]++;
        }

        public PeriodCounts Counts(string period)
        {
            foreach (var set in _sets)
            {
                set.Settle(_expected, _squares);
            }
            var groups = new Dictionary<int, int>();
            var teams = new List<TeamExpectation>(_teams.Count);
            for (var t = 0; t < _teams.Count; t++)
            {
                var root = Root(t);
                if (!groups.TryGetValue(root, out var group))
                {
                    groups[root] = group = groups.Count;
                }
                teams.Add(new TeamExpectation(names[_teams[t]], _observed[t], _expected[t], Math.Max(0, _expected[t] - _squares[t]), group));
            }
            return new PeriodCounts(period, _draws, teams);
        }

        private int IndexOf(int team)
        {
            if (team >= _index.Length)
            {
                Array.Resize(ref _index, Math.Max(team + 1, _index.Length * 2));
            }
            if (_index[team] == 0)
            {
                _teams.Add(team);
                _index[team] = _teams.Count;
                _observed.Add(0);
                _expected.Add(0);
                _squares.Add(0);
                _parent.Add(_teams.Count - 1);
            }
            return _index[team] - 1;
        }

        private int Root(int t)
        {
            while (_parent[t] != t)
            {
                _parent[t] = _parent[_parent[t]];
                t = _parent[t];
            }
            return t;
        }
    }
}
