using Docket.Domain.Assignment;
using Docket.Domain.Cases;
using Docket.Domain.Intake;
using Docket.Domain.Staffing;
using Docket.Domain.Supervision;
using YamlDotNet.RepresentationModel;

namespace Docket.Domain.Scenarios;

/// <summary>Courts: intake, pools, absences, backlog, and the checks across them.</summary>
internal sealed partial class ScenarioReader
{
    internal static readonly string[] CourtKeys =
        ["id", "count", "intake", "teams", "pools", "assignment", "absences", "backlog", "quota_target", "supervision", "appeals", "quality_review"];

    internal static readonly string[] IntakeKeys = ["type", "mix", "per_year", "seasonality", "mediation"];

    internal static readonly string[] MediationKeys = ["share", "success_rate", "duration"];

    internal static readonly string[] PoolKeys = ["id", "members", "tasks", "serves"];

    internal static readonly string[] AbsenceKeys = ["team", "from_day", "to_day", "reason"];

    internal static readonly string[] BacklogKeys = ["type", "count", "age_days"];

    private List<CourtSpec> ReadCourts(MappingReader top, AssignmentRead? defaultAssignment)
    {
        var courts = new List<CourtSpec>();
        var list = ReadList(top, "courts", required: true, " (at least one court)");
        if (list is null)
        {
            return courts;
        }
        if (list.Children.Count == 0)
        {
            Error(list, "courts", "needs at least one court");
        }
        var firstSeen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var appeals = new Dictionary<int, AppealRead>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = ScenarioPaths.Index("courts", i);
            var m = MappingReader.Open(list.Children[i], path, _diagnostics, "{ id: district, teams: [...], intake: [...] }");
            if (m is null)
            {
                continue;
            }
            m.RejectUnknown(CourtKeys);
            var id = ReadRequiredString(m, "id");
            if (id is not null && !firstSeen.TryAdd(id, m.Value("id")!))
            {
                Error(m.Value("id")!, m.PathOf("id"), $"duplicate court id '{id}' (first at line {firstSeen[id].Start.Line})");
            }
            var count = ReadInt(m, "count", 1, Bounds.AtLeast(1));
            var own = m.Value("assignment") is { } a ? ReadAssignment(a, m.PathOf("assignment")) : null;
            if (m.Value("appeals") is { } appealsNode && ReadAppeals(appealsNode, m.PathOf("appeals")) is { } appeal)
            {
                appeals[courts.Count] = appeal;
            }
            courts.Add(ReadCourtBody(m, id ?? $"court {i + 1}", count, own ?? defaultAssignment, multiCourt: true));
        }
        CheckAppeals(courts, appeals);
        foreach (var (index, read) in appeals)
        {
            courts[index] = courts[index] with { Appeals = ToSpec(read) };
        }
        return courts;
    }

    /// <summary>
    /// The parts of one court (from the top level in the single-court form, from courts[i] otherwise) and the checks
    /// that tie them together.
    /// </summary>
    private CourtSpec ReadCourtBody(MappingReader m, string courtId, int count, AssignmentRead? assignment, bool multiCourt)
    {
        var quotaTarget = ReadOptionalNumber(m, "quota_target", Bounds.Above(0));
        var errorsBeforeTeams = _diagnostics.Count;
        var teams = ReadTeams(m);
        var teamsValid = _diagnostics.Count == errorsBeforeTeams;
        var filed = new List<FiledType>();
        var intake = ReadIntake(m, filed);
        var pools = ReadPools(m, courtId, teams);
        var absences = ReadAbsences(m, courtId, teams);
        var backlog = ReadBacklog(m, filed);
        var supervision = m.Value("supervision") is { } supervisionNode
            ? ReadSupervision(supervisionNode, m.PathOf("supervision"))
            : new SupervisionRead(SupervisionSpec.Default, new(StringComparer.Ordinal), null);
        var qualityReview = m.Value("quality_review") is { } qualityNode
            ? ReadQualityReview(qualityNode, m.PathOf("quality_review"), supervision, courtId)
            : null;

        CheckEveryFiledTypeIsAccepted(courtId, teams, filed);
        CheckPullHasCap(courtId, teams, assignment, multiCourt);
        CheckSupervisors(courtId, supervision, filed);
        if (teamsValid)
        {
            CheckMeetingIsPossible(m, courtId, teams, supervision, filed);
        }
        if (!m.Has("quota_target"))
        {
            foreach (var team in teams.Where(t => t.Group.Quota is { ByCoefficient: true }))
            {
                Error(team.Mapping.Value("quota")!, team.Mapping.PathOf("quota"),
                    $"by_coefficient needs the court's quota_target (the annual target split among teams by coefficient sum){(multiCourt ? $", in {m.Path}" : " at the top level")}");
            }
        }
        // The shares of one quota_target are counted in one unit.
        var shares = teams.Where(t => t.Group.Quota is { ByCoefficient: true }).ToList();
        foreach (var team in shares.Where(t => t.Group.Quota!.Unit != shares[0].Group.Quota!.Unit))
        {
            Error(team.Mapping.Value("quota_unit") ?? team.Mapping.Value("quota")!, team.Mapping.PathOf("quota_unit"),
                $"'{QuotaAttainment.Name(team.Group.Quota!.Unit)}' differs from '{QuotaAttainment.Name(shares[0].Group.Quota!.Unit)}' of {shares[0].Mapping.Path}: the shares of one quota_target are counted in one unit");
        }
        return new CourtSpec(
            courtId, count, intake, [.. teams.Select(t => t.Group)], pools,
            assignment?.Spec ?? AssignmentSpec.Random, absences, backlog, quotaTarget)
        {
            Supervision = supervision.Spec,
            QualityReview = qualityReview,
        };
    }

    private void CheckEveryFiledTypeIsAccepted(string courtId, List<TeamRead> teams, List<FiledType> filed)
    {
        var accepted = new HashSet<string>(teams.SelectMany(t => t.Group.Accepts), StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in filed)
        {
            if (!accepted.Contains(f.Type) && reported.Add(f.Type))
            {
                var how = f.Backlog ? "is pending (backlog)" : "is filed";
                Error(f.Node, f.Path, $"case type '{f.Type}' {how} in court '{courtId}' but no team accepts it");
            }
        }
    }

    private void CheckPullHasCap(string courtId, List<TeamRead> teams, AssignmentRead? courtAssignment, bool multiCourt)
    {
        var uncapped = new List<(AssignmentRead Assignment, List<TeamRead> Teams)>();
        foreach (var team in teams)
        {
            var effective = team.Assignment ?? courtAssignment;
            if (effective is null || effective.Spec.Policy != AssignmentPolicyKind.Pull || effective.CapGiven || team.CapGiven)
            {
                continue;
            }
            var entry = uncapped.FindIndex(u => ReferenceEquals(u.Assignment, effective));
            if (entry < 0)
            {
                uncapped.Add((effective, [team]));
            }
            else
            {
                uncapped[entry].Teams.Add(team);
            }
        }
        foreach (var (assignment, uncappedTeams) in uncapped)
        {
            var teamList = string.Join(", ", uncappedTeams.Select(t => $"{t.Mapping.Path} ('{t.Group.Id}')"));
            var court = multiCourt ? $" in court '{courtId}'" : "";
            Error(assignment.PolicyNode, ScenarioPaths.Child(assignment.Path, "policy"),
                $"policy 'pull' (close-one-get-one) needs a cap: set {ScenarioPaths.Child(assignment.Path, "cap")}, or 'cap' on {teamList}{court}");
        }
    }

    private List<IntakeStream> ReadIntake(MappingReader court, List<FiledType> filed)
    {
        var streams = new List<IntakeStream>();
        var listPath = court.PathOf("intake");
        var list = ReadList(court, "intake", required: false);
        if (list is null)
        {
            return streams;
        }
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = ScenarioPaths.Index(listPath, i);
            var m = MappingReader.Open(list.Children[i], path, _diagnostics, "{ type: generic, per_year: 292 }");
            if (m is null)
            {
                continue;
            }
            m.RejectUnknown(IntakeKeys);
            var mix = new List<TypeShare>();
            var typeNode = m.Value("type");
            var mixNode = m.Value("mix");
            if (typeNode is not null && mixNode is not null)
            {
                Error(m.KeyNode("mix")!, path, "give either 'type' or 'mix', not both");
            }
            else if (typeNode is null && mixNode is null)
            {
                Error(m.Node, path, "'type' (one case type) or 'mix' (shares of several) is required");
            }
            if (typeNode is not null)
            {
                var type = ScalarText(typeNode, m.PathOf("type"), "a case type id");
                if (type is not null && CheckTypeKnown(typeNode, m.PathOf("type"), type))
                {
                    mix.Add(new TypeShare(type, 1.0));
                    filed.Add(new FiledType(type, typeNode, m.PathOf("type"), false));
                }
            }
            else if (mixNode is not null)
            {
                mix = ReadMix(mixNode, m.PathOf("mix"), filed);
            }
            var perYear = ReadRequiredNumber(m, "per_year", Bounds.Between(0, MostCases)) ?? 0;
            var seasonality = m.Value("seasonality") is { } s ? ReadSeasonality(s, m.PathOf("seasonality")) : null;
            var mediation = m.Value("mediation") is { } med ? ReadMediation(med, m.PathOf("mediation")) : null;
            streams.Add(new IntakeStream(mix, perYear, seasonality, mediation));
        }
        return streams;
    }

    private bool CheckTypeKnown(YamlNode node, string path, string type)
    {
        if (_typeTracks.ContainsKey(type))
        {
            return true;
        }
        Error(node, path, $"'{type}' is not a case type (case types: {Names(_typeOrder)})");
        return false;
    }

    private List<TypeShare> ReadMix(YamlNode node, string path, List<FiledType> filed)
    {
        var mix = new List<TypeShare>();
        var m = MappingReader.Open(node, path, _diagnostics, "{ civil_simple: 0.6, civil_complex: 0.4 }");
        if (m is null)
        {
            return mix;
        }
        if (m.Entries.Count == 0)
        {
            Error(node, path, "needs at least one case type");
        }
        foreach (var (key, value) in m.Entries)
        {
            var type = key.Value!;
            var known = CheckTypeKnown(key, path, type);
            if (YamlScalars.IsNull(value))
            {
                Error(key, m.PathOf(type), "a share is required");
                continue;
            }
            if (TryReadNumber(value, m.PathOf(type), Bounds.Above(0), out var share) && known)
            {
                mix.Add(new TypeShare(type, share));
                filed.Add(new FiledType(type, key, m.PathOf(type), false));
            }
        }
        var total = mix.Sum(s => s.Share);
        return total > 0 ? [.. mix.Select(s => s with { Share = s.Share / total })] : mix;
    }

    /// <summary>12 monthly factors, normalized to mean 1.</summary>
    private List<double>? ReadSeasonality(YamlNode node, string path)
    {
        if (node is not YamlSequenceNode list)
        {
            Error(node, path, $"expected a list of 12 monthly factors (got {YamlScalars.Describe(node)})");
            return null;
        }
        if (list.Children.Count != 12)
        {
            Error(node, path, $"must list 12 monthly factors, January to December (got {list.Children.Count})");
            return null;
        }
        var values = new List<double>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (TryReadNumber(list.Children[i], ScenarioPaths.Index(path, i), Bounds.AtLeast(0), out var v))
            {
                values.Add(v);
            }
        }
        if (values.Count != 12)
        {
            return null;
        }
        var sum = values.Sum();
        if (sum <= 0)
        {
            Error(node, path, "must not be all zero");
            return null;
        }
        return [.. values.Select(v => v * 12.0 / sum)];
    }

    private MediationSpec? ReadMediation(YamlNode node, string path)
    {
        var m = MappingReader.Open(node, path, _diagnostics, "{ share: 0.3, success_rate: 0.6, duration: { dist: exponential, mean_days: 20 } }");
        if (m is null)
        {
            return null;
        }
        m.RejectUnknown(MediationKeys);
        var share = ReadRequiredNumber(m, "share", Bounds.Between(0, 1));
        var success = ReadRequiredNumber(m, "success_rate", Bounds.Between(0, 1));
        EffortDistribution? duration = null;
        if (m.Value("duration") is { } durationNode)
        {
            duration = ReadDistribution(durationNode, m.PathOf("duration"), "days");
        }
        else
        {
            Missing(m, "duration", " (a distribution in days, e.g. { dist: exponential, mean_days: 20 })");
        }
        return share is { } sh && success is { } su && duration is not null ? new MediationSpec(sh, su, duration) : null;
    }

    private List<SharedPool> ReadPools(MappingReader court, string courtId, List<TeamRead> teams)
    {
        var pools = new List<SharedPool>();
        var listPath = court.PathOf("pools");
        var list = ReadList(court, "pools", required: false);
        if (list is null)
        {
            return pools;
        }
        var groupIds = teams.Select(t => t.Group.Id).Where(id => id.Length > 0).ToList();
        var firstSeen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var appeals = new Dictionary<int, AppealRead>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = ScenarioPaths.Index(listPath, i);
            var m = MappingReader.Open(list.Children[i], path, _diagnostics, "{ id: clerks, members: { clerk: 40 }, tasks: [hearing_record] }");
            if (m is null)
            {
                continue;
            }
            m.RejectUnknown(PoolKeys);
            var id = ReadRequiredString(m, "id");
            if (id is not null && !firstSeen.TryAdd(id, m.Value("id")!))
            {
                Error(m.Value("id")!, m.PathOf("id"), $"duplicate pool id '{id}' (first at line {firstSeen[id].Start.Line})");
            }
            var members = new Dictionary<string, int>(StringComparer.Ordinal);
            if (m.Value("members") is { } membersNode)
            {
                if (ReadRoleCounts(membersNode, m.PathOf("members"), members) && members.Values.Sum() < 1)
                {
                    Error(membersNode, m.PathOf("members"), "a pool needs at least one member");
                }
            }
            else
            {
                Missing(m, "members", " (e.g. { clerk: 40 })");
            }
            var tasks = new List<string>();
            var tasksPath = m.PathOf("tasks");
            if (ReadList(m, "tasks", required: true, " (the tasks or roles' work the pool does for the teams)") is { } taskList)
            {
                if (taskList.Children.Count == 0)
                {
                    Error(taskList, tasksPath, "must name at least one task");
                }
                for (var t = 0; t < taskList.Children.Count; t++)
                {
                    var itemPath = ScenarioPaths.Index(tasksPath, t);
                    var task = ScalarText(taskList.Children[t], itemPath, "a task or role name");
                    if (task is null)
                    {
                        continue;
                    }
                    if (CaseTasks.IsWait(task))
                    {
                        Error(taskList.Children[t], itemPath, $"'{task}' is a wait, which takes time but nobody's work: a pool cannot do it");
                    }
                    else if (CaseTasks.TryResolve(task, _roles, out _, out _))
                    {
                        tasks.Add(task);
                    }
                    else
                    {
                        Error(taskList.Children[t], itemPath, $"'{task}' is neither a task ({Names(CaseTasks.DefaultRole.Keys, 20)}) nor a role ({Names(_roles.Coefficients.Keys, 20)})");
                    }
                }
            }
            List<string>? serves = null;
            var servesPath = m.PathOf("serves");
            if (ReadList(m, "serves", required: false) is { } servesList)
            {
                serves = [];
                if (servesList.Children.Count == 0)
                {
                    Error(servesList, servesPath, "must name at least one team group (leave 'serves' out to serve every team)");
                }
                for (var s = 0; s < servesList.Children.Count; s++)
                {
                    var itemPath = ScenarioPaths.Index(servesPath, s);
                    var group = ScalarText(servesList.Children[s], itemPath, "a team group id");
                    if (group is null)
                    {
                        continue;
                    }
                    if (groupIds.Contains(group))
                    {
                        serves.Add(group);
                    }
                    else
                    {
                        Error(servesList.Children[s], itemPath, $"'{group}' is not a team group of court '{courtId}' (groups: {Names(groupIds)})");
                    }
                }
            }
            members = members.Where(kv => kv.Value > 0).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            pools.Add(new SharedPool(id ?? "", members, tasks, serves));
        }
        return pools;
    }

    private List<Absence> ReadAbsences(MappingReader court, string courtId, List<TeamRead> teams)
    {
        var absences = new List<Absence>();
        var listPath = court.PathOf("absences");
        var list = ReadList(court, "absences", required: false);
        if (list is null)
        {
            return absences;
        }
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = ScenarioPaths.Index(listPath, i);
            var m = MappingReader.Open(list.Children[i], path, _diagnostics, "{ team: t-1, from_day: 30, to_day: 45 }");
            if (m is null)
            {
                continue;
            }
            m.RejectUnknown(AbsenceKeys);
            var team = ReadRequiredString(m, "team");
            if (team is not null && !IsExpandedTeamId(team, teams))
            {
                var ids = teams.Where(t => t.Group.Id.Length > 0)
                    .Select(t => t.Group.Count == 1 ? $"{t.Group.Id}-1" : $"{t.Group.Id}-1 ... {t.Group.Id}-{t.Group.Count}");
                Error(m.Value("team")!, m.PathOf("team"),
                    $"'{team}' is not a team of court '{courtId}' (a team id is its group id, '-', and 1 to the group's count: {Names(ids)})");
            }
            var from = ReadRequiredNumber(m, "from_day", Bounds.AtLeast(0));
            var to = ReadRequiredNumber(m, "to_day", Bounds.Above(0));
            if (from is { } f && to is { } t && t <= f)
            {
                var toNode = m.Value("to_day")!;
                Error(toNode, m.PathOf("to_day"), $"must be greater than from_day ({Raw(m.Value("from_day")!)}) (got {Raw(toNode)})");
            }
            var reason = ReadString(m, "reason") ?? "leave";
            absences.Add(new Absence(team ?? "", from ?? 0, to ?? 0, reason));
        }
        return absences;
    }

    private static bool IsExpandedTeamId(string teamId, List<TeamRead> teams)
    {
        var dash = teamId.LastIndexOf('-');
        if (dash <= 0 || !int.TryParse(teamId.AsSpan(dash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }
        var group = teamId[..dash];
        return teams.Any(t => t.Group.Id == group && n >= 1 && n <= t.Group.Count);
    }

    private List<BacklogEntry> ReadBacklog(MappingReader court, List<FiledType> filed)
    {
        var backlog = new List<BacklogEntry>();
        var listPath = court.PathOf("backlog");
        var list = ReadList(court, "backlog", required: false);
        if (list is null)
        {
            return backlog;
        }
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = ScenarioPaths.Index(listPath, i);
            var m = MappingReader.Open(list.Children[i], path, _diagnostics, "{ type: generic, count: 120, age_days: { dist: exponential, mean_days: 90 } }");
            if (m is null)
            {
                continue;
            }
            m.RejectUnknown(BacklogKeys);
            var type = ReadRequiredString(m, "type");
            if (type is not null && CheckTypeKnown(m.Value("type")!, m.PathOf("type"), type))
            {
                filed.Add(new FiledType(type, m.Value("type")!, m.PathOf("type"), true));
            }
            var count = ReadRequiredInt(m, "count", Bounds.Between(0, MostCases));
            EffortDistribution? age = null;
            if (m.Value("age_days") is { } ageNode)
            {
                age = ReadDistribution(ageNode, m.PathOf("age_days"), "days");
            }
            else
            {
                Missing(m, "age_days", " (a distribution in days, e.g. { dist: exponential, mean_days: 90 })");
            }
            if (type is not null && count is { } c && age is not null)
            {
                backlog.Add(new BacklogEntry(type, c, age));
            }
        }
        return backlog;
    }

    /// <summary>A case type that reaches a court (by intake or backlog), where it is named.</summary>
    private sealed record FiledType(string Type, YamlNode Node, string Path, bool Backlog);
}
