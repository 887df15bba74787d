using Docket.Domain.Cases;
using Docket.Domain.Supervision;
using YamlDotNet.RepresentationModel;

namespace Docket.Domain.Scenarios;

/// <summary>Case types, their effort, and distributions in hours or days.</summary>
internal sealed partial class ScenarioReader
{
    internal static readonly string[] CaseTypeKeys =
    [
        "id", "category", "track", "weight", "time_limit_days", "priority", "flagged_share", "effort",
        "closes_after", "nodes", "risk", "extension", "conversion", "meeting_referral",
    ];

    internal static readonly string[] DistributionNames = ["exponential", "lognormal", "gamma", "fixed", "empirical"];

    internal static readonly (string Name, CaseTrack Value)[] TrackNames =
    [
        ("ordinary", CaseTrack.Ordinary),
        ("fast_track", CaseTrack.FastTrack),
        ("specialized", CaseTrack.Specialized),
        ("enforcement", CaseTrack.Enforcement),
    ];

    /// <summary>Every case type id seen (valid or not) with its track, in file order.</summary>
    private readonly Dictionary<string, CaseTrack> _typeTracks = new(StringComparer.Ordinal);
    private readonly List<string> _typeOrder = [];

    /// <summary>Category name → its type ids, in file order.</summary>
    private readonly Dictionary<string, List<string>> _categories = new(StringComparer.Ordinal);

    /// <summary>Every case type read (valid or not) by id, for the checks of the courts that file it.</summary>
    private readonly Dictionary<string, CaseType> _typesById = new(StringComparer.Ordinal);

    private List<CaseType> ReadCaseTypes(MappingReader top)
    {
        var types = new List<CaseType>();
        var list = ReadList(top, "case_types", required: true, " (at least one case type)");
        if (list is null)
        {
            return types;
        }
        if (list.Children.Count == 0)
        {
            Error(list, "case_types", "needs at least one case type");
        }
        var firstSeen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = ScenarioPaths.Index("case_types", i);
            var m = MappingReader.Open(list.Children[i], path, _diagnostics,
                "{ id: generic, effort: { judge: { dist: exponential, mean_hours: 240 } } }");
            if (m is null)
            {
                continue;
            }
            m.RejectUnknown(CaseTypeKeys);
            var id = ReadRequiredString(m, "id");
            var duplicate = false;
            if (id is not null && !firstSeen.TryAdd(id, m.Value("id")!))
            {
                Error(m.Value("id")!, m.PathOf("id"), $"duplicate case type id '{id}' (first at line {firstSeen[id].Start.Line})");
                duplicate = true;
            }
            var category = ReadString(m, "category") ?? id ?? "";
            var track = ReadEnum(m, "track", CaseTrack.Ordinary, TrackNames);
            var weight = ReadNumber(m, "weight", 1, Bounds.Above(0));
            var timeLimit = ReadOptionalNumber(m, "time_limit_days", Bounds.Above(0));
            var priority = ReadInt(m, "priority", 0, Bounds.Between(0, 3));
            var flaggedShare = ReadNumber(m, "flagged_share", 0, Bounds.Between(0, 1));
            var stages = ReadEffort(m);
            var effortKeys = EffortKeys(m);
            var closesAfter = ReadClosesAfter(m, id, effortKeys, out var closingStage);
            var nodes = ReadNodes(m, id, effortKeys, closingStage);
            var risk = m.Value("risk") is { } riskNode ? ReadRisk(riskNode, m.PathOf("risk")) : RiskShares.None;
            var extension = m.Value("extension") is { } extensionNode ? ReadExtension(m, extensionNode) : null;
            var conversion = m.Value("conversion") is { } conversionNode ? ReadConversion(m, conversionNode) : null;
            var meetingReferral = m.Value("meeting_referral") is { } referralNode ? ReadMeetingReferral(m, referralNode) : null;
            if (id is null || duplicate)
            {
                continue;
            }
            _typeTracks[id] = track;
            _typeOrder.Add(id);
            if (!_categories.TryGetValue(category, out var members))
            {
                _categories[category] = members = [];
            }
            members.Add(id);
            var caseType = new CaseType(id, category, track, weight, timeLimit, priority, stages, flaggedShare)
            {
                ClosesAfter = closesAfter,
                Nodes = nodes,
                Risk = risk,
                Extension = extension,
                Conversion = conversion,
                MeetingReferral = meetingReferral,
            };
            _typesById[id] = caseType;
            types.Add(caseType);
        }
        return types;
    }

    /// <summary>An effort entry's flag: the statutory limit stands still during the stage.</summary>
    private const string SuspendsLimitKey = "suspends_limit";

    private List<EffortStage> ReadEffort(MappingReader caseType)
    {
        var stages = new List<EffortStage>();
        if (caseType.Value("effort") is not { } node)
        {
            Missing(caseType, "effort", " (the work a case needs, e.g. effort: { judge: { dist: exponential, mean_hours: 240 } })");
            return stages;
        }
        var path = caseType.PathOf("effort");
        var m = MappingReader.Open(node, path, _diagnostics, "{ judge: { dist: exponential, mean_hours: 240 } }");
        if (m is null)
        {
            return stages;
        }
        if (m.Entries.Count == 0)
        {
            Error(node, path, "needs at least one task or role");
        }
        foreach (var (key, value) in m.Entries)
        {
            var name = key.Value!;
            var stagePath = m.PathOf(name);
            var resolved = CaseTasks.TryResolve(name, _roles, out var task, out var role);
            if (!resolved)
            {
                Error(key, path, $"'{name}' is neither a task ({Names(CaseTasks.DefaultRole.Keys, 20)}), a wait (wait, wait_*) nor a role ({Names(_roles.Coefficients.Keys, 20)})");
            }
            var distribution = ReadDistribution(value, stagePath, CaseTasks.IsWait(name) ? "days" : "hours", stage: true);
            var suspends = value is YamlMappingNode stage && stage.Children.TryGetValue(new YamlScalarNode(SuspendsLimitKey), out var flag)
                && ReadBoolean(flag, ScenarioPaths.Child(stagePath, SuspendsLimitKey)) == true;
            if (resolved && distribution is not null)
            {
                stages.Add(new EffortStage(task, role, distribution) { SuspendsLimit = suspends });
            }
        }
        return stages;
    }

    /// <summary>
    /// A distribution in <paramref name="unit"/> ("hours" or "days"): <c>{ dist: exponential, mean_hours: 240 }</c>.
    /// The values stay in that unit (an effort's <c>MeanHours</c> holds days when the unit is days).
    /// </summary>
    /// <param name="stage">An effort stage's distribution, which may also say <c>suspends_limit</c>.</param>
    private EffortDistribution? ReadDistribution(YamlNode node, string path, string unit, bool stage = false)
    {
        string[] extra = stage ? [SuspendsLimitKey] : [];
        var mean = "mean_" + unit;
        var sd = "sd_" + unit;
        var m = MappingReader.Open(node, path, _diagnostics, $"{{ dist: exponential, {mean}: 10 }}");
        if (m is null)
        {
            return null;
        }
        string[] allKeys = ["dist", mean, sd, "shape", unit, "weights", .. extra];
        if (m.Value("dist") is not { } distNode)
        {
            m.RejectUnknown(allKeys);
            Missing(m, "dist", $" (one of: {string.Join(", ", DistributionNames)})");
            return null;
        }
        var dist = ScalarText(distNode, m.PathOf("dist"), "a distribution name");
        string[]? keys = dist switch
        {
            "exponential" => ["dist", mean],
            "lognormal" => ["dist", mean, sd],
            "gamma" => ["dist", mean, "shape"],
            "fixed" => ["dist", unit],
            "empirical" => ["dist", unit, "weights"],
            _ => null,
        };
        if (keys is null)
        {
            if (dist is not null)
            {
                Error(distNode, m.PathOf("dist"), $"unknown distribution '{dist}' (expected one of: {string.Join(", ", DistributionNames)})");
            }
            m.RejectUnknown(allKeys);
            return null;
        }
        m.RejectUnknown([.. keys, .. extra], $" for dist {dist}");
        var context = $" for dist {dist}";
        switch (dist)
        {
            case "exponential":
                {
                    var meanValue = ReadRequiredNumber(m, mean, Bounds.Above(0), context);
                    return meanValue is { } mu ? new ExponentialEffort(mu) : null;
                }
            case "lognormal":
                {
                    var meanValue = ReadRequiredNumber(m, mean, Bounds.Above(0), context);
                    var sdValue = ReadRequiredNumber(m, sd, Bounds.AtLeast(0), context);
                    return meanValue is { } mu && sdValue is { } sigma ? new LogNormalEffort(mu, sigma) : null;
                }
            case "gamma":
                {
                    var meanValue = ReadRequiredNumber(m, mean, Bounds.Above(0), context);
                    var shapeValue = ReadRequiredNumber(m, "shape", Bounds.Above(0), context);
                    return meanValue is { } mu && shapeValue is { } shape ? new GammaEffort(mu, shape) : null;
                }
            case "fixed":
                {
                    var value = ReadRequiredNumber(m, unit, Bounds.AtLeast(0), context);
                    return value is { } v ? new FixedEffort(v) : null;
                }
            default:
                return ReadEmpirical(m, unit, context);
        }
    }

    private EmpiricalEffort? ReadEmpirical(MappingReader m, string unit, string context)
    {
        var values = ReadNumberList(m, unit, required: true, context);
        var weights = ReadNumberList(m, "weights", required: false, context);
        if (values is null)
        {
            return null;
        }
        if (values.Count == 0)
        {
            Error(m.Value(unit)!, m.PathOf(unit), "needs at least one value");
            return null;
        }
        if (weights is not null)
        {
            if (weights.Count != values.Count)
            {
                Error(m.Value("weights")!, m.PathOf("weights"), $"must have as many weights as {unit} ({values.Count}) (got {weights.Count})");
                return null;
            }
            if (weights.Sum() <= 0)
            {
                Error(m.Value("weights")!, m.PathOf("weights"), "must not be all zero");
                return null;
            }
        }
        return m.Has("weights") && weights is null ? null : new EmpiricalEffort(values, weights);
    }

    /// <summary>A list of non-negative numbers; null when absent or when any item is wrong (reported).</summary>
    private List<double>? ReadNumberList(MappingReader m, string key, bool required, string? context = null)
    {
        var list = ReadList(m, key, required, context);
        if (list is null)
        {
            return null;
        }
        var values = new List<double>();
        var ok = true;
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (TryReadNumber(list.Children[i], ScenarioPaths.Index(m.PathOf(key), i), Bounds.AtLeast(0), out var value))
            {
                values.Add(value);
            }
            else
            {
                ok = false;
            }
        }
        return ok ? values : null;
    }
}
