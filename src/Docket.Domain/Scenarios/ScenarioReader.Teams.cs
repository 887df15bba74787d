using Docket.Domain.Assignment;
using Docket.Domain.Cases;
using Docket.Domain.Staffing;
using YamlDotNet.RepresentationModel;

namespace Docket.Domain.Scenarios;

/// <summary>Team groups (templates, members, accepts, quota, cap, kind) and assignment policies.</summary>
internal sealed partial class ScenarioReader
{
    internal static readonly string[] TeamKeys =
        ["id", "template", "members", "count", "kind", "accepts", "quota", "quota_unit", "cap", "assignment"];

    internal static readonly (string Name, QuotaUnit Value)[] QuotaUnitNames =
    [
        ("workload_units", QuotaUnit.WorkloadUnits),
        ("cases", QuotaUnit.Cases),
    ];

    internal static readonly string[] AssignmentKeys =
    [
        "policy", "cap", "weight_by", "leader_share", "cards_per_judge", "chief_cards", "escalate_after_days", "designated",
    ];

    internal static readonly (string Name, TeamKind Value)[] KindNames =
    [
        ("general", TeamKind.General),
        ("fast_track", TeamKind.FastTrack),
        ("specialized", TeamKind.Specialized),
        ("enforcement", TeamKind.Enforcement),
        ("leadership", TeamKind.Leadership),
        ("pre_litigation", TeamKind.PreLitigation),
    ];

    internal static readonly (string Name, AssignmentPolicyKind Value)[] PolicyNames =
    [
        ("random", AssignmentPolicyKind.Random),
        ("weighted_random", AssignmentPolicyKind.WeightedRandom),
        ("round_robin", AssignmentPolicyKind.RoundRobin),
        ("least_loaded", AssignmentPolicyKind.LeastLoaded),
        ("pull", AssignmentPolicyKind.Pull),
        ("deck", AssignmentPolicyKind.Deck),
    ];

    private static readonly (string Name, WeightBasis Value)[] s_weightNames =
    [
        ("coefficient", WeightBasis.Coefficient),
        ("leader_share", WeightBasis.LeaderShare),
    ];

    private static readonly (string Name, DesignationTarget Value)[] s_designationNames =
    [
        ("leader", DesignationTarget.Leader),
        ("none", DesignationTarget.None),
    ];

    private static readonly string[] s_judgeRoles =
        [RoleCatalog.Judge, RoleCatalog.President, RoleCatalog.VicePresident, RoleCatalog.DivisionHead];

    private List<TeamRead> ReadTeams(MappingReader court)
    {
        var teams = new List<TeamRead>();
        var listPath = court.PathOf("teams");
        var list = ReadList(court, "teams", required: true, " (at least one team group)");
        if (list is null)
        {
            return teams;
        }
        if (list.Children.Count == 0)
        {
            Error(list, listPath, "needs at least one team group");
        }
        var firstSeen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = ScenarioPaths.Index(listPath, i);
            var m = MappingReader.Open(list.Children[i], path, _diagnostics, "{ id: t, members: { judge: 1 }, accepts: [generic] }");
            if (m is null)
            {
                continue;
            }
            m.RejectUnknown(TeamKeys);
            var id = ReadRequiredString(m, "id");
            if (id is not null && !firstSeen.TryAdd(id, m.Value("id")!))
            {
                Error(m.Value("id")!, m.PathOf("id"), $"duplicate team group id '{id}' (first at line {firstSeen[id].Start.Line})");
            }
            var members = ReadMembers(m);
            if (RoleCatalog.JudgesAmong(members) is var judges and > Simulation.CourtLayout.MaxJudgesPerTeam)
            {
                Error(m.Value("members") ?? m.Value("template") ?? m.Node, m.PathOf(m.Has("members") ? "members" : "template"),
                    $"a team has at most {Simulation.CourtLayout.MaxJudgesPerTeam} members who hear cases, not {judges}");
            }
            var count = ReadInt(m, "count", 1, Bounds.Between(1, Simulation.CourtLayout.MaxTeamsPerCourt));
            var accepts = ReadAccepts(m);
            var kind = m.Value("kind") is null ? InferKind(accepts, members) : ReadEnum(m, "kind", TeamKind.General, KindNames);
            var quota = ReadQuota(m);
            if (m.Value("quota_unit") is { } unitNode)
            {
                var unit = ReadEnum(m, "quota_unit", QuotaUnit.WorkloadUnits, QuotaUnitNames);
                if (!m.Has("quota"))
                {
                    Error(unitNode, m.PathOf("quota_unit"), "needs a 'quota' to count (the team group has none)");
                }
                quota = quota is null ? null : quota with { Unit = unit };
            }
            var cap = ReadOptionalInt(m, "cap", Bounds.AtLeast(1));
            var assignment = m.Value("assignment") is { } a ? ReadAssignment(a, m.PathOf("assignment")) : null;
            var group = new TeamGroup(id ?? "", kind, count, members, accepts, quota, cap, assignment?.Spec);
            teams.Add(new TeamRead(group, m, assignment, m.Has("cap")));
        }
        if (teams.Sum(t => (long)t.Group.Count) is var all and > Simulation.CourtLayout.MaxTeamsPerCourt)
        {
            Error(list, listPath, $"a court has at most {Simulation.CourtLayout.MaxTeamsPerCourt:N0} teams; these groups' counts make {all:N0}");
        }
        return teams;
    }

    /// <summary>The template's members, overridden and extended by <c>members</c>; roles with count 0 are dropped.</summary>
    private Dictionary<string, int> ReadMembers(MappingReader team)
    {
        var members = new Dictionary<string, int>(StringComparer.Ordinal);
        var complete = true;
        var templateNode = team.Value("template");
        if (templateNode is not null)
        {
            var name = ScalarText(templateNode, team.PathOf("template"), "a template name");
            if (name is not null && TeamTemplates.All.TryGetValue(name, out var template))
            {
                foreach (var (role, count) in template)
                {
                    members[role] = count;
                }
            }
            else
            {
                if (name is not null)
                {
                    Error(templateNode, team.PathOf("template"), $"unknown template '{name}' (expected one of: {string.Join(", ", TeamTemplates.All.Keys)})");
                }
                complete = false;
            }
        }
        var membersNode = team.Value("members");
        if (membersNode is not null)
        {
            complete &= ReadRoleCounts(membersNode, team.PathOf("members"), members);
        }
        if (templateNode is null && membersNode is null)
        {
            Missing(team, "members", " (or a 'template')");
            return members;
        }
        foreach (var role in members.Where(kv => kv.Value == 0).Select(kv => kv.Key).ToList())
        {
            members.Remove(role);
        }
        if (complete && !members.Keys.Any(RoleCatalog.HearsCases))
        {
            var where = membersNode ?? templateNode ?? team.Node;
            Error(where, team.PathOf(membersNode is null ? "template" : "members"),
                $"a team needs at least one member who hears cases ({string.Join(", ", s_judgeRoles)})");
        }
        return members;
    }

    /// <summary>Reads <c>{ role: count }</c> into <paramref name="into"/>; false when anything was wrong.</summary>
    private bool ReadRoleCounts(YamlNode node, string path, Dictionary<string, int> into)
    {
        var m = MappingReader.Open(node, path, _diagnostics, "{ judge: 1, assistant: 2, clerk: 1 }");
        if (m is null)
        {
            return false;
        }
        var ok = true;
        foreach (var (key, value) in m.Entries)
        {
            var role = key.Value!;
            if (!_roles.IsKnown(role))
            {
                Error(key, path, $"unknown role '{role}' (known roles: {Names(_roles.Coefficients.Keys, 30)}; add new ones under 'roles')");
                ok = false;
                continue;
            }
            if (YamlScalars.IsNull(value))
            {
                Error(key, m.PathOf(role), "a count is required");
                ok = false;
                continue;
            }
            if (TryReadInt(value, m.PathOf(role), Bounds.AtLeast(0), out var count))
            {
                into[role] = count;
            }
            else
            {
                ok = false;
            }
        }
        return ok;
    }

    /// <summary>Type ids accepted, categories expanded, in case-type order.</summary>
    private List<string> ReadAccepts(MappingReader team)
    {
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        var path = team.PathOf("accepts");
        var list = ReadList(team, "accepts", required: true, " (the case types or categories the team takes)");
        if (list is null)
        {
            return [];
        }
        if (list.Children.Count == 0)
        {
            Error(list, path, "must name at least one case type or category");
        }
        for (var i = 0; i < list.Children.Count; i++)
        {
            var itemPath = ScenarioPaths.Index(path, i);
            var name = ScalarText(list.Children[i], itemPath, "a case type or category name");
            if (name is null)
            {
                continue;
            }
            var known = false;
            if (_typeTracks.ContainsKey(name))
            {
                accepted.Add(name);
                known = true;
            }
            if (_categories.TryGetValue(name, out var categoryTypes))
            {
                accepted.UnionWith(categoryTypes);
                known = true;
            }
            if (!known)
            {
                var categories = _categories.Keys.Where(c => !_typeTracks.ContainsKey(c)).ToList();
                var categoryText = categories.Count == 0 ? "" : $"; categories: {Names(categories)}";
                Error(list.Children[i], itemPath, $"'{name}' is neither a case type nor a category (case types: {Names(_typeOrder)}{categoryText})");
            }
        }
        return [.. _typeOrder.Where(accepted.Contains)];
    }

    /// <summary>
    /// The kind when <c>kind</c> is absent: the track shared by every accepted type (fast_track, specialized,
    /// enforcement); otherwise leadership when a president, vice-president or division head is a member; else general.
    /// </summary>
    private TeamKind InferKind(List<string> accepts, Dictionary<string, int> members)
    {
        if (accepts.Count > 0)
        {
            var track = _typeTracks[accepts[0]];
            if (track != CaseTrack.Ordinary && accepts.All(t => _typeTracks[t] == track))
            {
                return track switch
                {
                    CaseTrack.FastTrack => TeamKind.FastTrack,
                    CaseTrack.Specialized => TeamKind.Specialized,
                    _ => TeamKind.Enforcement,
                };
            }
        }
        return members.Keys.Any(RoleCatalog.IsLeader) ? TeamKind.Leadership : TeamKind.General;
    }

    private QuotaSpec? ReadQuota(MappingReader team)
    {
        if (team.Value("quota") is not { } node)
        {
            return null;
        }
        var path = team.PathOf("quota");
        switch (node)
        {
            case YamlScalarNode:
                return TryReadNumber(node, path, Bounds.AtLeast(0), out var annual) ? new QuotaSpec(annual, false) : null;
            case YamlMappingNode:
                {
                    var m = MappingReader.Open(node, path, _diagnostics)!;
                    m.RejectUnknown(["by_coefficient"]);
                    if (m.Value("by_coefficient") is not { } flagNode)
                    {
                        Missing(m, "by_coefficient");
                        return null;
                    }
                    var flag = ReadBoolean(flagNode, m.PathOf("by_coefficient"));
                    if (flag == false)
                    {
                        Error(flagNode, m.PathOf("by_coefficient"), "must be true (to give the team no quota, leave 'quota' out)");
                    }
                    return flag == true ? new QuotaSpec(null, true) : null;
                }
            default:
                Error(node, path, $"expected an annual number of cases or {{ by_coefficient: true }} (got {YamlScalars.Describe(node)})");
                return null;
        }
    }

    private AssignmentRead? ReadAssignment(YamlNode node, string path)
    {
        var m = MappingReader.Open(node, path, _diagnostics, "{ policy: random }");
        if (m is null)
        {
            return null;
        }
        m.RejectUnknown(AssignmentKeys);
        var policy = AssignmentPolicyKind.Random;
        if (m.Value("policy") is { } policyNode)
        {
            TryReadEnum(policyNode, m.PathOf("policy"), PolicyNames, out policy);
        }
        else
        {
            Missing(m, "policy", $" (one of: {string.Join(", ", PolicyNames.Select(p => p.Name))})");
        }
        var spec = new AssignmentSpec(
            policy,
            ReadOptionalInt(m, "cap", Bounds.AtLeast(1)),
            ReadEnum(m, "weight_by", WeightBasis.Coefficient, s_weightNames),
            0,
            ReadInt(m, "cards_per_judge", 2, Bounds.AtLeast(1)),
            ReadInt(m, "chief_cards", 1, Bounds.AtLeast(0)),
            ReadOptionalNumber(m, "escalate_after_days", Bounds.Above(0)),
            ReadEnum(m, "designated", DesignationTarget.Leader, s_designationNames));
        var (share, reading) = ReadLeaderShare(m);
        spec = spec with { LeaderShare = share, LeaderShareReading = reading };
        return new AssignmentRead(spec, m.Value("policy") ?? m.Node, path, m.Has("cap"));
    }

    internal static readonly string[] LeaderShareKeys = ["reduced", "raised_by"];

    /// <summary>
    /// <c>leader_share</c> in either reading of case 161: a number (1 to 2), a leader-led team's weight above an
    /// ordinary team's 1; or <c>{ reduced, raised_by }</c>, the leaders' reduced share raised: reduced × (1 + raised_by).
    /// </summary>
    private (double Share, LeaderShareReading Reading) ReadLeaderShare(MappingReader m)
    {
        if (m.Value("leader_share") is not YamlMappingNode)
        {
            return (ReadNumber(m, "leader_share", 1.15, Bounds.Between(1, 2)), LeaderShareReading.AboveOrdinary);
        }
        var share = MappingReader.Open(m.Value("leader_share")!, m.PathOf("leader_share"), _diagnostics, "{ reduced: 0.5, raised_by: 0.15 }")!;
        share.RejectUnknown(LeaderShareKeys);
        if (!share.Has("reduced"))
        {
            Missing(share, "reduced", " (the leaders' share of an ordinary team's cases before the raise, e.g. 0.5)");
        }
        var reduced = ReadNumber(share, "reduced", 1, Bounds.AboveAtMost(0, 1));
        var raisedBy = ReadNumber(share, "raised_by", 0.15, Bounds.Between(0, 1));
        return (reduced * (1 + raisedBy), LeaderShareReading.RaisedReducedShare);
    }

    /// <summary>An assignment section as read, with where its policy is (for errors about it).</summary>
    private sealed class AssignmentRead(AssignmentSpec spec, YamlNode policyNode, string path, bool capGiven)
    {
        public AssignmentSpec Spec { get; } = spec;

        public YamlNode PolicyNode { get; } = policyNode;

        public string Path { get; } = path;

        public bool CapGiven { get; } = capGiven;
    }

    /// <summary>A team group as read, with its mapping (for errors about it).</summary>
    private sealed class TeamRead(TeamGroup group, MappingReader mapping, AssignmentRead? assignment, bool capGiven)
    {
        public TeamGroup Group { get; } = group;

        public MappingReader Mapping { get; } = mapping;

        public AssignmentRead? Assignment { get; } = assignment;

        public bool CapGiven { get; } = capGiven;
    }
}
