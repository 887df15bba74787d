using Docket.Domain.Quality;
using YamlDotNet.RepresentationModel;

namespace Docket.Domain.Scenarios;

/// <summary>A court's quality review of closed files (cases 162, 166, 159).</summary>
internal sealed partial class ScenarioReader
{
    internal static readonly string[] QualityReviewKeys =
    [
        "reviewer", "review_hours", "sessions_per_year", "sample_share", "categories", "findings", "findings_by_type",
        "after_limit_factor", "repeat_window_days", "yellow_fix_days", "red_fix_days", "yellow_fix_hours", "red_fix_hours",
    ];

    internal static readonly string[] FindingKeys = ["general", "serious"];

    private static readonly (string Name, string Value)[] s_reviewerNames = [.. QualityReviewSpec.ReviewerRoles.Select(r => (r, r))];

    private QualityReviewSpec? ReadQualityReview(YamlNode node, string path, SupervisionRead supervision, string courtId)
    {
        var m = MappingReader.Open(node, path, _diagnostics, "{ reviewer: division_head, sample_share: 0.05, categories: [civil_ordinary] }");
        if (m is null)
        {
            return null;
        }
        m.RejectUnknown(QualityReviewKeys);
        var defaults = new QualityReviewSpec();
        var reviewer = ReadEnum(m, "reviewer", defaults.Reviewer, s_reviewerNames);
        if (supervision.Spec.Staff.GetValueOrDefault(reviewer) <= 0)
        {
            Error(m.Value("reviewer") ?? m.Node, m.Has("reviewer") ? m.PathOf("reviewer") : path,
                $"quality review takes its reviewers' hours from the {reviewer.Replace('_', ' ')}s but court '{courtId}' has none (supervision.staff.{reviewer})");
        }
        var findings = m.Value("findings") is { } findingsNode ? ReadFindingOdds(findingsNode, m.PathOf("findings")) ?? defaults.Findings : defaults.Findings;
        return defaults with
        {
            Reviewer = reviewer,
            ReviewHours = ReadHours(m, "review_hours", defaults.ReviewHours),
            SessionsPerYear = ReadInt(m, "sessions_per_year", defaults.SessionsPerYear, Bounds.Between(1, 365)),
            SampleShare = ReadNumber(m, "sample_share", defaults.SampleShare, Bounds.Between(0, 1)),
            Categories = ReadReviewedCategories(m),
            Findings = findings,
            FindingsByType = ReadFindingsByType(m),
            AfterLimitFactor = ReadNumber(m, "after_limit_factor", defaults.AfterLimitFactor, Bounds.AtLeast(1)),
            RepeatWindowDays = ReadNumber(m, "repeat_window_days", defaults.RepeatWindowDays, Bounds.Above(0)),
            YellowFixDays = ReadNumber(m, "yellow_fix_days", defaults.YellowFixDays, Bounds.AtLeast(0)),
            RedFixDays = ReadNumber(m, "red_fix_days", defaults.RedFixDays, Bounds.AtLeast(0)),
            YellowFixHours = ReadHours(m, "yellow_fix_hours", defaults.YellowFixHours),
            RedFixHours = ReadHours(m, "red_fix_hours", defaults.RedFixHours),
        };
    }

    private List<string> ReadReviewedCategories(MappingReader m)
    {
        var names = new List<string>();
        var path = m.PathOf("categories");
        if (ReadList(m, "categories", required: false, " (the case types or categories reviewed in full)") is not { } list)
        {
            return names;
        }
        for (var i = 0; i < list.Children.Count; i++)
        {
            var itemPath = ScenarioPaths.Index(path, i);
            if (ScalarText(list.Children[i], itemPath, "a case type or category name") is not { } name)
            {
                continue;
            }
            if (!_typeTracks.ContainsKey(name) && !_categories.ContainsKey(name))
            {
                Error(list.Children[i], itemPath, $"'{name}' is neither a case type nor a category (case types: {Names(_typeOrder)})");
                continue;
            }
            names.Add(name);
        }
        return names;
    }

    private Dictionary<string, FindingOdds> ReadFindingsByType(MappingReader m)
    {
        var byType = new Dictionary<string, FindingOdds>(StringComparer.Ordinal);
        if (m.Value("findings_by_type") is not { } node ||
            MappingReader.Open(node, m.PathOf("findings_by_type"), _diagnostics, "{ civil_simple: { general: 0.1, serious: 0.01 } }") is not { } types)
        {
            return byType;
        }
        foreach (var (key, value) in types.Entries)
        {
            var typePath = types.PathOf(key.Value ?? "");
            if (key.Value is not { } type || !_typeTracks.ContainsKey(type))
            {
                Error(key, typePath, $"'{key.Value}' is not a case type (case types: {Names(_typeOrder)})");
                continue;
            }
            if (ReadFindingOdds(value, typePath) is { } odds)
            {
                byType[type] = odds;
            }
        }
        return byType;
    }

    private FindingOdds? ReadFindingOdds(YamlNode node, string path)
    {
        var m = MappingReader.Open(node, path, _diagnostics, "{ general: 0.08, serious: 0.02 }");
        if (m is null)
        {
            return null;
        }
        m.RejectUnknown(FindingKeys);
        var general = ReadRequiredNumber(m, "general", Bounds.Between(0, 1), " (the share of reviews finding a general problem: a yellow card)");
        var serious = ReadRequiredNumber(m, "serious", Bounds.Between(0, 1), " (the share of reviews finding a serious problem: a red card)");
        if (general is not { } g || serious is not { } s)
        {
            return null;
        }
        if (g + s > 1)
        {
            Error(m.Value("serious")!, m.PathOf("serious"), $"general ({g}) and serious ({s}) together exceed 1: they are shares of one review's findings");
            return null;
        }
        return new FindingOdds(g, s);
    }
}
