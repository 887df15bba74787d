namespace Docket.Domain.Assignment;

/// <summary>
/// The state every assignment policy decides on: which teams accept which case types, their pending cases per
/// category, their weighted pending work, who is absent, and — kept current on every change — the set of teams that
/// can take a case of each type right now (accepting it, present, under their cap for its category).
/// </summary>
public sealed class TeamBoard
{
    private readonly BoardTeam[] _teams;
    private readonly int[] _typeCategory;
    private readonly double[] _typeWeight;
    private readonly int[][] _eligible;
    private readonly int[][] _eligibleByCategory;
    private readonly int[][] _typesOfTeamInCategory;
    private readonly bool[] _accepts;
    private readonly IndexSet[] _available;
    private readonly int[] _pending;
    private readonly long[] _assigned;
    private readonly double[] _pendingWork;
    private readonly bool[] _absent;
    private readonly bool[] _off;
    private readonly int[] _caps;
    private readonly int[][] _typesOfTeam;
    private IBoardListener[] _listeners = [];

    /// <param name="teams">The pool's teams.</param>
    /// <param name="typeCategory">Category index of every case type (global type indices).</param>
    /// <param name="typeWeight">Workload weight of every case type.</param>
    /// <param name="defaultCap">The pool's cap per team and category, where a team has none of its own.</param>
    public TeamBoard(IReadOnlyList<BoardTeam> teams, IReadOnlyList<int> typeCategory, IReadOnlyList<double> typeWeight, int? defaultCap = null)
    {
        _teams = [.. teams];
        _typeCategory = [.. typeCategory];
        _typeWeight = [.. typeWeight];
        TypeCount = _typeCategory.Length;
        CategoryCount = TypeCount == 0 ? 0 : _typeCategory.Max() + 1;
        var n = _teams.Length;
        _caps = [.. _teams.Select(t => t.Cap ?? defaultCap ?? int.MaxValue)];
        _typesOfTeam = [.. _teams.Select(t => t.Accepts.Distinct().Order().ToArray())];
        _accepts = new bool[n * TypeCount];
        _pending = new int[n * CategoryCount];
        _assigned = new long[n * CategoryCount];
        _pendingWork = new double[n];
        _absent = new bool[n];
        _off = new bool[n * CategoryCount];
        _typesOfTeamInCategory = new int[n * CategoryCount][];
        var eligible = Enumerable.Range(0, TypeCount).Select(_ => new List<int>()).ToArray();
        var byCategory = Enumerable.Range(0, CategoryCount).Select(_ => new List<int>()).ToArray();
        var typesInCat = Enumerable.Range(0, n * CategoryCount).Select(_ => new List<int>()).ToArray();
        for (var team = 0; team < n; team++)
        {
            foreach (var category in _teams[team].Standby)
            {
                _off[(team * CategoryCount) + category] = true;
            }
            foreach (var type in _teams[team].Accepts.Distinct().Order())
            {
                _accepts[(team * TypeCount) + type] = true;
                eligible[type].Add(team);
                var category = _typeCategory[type];
                typesInCat[(team * CategoryCount) + category].Add(type);
                if (!byCategory[category].Contains(team))
                {
                    byCategory[category].Add(team);
                }
            }
        }
        _eligible = [.. eligible.Select(l => l.ToArray())];
        _eligibleByCategory = [.. byCategory.Select(l => l.ToArray())];
        for (var i = 0; i < typesInCat.Length; i++)
        {
            _typesOfTeamInCategory[i] = [.. typesInCat[i]];
        }
        _available = new IndexSet[TypeCount];
        for (var type = 0; type < TypeCount; type++)
        {
            _available[type] = new IndexSet(n);
            foreach (var team in _eligible[type])
            {
                if (CapOf(team) > 0 && !_off[(team * CategoryCount) + _typeCategory[type]])
                {
                    _available[type].Add(team);
                }
            }
        }
    }

    public int TeamCount => _teams.Length;

    public int TypeCount { get; }

    public int CategoryCount { get; }

    public IReadOnlyList<BoardTeam> Teams => _teams;

    /// <summary>Adds an index (a policy's, the designation's) to be told of every change of availability and load.</summary>
    internal void Listen(IBoardListener listener) => _listeners = [.. _listeners, listener];

    public int CategoryOf(int type) => _typeCategory[type];

    public double WeightOf(int type) => _typeWeight[type];

    /// <summary>Teams accepting the type, present or not, capped or not, in team order.</summary>
    public ReadOnlySpan<int> Eligible(int type) => _eligible[type];

    /// <summary>Teams accepting any type of the category, in team order.</summary>
    public ReadOnlySpan<int> EligibleInCategory(int category) => _eligibleByCategory[category];

    /// <summary>Teams that can take a case of the type now.</summary>
    public IndexSet Available(int type) => _available[type];

    public bool Accepts(int team, int type) => _accepts[(team * TypeCount) + type];

    public bool IsAvailable(int team, int type) => _available[type].Contains(team);

    /// <summary>Changes whenever the teams available for the type change (absence, a cap reached or left, a specialty).</summary>
    public long AvailabilityVersion(int type) => _available[type].Version;

    public int CapOf(int team) => _caps[team];

    /// <summary>The case types the team accepts, in order.</summary>
    public ReadOnlySpan<int> TypesOf(int team) => _typesOfTeam[team];

    public int Pending(int team, int category) => _pending[(team * CategoryCount) + category];

    public long AssignedInCategory(int team, int category) => _assigned[(team * CategoryCount) + category];

    public double PendingWork(int team) => _pendingWork[team];

    public bool IsAbsent(int team) => _absent[team];

    /// <summary>Records that the team received a case of the type.</summary>
    public void Assign(int team, int type)
    {
        if (!Accepts(team, type))
        {
            throw new InvalidOperationException($"team {_teams[team].Id} does not accept case type {type}");
        }
        var category = _typeCategory[type];
        var slot = (team * CategoryCount) + category;
        var pending = ++_pending[slot];
        if (pending > CapOf(team))
        {
            throw new InvalidOperationException($"team {_teams[team].Id} is over its cap of {CapOf(team)}");
        }
        _assigned[slot]++;
        _pendingWork[team] += _typeWeight[type];
        if (pending == CapOf(team))
        {
            SetCategoryAvailability(team, category, false);
        }
        LoadChanged(team, category);
    }

    /// <summary>Records that the team closed (or handed back) a case of the type.</summary>
    public void Close(int team, int type)
    {
        var category = _typeCategory[type];
        var slot = (team * CategoryCount) + category;
        var pending = --_pending[slot];
        _pendingWork[team] -= _typeWeight[type];
        if (pending == CapOf(team) - 1)
        {
            SetCategoryAvailability(team, category, true);
        }
        LoadChanged(team, category);
    }

    /// <summary>Marks the team's judge away or back. Away teams receive nothing; back, they are treated as before.</summary>
    public void SetAbsent(int team, bool absent)
    {
        if (_absent[team] == absent)
        {
            return;
        }
        _absent[team] = absent;
        for (var category = 0; category < CategoryCount; category++)
        {
            if (!absent)
            {
                CatchUpCount(team, category);
            }
            SetCategoryAvailability(team, category, !absent);
        }
    }

    /// <summary>Whether the team takes new cases of the category (it accepts it and has not left it, or has joined it).</summary>
    public bool TakesSpecialty(int team, int category) =>
        !_off[(team * CategoryCount) + category] && _typesOfTeamInCategory[(team * CategoryCount) + category].Length > 0;

    /// <summary>
    /// The team joins (or leaves) a category it accepts: leaving, it receives no new case of it (its pending cases
    /// stay with it); joining, it is available for it as for any other. Linshu's moves (case 163), in simulation.
    /// </summary>
    public void SetSpecialty(int team, int category, bool on)
    {
        if (_typesOfTeamInCategory[(team * CategoryCount) + category].Length == 0)
        {
            throw new InvalidOperationException($"team {_teams[team].Id} does not accept category {category}");
        }
        _off[(team * CategoryCount) + category] = !on;
        SetCategoryAvailability(team, category, on);
    }

    /// <summary>
    /// On return, a team's count of cases received in a category is raised to the mean of its present peers', so
    /// that balancing by counts neither piles the missed cases on it nor lets it keep a lighter load for good.
    /// </summary>
    private void CatchUpCount(int team, int category)
    {
        long sum = 0;
        var peers = 0;
        foreach (var other in _eligibleByCategory[category])
        {
            if (other != team && !_absent[other])
            {
                sum += _assigned[(other * CategoryCount) + category];
                peers++;
            }
        }
        var slot = (team * CategoryCount) + category;
        if (peers > 0 && sum / peers > _assigned[slot])
        {
            _assigned[slot] = sum / peers;
            LoadChanged(team, category);
        }
    }

    /// <summary>
    /// Writes what the board's history made of it: pending and received counts, pending work, who is away, and the
    /// order of each type's set of available teams (a uniform draw indexes it).
    /// </summary>
    internal void WriteState(BinaryWriter w)
    {
        w.Write(_pending.Length);
        Array.ForEach(_pending, w.Write);
        Array.ForEach(_assigned, w.Write);
        Array.ForEach(_pendingWork, w.Write);
        Array.ForEach(_absent, w.Write);
        foreach (var set in _available)
        {
            w.Write(set.Count);
            for (var i = 0; i < set.Count; i++)
            {
                w.Write(set[i]);
            }
        }
    }

    /// <summary>Takes the state <see cref="WriteState"/> wrote, on a board no index listens to yet.</summary>
    internal void ReadState(BinaryReader r)
    {
        if (_listeners.Length > 0 || r.ReadInt32() != _pending.Length)
        {
            throw new InvalidDataException("the board's saved state is not of this board");
        }
        for (var i = 0; i < _pending.Length; i++)
        {
            _pending[i] = r.ReadInt32();
        }
        for (var i = 0; i < _assigned.Length; i++)
        {
            _assigned[i] = r.ReadInt64();
        }
        for (var i = 0; i < _pendingWork.Length; i++)
        {
            _pendingWork[i] = r.ReadDouble();
        }
        for (var i = 0; i < _absent.Length; i++)
        {
            _absent[i] = r.ReadBoolean();
        }
        foreach (var set in _available)
        {
            set.Clear();
            var count = r.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                set.Add(r.ReadInt32());
            }
        }
    }

    private void SetCategoryAvailability(int team, int category, bool wanted)
    {
        foreach (var type in _typesOfTeamInCategory[(team * CategoryCount) + category])
        {
            var available = wanted && !_off[(team * CategoryCount) + category] && !_absent[team] && Pending(team, category) < CapOf(team);
            if (available == _available[type].Contains(team))
            {
                continue;
            }
            if (available)
            {
                _available[type].Add(team);
            }
            else
            {
                _available[type].Remove(team);
            }
            foreach (var listener in _listeners)
            {
                listener.AvailabilityChanged(type, team, available);
            }
        }
    }

    private void LoadChanged(int team, int category)
    {
        foreach (var listener in _listeners)
        {
            listener.LoadChanged(team, category);
        }
    }
}
