using Docket.Abstractions.Assignment;
using Docket.Domain.Assignment;
using Docket.Domain.Randomness;

namespace Docket.Grains.Assignment;

/// <summary>
/// A live pool of teams under one policy: a thin actor over the domain's <see cref="TeamBoard"/> and
/// <see cref="AssignmentPolicy"/>. Each decision's random draw is keyed by (seed, pool, case number), so anyone holding
/// the seed can re-compute it.
/// </summary>
public sealed class AssignmentPoolGrain : Grain, IAssignmentPoolGrain
{
    private readonly RandomStream _random = new(0);
    private PoolConfiguration? _configuration;
    private TeamBoard? _board;
    private AssignmentPolicy? _policy;
    private DesignatedAssignment? _designated;
    private Dictionary<string, int> _typeIndex = [];
    private Dictionary<string, int> _teamIndex = [];
    private ulong _poolKey;

    public Task ConfigureAsync(PoolConfiguration configuration)
    {
        var kind = AssignmentPolicyNames.Parse(configuration.Policy)
            ?? throw new ArgumentException($"unknown policy '{configuration.Policy}'", nameof(configuration));
        _typeIndex = configuration.CaseTypes.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var categories = configuration.CaseTypes.Select(t => t.Category).Distinct().ToList();
        var teams = configuration.Teams.Select(t => new BoardTeam(t.Id,
            [.. t.Accepts.Select(a => _typeIndex.TryGetValue(a, out var i) ? i : throw new ArgumentException($"team {t.Id} accepts unknown case type '{a}'"))],
            t.Cap, t.Coefficient, t.Judges, t.Leader, t.Chief)).ToList();
        _teamIndex = teams.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        _board = new TeamBoard(teams, [.. configuration.CaseTypes.Select(t => categories.IndexOf(t.Category))],
            [.. configuration.CaseTypes.Select(t => t.Weight)], configuration.Cap);
        _policy = AssignmentPolicy.Create(new AssignmentSpec(kind, configuration.Cap), _board);
        _designated = new DesignatedAssignment(_board);
        _configuration = configuration;
        _poolKey = StreamKey.Of(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public Task<AssignmentDecision> AssignAsync(CaseFiling filing) => Task.FromResult(Decide(filing));

    public Task<AssignmentDecision[]> AssignBatchAsync(CaseFiling[] filings)
    {
        var decisions = new AssignmentDecision[filings.Length];
        for (var i = 0; i < filings.Length; i++)
        {
            decisions[i] = Decide(filings[i]);
        }
        return Task.FromResult(decisions);
    }

    public Task CloseAsync(string team, string caseType)
    {
        var (board, _, _) = Configured();
        board.Close(_teamIndex[team], _typeIndex[caseType]);
        return Task.CompletedTask;
    }

    public Task SetAbsentAsync(string team, bool absent)
    {
        var (board, _, _) = Configured();
        board.SetAbsent(_teamIndex[team], absent);
        return Task.CompletedTask;
    }

    private AssignmentDecision Decide(CaseFiling filing)
    {
        var (board, policy, designated) = Configured();
        if (!_typeIndex.TryGetValue(filing.CaseType, out var type))
        {
            throw new ArgumentException($"unknown case type '{filing.CaseType}'", nameof(filing));
        }
        _random.Reseed(_configuration!.Seed, _poolKey, (ulong)filing.CaseNumber);
        var team = filing.Flagged ? designated.Choose(type) : -1;
        var isDesignated = team >= 0;
        if (team < 0)
        {
            team = policy.Choose(type, _random);
        }
        if (team < 0)
        {
            return new AssignmentDecision(filing.CaseNumber, null, _configuration.Policy, false);
        }
        board.Assign(team, type);
        return new AssignmentDecision(filing.CaseNumber, board.Teams[team].Id, isDesignated ? "designated" : _configuration.Policy, isDesignated);
    }

    private (TeamBoard, AssignmentPolicy, DesignatedAssignment) Configured() =>
        _board is not null && _policy is not null && _designated is not null
            ? (_board, _policy, _designated)
            : throw new InvalidOperationException("the pool has not been configured");
}
