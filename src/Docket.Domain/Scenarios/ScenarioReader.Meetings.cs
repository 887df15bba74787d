using System.Globalization;
using Docket.Domain.Supervision;
using YamlDotNet.RepresentationModel;

namespace Docket.Domain.Scenarios;

/// <summary>A case type's referrals to professional judges' meetings and the adjudication committee (cases 164, 165).</summary>
internal sealed partial class ScenarioReader
{
    internal static readonly string[] MeetingReferralKeys = ["remand_or_reversal", "remanded", "panel_split", "leader_disagrees", "departs"];

    internal static readonly string[] CommitteeKeys = ["every_days", "members", "hours"];

    /// <summary>
    /// <c>meeting_referral</c>: the shares of the type's cases referred for each trigger besides being four-type (at
    /// most 1 together: a case is referred once, for the first trigger drawn) and of held cases whose panel departs.
    /// </summary>
    private MeetingReferralShares? ReadMeetingReferral(MappingReader caseType, YamlNode node)
    {
        var path = caseType.PathOf("meeting_referral");
        var m = MappingReader.Open(node, path, _diagnostics, "{ remand_or_reversal: 0.02, panel_split: 0.01, departs: 0.05 }");
        if (m is null)
        {
            return null;
        }
        m.RejectUnknown(MeetingReferralKeys);
        double Share(string key) => ReadNumber(m, key, 0, Bounds.Between(0, 1));
        var shares = new MeetingReferralShares(Share("remand_or_reversal"), Share("remanded"), Share("panel_split"), Share("leader_disagrees"), Share("departs"));
        var total = shares.RemandOrReversal + shares.Remanded + shares.PanelSplit + shares.LeaderDisagrees;
        if (total > 1 + 1e-9)
        {
            Error(node, path, $"the referral shares (remand_or_reversal, remanded, panel_split, leader_disagrees) add up to {total.ToString("0.###", CultureInfo.InvariantCulture)}; a case is referred once, so they must add up to at most 1");
            return null;
        }
        return shares;
    }

    /// <summary><c>supervision.committee</c>: the adjudication committee's cadence, members and each member's hours per session.</summary>
    private CommitteeSpec ReadCommittee(MappingReader supervision)
    {
        var defaults = CommitteeSpec.Default;
        if (supervision.Value("committee") is not { } node ||
            MappingReader.Open(node, supervision.PathOf("committee"), _diagnostics, "{ every_days: 14, members: 9, hours: { dist: fixed, hours: 3 } }") is not { } m)
        {
            return defaults;
        }
        m.RejectUnknown(CommitteeKeys);
        return new CommitteeSpec(
            ReadNumber(m, "every_days", defaults.EveryDays, Bounds.Above(0)),
            ReadInt(m, "members", defaults.Members, Bounds.AtLeast(1)),
            ReadHours(m, "hours", defaults.Hours));
    }
}
