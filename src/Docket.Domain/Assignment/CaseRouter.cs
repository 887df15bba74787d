using Docket.Domain.Randomness;
using Docket.Domain.Simulation;
using Docket.Domain.Supervision;

namespace Docket.Domain.Assignment;

/// <summary>
/// A court's routing of new cases, the one the simulator and the live service both use: it owns the court's boards,
/// each pool's policy and designation index. A case goes to the pool of its type; a flagged case (or one of larger or
/// major risk) is designated to the least-loaded leader-led team of the whole court that can take it when its pool
/// designates ("random first, designated second", case 161); otherwise the pool's policy chooses, with the case's
/// draw (<see cref="AssignmentDraw"/>: seed, the pool's stream key, the case number) when the policy draws; otherwise
/// the case waits. Teams are court team indices (<see cref="CourtLayout.Teams"/>) throughout.
/// <see cref="Route"/> allocates nothing; what the live service's ledger records beside a decision (the eligible
/// teams in draw order, the weights of a weighted draw) is computed only when asked for.
/// </summary>
public sealed class CaseRouter
{
    private readonly CourtLayout _layout;
    private readonly TeamBoard[] _boards;
    private readonly AssignmentPolicy[] _policies;
    private readonly DesignatedAssignment[] _designated;
    private readonly ulong[] _poolStreamKeys;
    private readonly AssignmentDraw _draw = new();
    private readonly RandomStream _noDraw = new(0);

    /// <param name="layout">The court.</param>
    /// <param name="courtStreamName">
    /// The court's name in its pools' stream keys (<see cref="AssignmentDraw.PoolStreamKey"/>): the live service's
    /// court id; in the simulator <c>CourtSimulation.StreamName</c>.
    /// </param>
    public CaseRouter(CourtLayout layout, string courtStreamName)
        : this(layout, courtStreamName, null)
    {
    }

    /// <summary>A router whose boards and policies take the state <see cref="WriteState"/> saved, rather than starting empty.</summary>
    internal CaseRouter(CourtLayout layout, string courtStreamName, BinaryReader? saved)
        : this(layout, courtStreamName, saved, specialtyMoves: false)
    {
    }

    /// <summary>
    /// A router whose teams may move between specialties (<c>scores.moves</c>, in simulation only: the live service
    /// has no rounds): its boards come from <see cref="CourtLayout.CreateBoard(int, bool)"/>.
    /// </summary>
    internal CaseRouter(CourtLayout layout, string courtStreamName, BinaryReader? saved, bool specialtyMoves)
    {
        _layout = layout;
        var pools = layout.PoolSpecs.Count;
        _boards = new TeamBoard[pools];
        _policies = new AssignmentPolicy[pools];
        _designated = new DesignatedAssignment[pools];
        _poolStreamKeys = new ulong[pools];
        for (var p = 0; p < pools; p++)
        {
            _boards[p] = layout.CreateBoard(p, specialtyMoves);
            // A board takes its saved state before its policy and designation index are made from it.
            if (saved is not null)
            {
                _boards[p].ReadState(saved);
            }
            _policies[p] = AssignmentPolicy.Create(layout.PoolSpecs[p], _boards[p]);
            if (saved is not null)
            {
                _policies[p].ReadState(saved);
            }
            _designated[p] = new DesignatedAssignment(_boards[p]);
            _poolStreamKeys[p] = AssignmentDraw.PoolStreamKey(courtStreamName, layout.PoolNames[p]);
        }
    }

    public CourtLayout Layout => _layout;

    /// <summary>Writes each pool's board and policy history, for a router made again from it.</summary>
    internal void WriteState(BinaryWriter w)
    {
        for (var p = 0; p < _boards.Length; p++)
        {
            _boards[p].WriteState(w);
            _policies[p].WriteState(w);
        }
    }

    /// <summary>Each pool's board (pool-local team indices).</summary>
    public IReadOnlyList<TeamBoard> Boards => _boards;

    /// <summary>Each pool's policy.</summary>
    public IReadOnlyList<AssignmentPolicy> Policies => _policies;

    /// <summary>The entity key of each pool's draws: <see cref="AssignmentDraw.PoolStreamKey"/> of the court's stream name and <see cref="CourtLayout.PoolNames"/>.</summary>
    public IReadOnlyList<ulong> PoolStreamKeys => _poolStreamKeys;

    /// <summary>Whether the pool's policy chooses with the case's draw (and so needs a seed).</summary>
    /// <summary>Changes whenever the teams a draw of the type in the pool picks among change (<see cref="TeamBoard.AvailabilityVersion"/>).</summary>
    public long AvailabilityVersion(int pool, int type) => _boards[pool].AvailabilityVersion(type);

    public bool Draws(int pool) => AssignmentDraw.UsesDraw(_policies[pool].Kind);

    /// <summary>
    /// <see cref="Route"/>, with what a ledger records beside the decision, read before it (a policy's choice can
    /// change its own state, a pull queue or a deck): the teams the draw was made among, in draw order, and a weighted
    /// draw's weights; for a case designated to a leader's team, every leader-led team that could take the type, and
    /// no weights. The type's pool must take it.
    /// </summary>
    public RecordedRoute RouteRecorded(int type, bool flagged, RiskLevel risk, long number, ulong? seed)
    {
        var pool = _layout.TypePool[type];
        var eligible = Eligible(pool, type);
        var weights = Weights(pool, type);
        var route = Route(type, flagged, risk, number, seed);
        return route.Designated ? new RecordedRoute(route, LeaderCandidates(type), null) : new RecordedRoute(route, eligible, weights);
    }

    /// <summary>
    /// Where new case number <paramref name="number"/> of the type goes, designation first, then the pool's policy.
    /// Advances the policy's own state (a deck, a rotation) but not the boards: the caller records the assignment
    /// with <see cref="Assign"/>. <paramref name="seed"/> may be null only when the pool's policy does not draw
    /// (<see cref="Draws"/>); an <see cref="InvalidOperationException"/> otherwise.
    /// </summary>
    public CaseRoute Route(int type, bool flagged, RiskLevel risk, long number, ulong? seed)
    {
        var pool = _layout.TypePool[type];
        if (pool < 0)
        {
            return new CaseRoute(-1, -1, false, default, false);
        }
        var policy = _policies[pool];
        if (DesignatedAssignment.Applies(flagged, risk, _layout.PoolSpecs[pool].Designated))
        {
            var leader = LeaderTeam(type);
            if (leader >= 0)
            {
                return new CaseRoute(_layout.Teams[leader].Pool, leader, true, policy.Kind, false);
            }
        }
        var random = _noDraw;
        var drawn = AssignmentDraw.UsesDraw(policy.Kind);
        if (drawn)
        {
            if (seed is not { } s)
            {
                throw new InvalidOperationException($"court {_layout.CourtId}: the draw of case {number} in pool {_layout.PoolNames[pool]} needs a seed");
            }
            random = _draw.For(s, _poolStreamKeys[pool], number);
        }
        var local = policy.Choose(type, random);
        return new CaseRoute(pool, local < 0 ? -1 : _layout.PoolTeams[pool][local], false, policy.Kind, drawn);
    }

    /// <summary>The least-loaded leader-led team of the whole court that can take the type now, or -1 (<see cref="DesignatedAssignment.AcrossCourt"/>).</summary>
    public int LeaderTeam(int type) => DesignatedAssignment.AcrossCourt(_designated, _layout.PoolTeams, type);

    /// <summary>Ids of every leader-led team of the court that can take the type now, pool by pool in team order: a designation's candidates.</summary>
    public string[] LeaderCandidates(int type)
    {
        var candidates = new List<string>();
        foreach (var board in _boards)
        {
            foreach (var t in board.Eligible(type))
            {
                if (board.Teams[t].Leader && board.IsAvailable(t, type))
                {
                    candidates.Add(board.Teams[t].Id);
                }
            }
        }
        return [.. candidates];
    }

    /// <summary>
    /// Ids of the pool's teams that can take the type now, in the order the pool's draw indexes them: for weighted
    /// random, team order; for the others, the board's set of available teams in its own order (a uniform draw picks
    /// its <c>Next(count)</c>-th). Call it before the case is assigned.
    /// </summary>
    public string[] Eligible(int pool, int type)
    {
        var board = _boards[pool];
        if (_policies[pool] is WeightedRandomAssignment)
        {
            var list = new string[AvailableEligible(board, type)];
            var i = 0;
            foreach (var t in board.Eligible(type))
            {
                if (board.IsAvailable(t, type))
                {
                    list[i++] = board.Teams[t].Id;
                }
            }
            return list;
        }
        var available = board.Available(type);
        var eligible = new string[available.Count];
        for (var i = 0; i < available.Count; i++)
        {
            eligible[i] = board.Teams[available[i]].Id;
        }
        return eligible;
    }

    /// <summary>The weights of a weighted-random pool's eligible teams, in the order of <see cref="Eligible"/>; null for any other policy.</summary>
    public double[]? Weights(int pool, int type)
    {
        if (_policies[pool] is not WeightedRandomAssignment weighted)
        {
            return null;
        }
        var board = _boards[pool];
        var weights = new double[AvailableEligible(board, type)];
        var i = 0;
        foreach (var t in board.Eligible(type))
        {
            if (board.IsAvailable(t, type))
            {
                weights[i++] = weighted.WeightOf(t);
            }
        }
        return weights;
    }

    /// <summary>
    /// The teams a draw in the pool picks among for the type now (pool-local indices, in <see cref="Eligible"/>'s
    /// order), with their weights under a weighted-random policy and 1 otherwise, written into the buffers (each at
    /// least the pool's team count); returns how many. No allocation: the simulator counts every draw's shares.
    /// </summary>
    public int DrawCandidates(int pool, int type, Span<int> teams, Span<double> weights)
    {
        var board = _boards[pool];
        var n = 0;
        if (_policies[pool] is WeightedRandomAssignment weighted)
        {
            foreach (var t in board.Eligible(type))
            {
                if (board.IsAvailable(t, type))
                {
                    teams[n] = t;
                    weights[n++] = weighted.WeightOf(t);
                }
            }
            return n;
        }
        var available = board.Available(type);
        for (var i = 0; i < available.Count; i++)
        {
            teams[n] = available[i];
            weights[n++] = 1.0;
        }
        return n;
    }

    private static int AvailableEligible(TeamBoard board, int type)
    {
        var count = 0;
        foreach (var t in board.Eligible(type))
        {
            count += board.IsAvailable(t, type) ? 1 : 0;
        }
        return count;
    }

    /// <summary>Whether the team can take a case of the type now: accepts it, present, under its cap.</summary>
    public bool CanTake(int team, int type)
    {
        var t = _layout.Teams[team];
        return _boards[t.Pool].Accepts(t.LocalIndex, type) && _boards[t.Pool].IsAvailable(t.LocalIndex, type);
    }

    /// <summary>Whether the team is away (an absence under way): it receives nothing until it is back.</summary>
    public bool IsAbsent(int team)
    {
        var t = _layout.Teams[team];
        return _boards[t.Pool].IsAbsent(t.LocalIndex);
    }

    /// <summary>Records that the team received a case of the type (<see cref="TeamBoard.Assign"/>).</summary>
    public void Assign(int team, int type)
    {
        var t = _layout.Teams[team];
        _boards[t.Pool].Assign(t.LocalIndex, type);
    }

    /// <summary>Records that the team closed (or handed on) a case of the type (<see cref="TeamBoard.Close"/>).</summary>
    public void Close(int team, int type)
    {
        var t = _layout.Teams[team];
        _boards[t.Pool].Close(t.LocalIndex, type);
    }

    /// <summary>Marks the team's judge away or back (<see cref="TeamBoard.SetAbsent"/>).</summary>
    public void SetAbsent(int team, bool absent)
    {
        var t = _layout.Teams[team];
        _boards[t.Pool].SetAbsent(t.LocalIndex, absent);
    }

    /// <summary>Whether the team takes new cases of the category now (<see cref="TeamBoard.TakesSpecialty"/>).</summary>
    public bool TakesSpecialty(int team, int category)
    {
        var t = _layout.Teams[team];
        return _boards[t.Pool].TakesSpecialty(t.LocalIndex, category);
    }

    /// <summary>Whether the team's board accepts some type of the category (taken now or on standby).</summary>
    public bool AcceptsCategory(int team, int category)
    {
        var t = _layout.Teams[team];
        var board = _boards[t.Pool];
        foreach (var type in board.TypesOf(t.LocalIndex))
        {
            if (board.CategoryOf(type) == category)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The team joins or leaves a specialty (<see cref="TeamBoard.SetSpecialty"/>).</summary>
    public void SetSpecialty(int team, int category, bool on)
    {
        var t = _layout.Teams[team];
        _boards[t.Pool].SetSpecialty(t.LocalIndex, category, on);
    }

    /// <summary>The team's pending cases of the category.</summary>
    public int Pending(int team, int category)
    {
        var t = _layout.Teams[team];
        return _boards[t.Pool].Pending(t.LocalIndex, category);
    }

    /// <summary>The types the team's board accepts (taken now or on standby), in order.</summary>
    public ReadOnlySpan<int> TypesOf(int team)
    {
        var t = _layout.Teams[team];
        return _boards[t.Pool].TypesOf(t.LocalIndex);
    }

    /// <summary>The team's weighted pending work.</summary>
    public double PendingWork(int team)
    {
        var t = _layout.Teams[team];
        return _boards[t.Pool].PendingWork(t.LocalIndex);
    }
}
