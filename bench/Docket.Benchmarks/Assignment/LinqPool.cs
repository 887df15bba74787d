using Docket.Domain.Assignment;

namespace Docket.Benchmarks.Assignment;

/// <summary>
/// The straightforward version of the board that the baselines decide on: a list of team objects, filtered with
/// LINQ on every decision. Same rule as <see cref="TeamBoard"/>: a team can take a case when it accepts the type, is
/// present, and has fewer pending cases of the type's category than its cap.
/// </summary>
public sealed class LinqPool
{
    private readonly IReadOnlyList<int> _typeCategory;
    private readonly IReadOnlyList<double> _typeWeight;
    private readonly int? _cap;

    public LinqPool(IReadOnlyList<BoardTeam> teams, IReadOnlyList<bool> absent, IReadOnlyList<int> typeCategory,
        IReadOnlyList<double> typeWeight, int? cap)
    {
        _typeCategory = typeCategory;
        _typeWeight = typeWeight;
        _cap = cap;
        var categories = typeCategory.Max() + 1;
        Teams = [.. teams.Select((t, i) => new LinqTeam(i, t, categories) { Absent = absent[i] })];
    }

    public List<LinqTeam> Teams { get; }

    public int CategoryOf(int type) => _typeCategory[type];

    public bool CanTake(LinqTeam team, int type) =>
        team.Board.Accepts.Contains(type) && !team.Absent && team.Pending[_typeCategory[type]] < (team.Board.Cap ?? _cap ?? int.MaxValue);

    /// <summary>The teams that can take a case of the type now, in team order.</summary>
    public IEnumerable<LinqTeam> Available(int type) => Teams.Where(t => CanTake(t, type));

    public void Assign(int team, int type)
    {
        var t = Teams[team];
        t.Pending[_typeCategory[type]]++;
        t.Assigned[_typeCategory[type]]++;
        t.PendingWork += _typeWeight[type];
    }

    public void Close(int team, int type)
    {
        var t = Teams[team];
        t.Pending[_typeCategory[type]]--;
        t.PendingWork -= _typeWeight[type];
    }
}
