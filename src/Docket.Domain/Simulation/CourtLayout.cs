using Docket.Domain.Assignment;
using Docket.Domain.Cases;
using Docket.Domain.Scenarios;
using Docket.Domain.Staffing;

namespace Docket.Domain.Simulation;

/// <summary>
/// A court compiled for simulation: its teams expanded from their groups, assignment pools, the stations that do
/// each stage of each case type for each team (its own staff, a shared pool, or its judge when it has nobody of
/// that role), and quotas.
/// </summary>
public sealed class CourtLayout
{
    /// <summary>The most members who hear cases a team has: a case record names its judge in charge in a byte.</summary>
    public const int MaxJudgesPerTeam = byte.MaxValue + 1;

    /// <summary>The most teams one court has (the sum of its team groups' counts), so that a mistyped count is named rather than run.</summary>
    public const int MaxTeamsPerCourt = 10_000;

    private readonly int[] _stageStation;
    private readonly int[] _stageOffset;
    private readonly int _stagesPerTeam;
    private readonly int[] _judgeOffset;
    private readonly int[] _judgeTeam;

    public CourtLayout(Scenario scenario, CourtSpec spec, string courtId, bool prefixTeamIds)
    {
        Scenario = scenario;
        Spec = spec;
        CourtId = courtId;
        var types = scenario.CaseTypes;
        var categories = types.Select(t => t.Category).Distinct().ToList();
        TypeCategory = [.. types.Select(t => categories.IndexOf(t.Category))];
        TypeWeight = [.. types.Select(t => t.Weight)];
        CategoryNames = categories;

        // Assignment pools: every group with its own assignment is a pool; the rest share the court's.
        var poolSpecs = new List<AssignmentSpec>();
        var groupPool = new int[spec.Teams.Count];
        var courtPool = -1;
        for (var g = 0; g < spec.Teams.Count; g++)
        {
            if (spec.Teams[g].Assignment is { } own)
            {
                groupPool[g] = poolSpecs.Count;
                poolSpecs.Add(own);
            }
            else
            {
                if (courtPool < 0)
                {
                    courtPool = poolSpecs.Count;
                    poolSpecs.Add(spec.Assignment);
                }
                groupPool[g] = courtPool;
            }
        }

        var coefficientSum = 0.0;
        foreach (var group in spec.Teams)
        {
            if (group.Quota is { ByCoefficient: true })
            {
                coefficientSum += group.Count * scenario.Roles.TeamCoefficient(group.Members);
            }
        }

        var teams = new List<CourtTeam>();
        var poolMembers = Enumerable.Range(0, poolSpecs.Count).Select(_ => new List<int>()).ToArray();
        for (var g = 0; g < spec.Teams.Count; g++)
        {
            var group = spec.Teams[g];
            var accepts = ResolveAccepts(types, group.Accepts);
            var coefficient = scenario.Roles.TeamCoefficient(group.Members);
            var quota = group.Quota switch
            {
                { Fixed: { } q } => q,
                { ByCoefficient: true } when spec.QuotaTarget is { } target && coefficientSum > 0 => target * coefficient / coefficientSum,
                _ => 0.0,
            };
            var judges = checked((int)RoleCatalog.JudgesAmong(group.Members));
            var leader = group.Members.Any(m => RoleCatalog.IsLeader(m.Key) && m.Value > 0);
            var chief = group.Members.TryGetValue(RoleCatalog.President, out var p) && p > 0;
            for (var n = 1; n <= group.Count; n++)
            {
                var id = prefixTeamIds ? $"{courtId}/{group.Id}-{n}" : $"{group.Id}-{n}";
                var pool = groupPool[g];
                teams.Add(new CourtTeam
                {
                    Id = id,
                    Group = g,
                    Kind = group.Kind,
                    Members = group.Members,
                    Coefficient = coefficient,
                    Quota = quota,
                    Accepts = accepts,
                    Cap = group.Cap ?? poolSpecs[pool].Cap,
                    Leader = leader,
                    Chief = chief,
                    Judges = judges,
                    Pool = pool,
                    LocalIndex = poolMembers[pool].Count,
                    QuotaUnit = group.Quota?.Unit ?? QuotaUnit.WorkloadUnits,
                });
                poolMembers[pool].Add(teams.Count - 1);
            }
        }
        Teams = teams;
        PoolSpecs = poolSpecs;
        PoolTeams = [.. poolMembers.Select(l => l.ToArray())];
        PoolNames = [.. Enumerable.Range(0, poolSpecs.Count).Select(p => PoolName(spec, teams, PoolTeams[p]))];

        // A type goes to the first pool (in the order groups are listed) with a team accepting it.
        TypePool = new int[types.Count];
        Array.Fill(TypePool, -1);
        foreach (var team in teams)
        {
            foreach (var type in team.Accepts)
            {
                if (TypePool[type] < 0)
                {
                    TypePool[type] = team.Pool;
                }
            }
        }

        // Stations: each team's judges (one station each: a case's hearing work is its judge's), then each other
        // role it has; then the shared pools.
        var stations = new List<Station>();
        var roleStation = new Dictionary<(int Team, string Role), int>();
        JudgeStation = new int[teams.Count];
        JudgesPerTeam = [.. teams.Select(t => Math.Max(1, t.Judges))];
        if (teams.FirstOrDefault(t => t.Judges > MaxJudgesPerTeam) is { } crowded)
        {
            throw new ArgumentException($"team {crowded.Id} has {crowded.Judges} judges; a team has at most {MaxJudgesPerTeam}", nameof(spec));
        }
        _judgeOffset = new int[teams.Count + 1];
        for (var t = 0; t < teams.Count; t++)
        {
            var team = teams[t];
            JudgeStation[t] = stations.Count;
            _judgeOffset[t + 1] = _judgeOffset[t] + JudgesPerTeam[t];
            for (var k = 0; k < JudgesPerTeam[t]; k++)
            {
                stations.Add(new Station(Assignment.JudgeInCharge.Name(team.Id, k), 1, t, hearsCases: true));
            }
            foreach (var (role, count) in team.Members.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                if (count > 0 && !RoleCatalog.HearsCases(role))
                {
                    roleStation[(t, role)] = stations.Count;
                    stations.Add(new Station($"{team.Id}/{role}", count, t, hearsCases: false));
                }
            }
        }
        var sharedStation = new int[spec.Pools.Count];
        for (var p = 0; p < spec.Pools.Count; p++)
        {
            sharedStation[p] = stations.Count;
            stations.Add(new Station($"pool/{spec.Pools[p].Id}", Math.Max(1, spec.Pools[p].Servers), -1, hearsCases: false));
        }
        PoolStations = sharedStation;
        PoolIds = [.. spec.Pools.Select(p => prefixTeamIds ? $"{courtId}/{p.Id}" : p.Id)];

        // The court's supervisors: their hours are a resource (unlocking, supervising risk, approving extensions).
        var supervisors = new Dictionary<string, int>();
        foreach (var role in new[] { RoleCatalog.DivisionHead, RoleCatalog.VicePresident, RoleCatalog.President })
        {
            if (spec.Supervision.Staff.TryGetValue(role, out var count) && count > 0)
            {
                supervisors[role] = stations.Count;
                stations.Add(new Station($"supervisors/{role}", count, -1, hearsCases: false));
            }
        }
        SupervisorStations = supervisors;

        _stageOffset = new int[types.Count + 1];
        for (var i = 0; i < types.Count; i++)
        {
            _stageOffset[i + 1] = _stageOffset[i] + types[i].Stages.Count;
        }
        _stagesPerTeam = _stageOffset[types.Count];
        _stageStation = new int[teams.Count * _stagesPerTeam];
        for (var t = 0; t < teams.Count; t++)
        {
            var groupId = spec.Teams[teams[t].Group].Id;
            for (var type = 0; type < types.Count; type++)
            {
                for (var s = 0; s < types[type].Stages.Count; s++)
                {
                    var stage = types[type].Stages[s];
                    if (stage.IsWait)
                    {
                        _stageStation[(t * _stagesPerTeam) + _stageOffset[type] + s] = WaitStation;
                        continue;
                    }
                    var station = -1;
                    for (var p = 0; p < spec.Pools.Count && station < 0; p++)
                    {
                        var pool = spec.Pools[p];
                        var serves = pool.ServesGroups is null || pool.ServesGroups.Contains(groupId);
                        if (serves && (pool.Tasks.Contains(stage.Task) || pool.Tasks.Contains(stage.Role)))
                        {
                            station = sharedStation[p];
                        }
                    }
                    if (station < 0 && !RoleCatalog.HearsCases(stage.Role) && roleStation.TryGetValue((t, stage.Role), out var own))
                    {
                        station = own;
                    }
                    // Judges hear cases; a team with nobody of the stage's role has its judge do the work.
                    _stageStation[(t * _stagesPerTeam) + _stageOffset[type] + s] = station >= 0 ? station : JudgeStation[t];
                }
            }
        }
        Stations = stations;

        NodeCatalogs = [.. types.Select(t => new Deadlines.NodeCatalog(t))];
        ClosingStage = [.. types.Select(t =>
        {
            var at = t.ClosesAfter is { } key ? t.Stages.ToList().FindIndex(st => st.Task == key) : -1;
            return at >= 0 ? at : t.Stages.Count - 1;
        })];
        // One seat per judge: a team with two judges has two, so both may sit.
        _judgeTeam = [.. Enumerable.Range(0, teams.Count).SelectMany(t => Enumerable.Repeat(t, JudgesPerTeam[t]))];
        JudgesByDepartment = [.. Enumerable.Range(0, spec.Teams.Count)
            .Select(g => (IReadOnlyList<int>)[.. Enumerable.Range(0, teams.Count)
                .Where(t => teams[t].Group == g)
                .SelectMany(t => Enumerable.Range(_judgeOffset[t], teams[t].Judges))])];
    }

    /// <summary>
    /// A pool's name: the id of the team group that has its own <c>assignment</c>, or <c>court</c> for the court's
    /// pool (<see cref="Assignment.AssignmentDraw.CourtPoolName"/>). A pool's draws are keyed by it.
    /// </summary>
    private static string PoolName(CourtSpec spec, IReadOnlyList<CourtTeam> teams, int[] members)
    {
        foreach (var team in members)
        {
            var group = spec.Teams[teams[team].Group];
            if (group.Assignment is not null)
            {
                return group.Id;
            }
        }
        return Assignment.AssignmentDraw.CourtPoolName;
    }

    /// <summary>The station number of a wait: nobody's work, only calendar time.</summary>
    public const int WaitStation = -1;

    public Scenario Scenario { get; }

    public CourtSpec Spec { get; }

    public string CourtId { get; }

    public IReadOnlyList<CourtTeam> Teams { get; }

    public IReadOnlyList<AssignmentSpec> PoolSpecs { get; }

    /// <summary>Court team indices of each assignment pool, in pool-local order.</summary>
    public int[][] PoolTeams { get; }

    /// <summary>
    /// Each assignment pool's name: the id of the team group that has its own <c>assignment</c>, else <c>court</c>.
    /// The live service names pools so in its ledger; a pool's draws are keyed by
    /// <see cref="Assignment.AssignmentDraw.PoolStreamKey"/> of the court's stream name and this name.
    /// </summary>
    public IReadOnlyList<string> PoolNames { get; }

    /// <summary>The judges who hear each team's cases (its members who hear cases; at least 1): <see cref="Assignment.JudgeInCharge"/>'s teams.</summary>
    public IReadOnlyList<int> JudgesPerTeam { get; }

    /// <summary>The pool that assigns each case type, or -1 when no team of this court accepts it.</summary>
    public int[] TypePool { get; }

    public int[] TypeCategory { get; }

    public double[] TypeWeight { get; }

    public IReadOnlyList<string> CategoryNames { get; }

    /// <summary>The staff stations as a run starts them; each <see cref="CourtSimulation"/> works copies of its own.</summary>
    internal IReadOnlyList<Station> Stations { get; }

    /// <summary>The station of each shared pool (<see cref="CourtSpec.Pools"/>, in order).</summary>
    internal int[] PoolStations { get; }

    /// <summary>Each shared pool's id in summaries: prefixed <c>court/</c> like the team ids when there are several courts.</summary>
    public IReadOnlyList<string> PoolIds { get; }

    /// <summary>Station of each supervising role the court has (division head, vice-president, president).</summary>
    internal IReadOnlyDictionary<string, int> SupervisorStations { get; }

    public IReadOnlyList<Deadlines.NodeCatalog> NodeCatalogs { get; }

    /// <summary>Per case type, the stage whose end closes the case.</summary>
    public int[] ClosingStage { get; }

    /// <summary>
    /// Per department (team group), a seat for each judge who can sit in a professional judges' meeting, as the
    /// judge's court-wide number (<see cref="TeamOfJudge"/>, <see cref="JudgeInTeam"/>).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<int>> JudgesByDepartment { get; }

    /// <summary>The team of a judge by court-wide number (teams' judges numbered in team order).</summary>
    public int TeamOfJudge(int judge) => _judgeTeam[judge];

    /// <summary>A judge's number within its team (0-based) from its court-wide number.</summary>
    /// <summary>The court-wide index of judge <paramref name="judge"/> (0-based in the team) of team <paramref name="team"/>.</summary>
    public int JudgeIndex(int team, int judge) => _judgeOffset[team] + judge;

    /// <summary>The court's judges, counted as <see cref="JudgeIndex"/> numbers them.</summary>
    public int JudgeCount => _judgeOffset[^1];

    public int JudgeInTeam(int judge) => judge - _judgeOffset[_judgeTeam[judge]];

    /// <summary>The station of each team's first judge; judge <c>k</c>'s is <c>JudgeStation[team] + k</c>.</summary>
    internal int[] JudgeStation { get; }

    /// <summary>
    /// The station doing a stage of a type for a team's case whose judge in charge is <paramref name="judge"/>: the
    /// judge's own when the stage is judges' work (or nobody else's in the team), else the staff's or pool's.
    /// </summary>
    internal int StationFor(int team, int type, int stage, int judge)
    {
        var station = _stageStation[(team * _stagesPerTeam) + _stageOffset[type] + stage];
        return station == JudgeStation[team] ? station + judge : station;
    }

    /// <summary>The station names doing each stage of a type for a team's case in the charge of its judge <paramref name="judge"/>: for documentation and tests.</summary>
    public string StationName(int team, int type, int stage, int judge = 0) =>
        StationFor(team, type, stage, judge) is var station && station == WaitStation ? "wait" : Stations[station].Name;

    public TeamBoard CreateBoard(int pool) => CreateBoard(pool, specialtyMoves: false);

    /// <summary>
    /// The pool's board; with <paramref name="specialtyMoves"/> (Linshu's moves, <c>scores.moves</c>, in simulation)
    /// a team on any of the specialties teams may move between also accepts the others its pool assigns, on standby
    /// until it moves there (<see cref="TeamBoard.SetSpecialty"/>).
    /// </summary>
    internal TeamBoard CreateBoard(int pool, bool specialtyMoves)
    {
        var members = PoolTeams[pool];
        var boardTeams = members.Select(t => Teams[t]).Select(t =>
            new BoardTeam(t.Id, t.Accepts, t.Cap, t.Coefficient, t.Judges, t.Leader, t.Chief)).ToList();
        if (specialtyMoves && Scenario.Scoring.Moves is { } moves)
        {
            var movable = moves.Specialties.Select(s => CategoryNames.ToList().IndexOf(s)).Where(c => c >= 0).ToHashSet();
            var poolTypes = Enumerable.Range(0, TypePool.Length).Where(type => TypePool[type] == pool && movable.Contains(TypeCategory[type])).ToList();
            for (var i = 0; i < boardTeams.Count; i++)
            {
                var own = boardTeams[i].Accepts.Select(type => TypeCategory[type]).ToHashSet();
                if (!own.Overlaps(movable))
                {
                    continue;
                }
                var extra = poolTypes.Where(type => !own.Contains(TypeCategory[type])).ToList();
                boardTeams[i] = boardTeams[i] with
                {
                    Accepts = [.. boardTeams[i].Accepts.Concat(extra).Order()],
                    Standby = [.. extra.Select(type => TypeCategory[type]).Distinct().Order()],
                };
            }
        }
        return new TeamBoard(boardTeams, TypeCategory, TypeWeight, PoolSpecs[pool].Cap);
    }

    internal static int[] ResolveAccepts(IReadOnlyList<CaseType> types, IReadOnlyList<string> accepts)
    {
        var result = new SortedSet<int>();
        foreach (var name in accepts)
        {
            for (var i = 0; i < types.Count; i++)
            {
                if (types[i].Id == name || types[i].Category == name)
                {
                    result.Add(i);
                }
            }
        }
        return [.. result];
    }
}
