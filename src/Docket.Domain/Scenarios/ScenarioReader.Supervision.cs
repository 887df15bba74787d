using System.Globalization;
using Docket.Domain.Cases;
using Docket.Domain.Deadlines;
using Docket.Domain.Staffing;
using Docket.Domain.Supervision;
using YamlDotNet.RepresentationModel;

namespace Docket.Domain.Scenarios;

/// <summary>A court's supervision: supervisors, their hours, warnings, professional judges' meetings, and the checks.</summary>
internal sealed partial class ScenarioReader
{
    internal static readonly string[] SupervisionKeys =
    [
        "staff", "unlock_hours", "risk_hours", "extension_approval_hours", "conversion_approval_hours", "warn_before_hours", "limit_warn_days",
        "referral_after_days", "meeting", "committee",
    ];

    internal static readonly string[] SupervisorRoles = [RoleCatalog.DivisionHead, RoleCatalog.VicePresident, RoleCatalog.President];

    internal static readonly string[] MeetingKeys = ["every_days", "judges", "hours", "participations_per_case", "papers_days", "attendance"];

    private SupervisionRead ReadSupervision(YamlNode node, string path)
    {
        var defaults = SupervisionSpec.Default;
        var staffNodes = new Dictionary<string, (YamlNode Node, string Path)>(StringComparer.Ordinal);
        var m = MappingReader.Open(node, path, _diagnostics, "{ staff: { division_head: 4, vice_president: 2, president: 1 } }");
        if (m is null)
        {
            return new SupervisionRead(defaults, staffNodes, null);
        }
        m.RejectUnknown(SupervisionKeys);

        var staff = new Dictionary<string, int>(defaults.Staff, StringComparer.Ordinal);
        if (m.Value("staff") is { } staffNode &&
            MappingReader.Open(staffNode, m.PathOf("staff"), _diagnostics, "{ division_head: 4, vice_president: 2, president: 1 }") is { } s)
        {
            s.RejectUnknown(SupervisorRoles, " (the supervising roles)");
            foreach (var role in SupervisorRoles)
            {
                if (s.Value(role) is { } countNode && TryReadInt(countNode, s.PathOf(role), Bounds.AtLeast(0), out var count))
                {
                    staff[role] = count;
                    staffNodes[role] = (countNode, s.PathOf(role));
                }
            }
        }

        var riskHours = (defaults.OrdinaryRiskHours, defaults.LargerRiskHours, defaults.MajorRiskHours);
        if (m.Value("risk_hours") is { } riskNode &&
            MappingReader.Open(riskNode, m.PathOf("risk_hours"), _diagnostics, "{ ordinary: { dist: fixed, hours: 1 } }") is { } r)
        {
            r.RejectUnknown(RiskKeys);
            riskHours = (
                ReadHours(r, "ordinary", defaults.OrdinaryRiskHours),
                ReadHours(r, "larger", defaults.LargerRiskHours),
                ReadHours(r, "major", defaults.MajorRiskHours));
        }

        var meeting = defaults.Meeting;
        var writesReferrals = false;
        (YamlNode Node, string Path)? meetingJudges = null;
        if (m.Value("meeting") is { } meetingNode &&
            MappingReader.Open(meetingNode, m.PathOf("meeting"), _diagnostics, "{ every_days: 7, judges: 7 }") is { } mm)
        {
            mm.RejectUnknown(MeetingKeys);
            meetingJudges = mm.Value("judges") is { } judgesNode ? (judgesNode, mm.PathOf("judges")) : null;
            meeting = new MeetingSpec(
                ReadNumber(mm, "every_days", meeting.EveryDays, Bounds.Above(0)),
                ReadInt(mm, "judges", meeting.Judges, Bounds.AtLeast(3)),
                ReadHours(mm, "hours", meeting.Hours),
                ReadInt(mm, "participations_per_case", meeting.ParticipationsPerCase, Bounds.AtLeast(1)))
            {
                PapersDays = ReadNumber(mm, "papers_days", meeting.PapersDays, Bounds.AtLeast(0)),
                Attendance = ReadNumber(mm, "attendance", meeting.Attendance, Bounds.Between(0, 1)),
            };
            writesReferrals = mm.Has("papers_days") || mm.Has("attendance");
        }

        var spec = new SupervisionSpec(
            staff,
            ReadHours(m, "unlock_hours", defaults.UnlockHours),
            riskHours.Item1,
            riskHours.Item2,
            riskHours.Item3,
            ReadHours(m, "extension_approval_hours", defaults.ExtensionApprovalHours),
            ReadNumber(m, "warn_before_hours", defaults.WarnBeforeHours, Bounds.Above(0)),
            ReadNumber(m, "limit_warn_days", defaults.LimitWarnDays, Bounds.Above(0)),
            ReadNumber(m, "referral_after_days", defaults.ReferralAfterDays, Bounds.Above(0)),
            meeting)
        {
            ConversionApprovalHours = ReadHours(m, "conversion_approval_hours", defaults.ConversionApprovalHours),
            Committee = ReadCommittee(m),
            ReportsReferrals = writesReferrals || m.Has("committee"),
        };
        return new SupervisionRead(spec, staffNodes, meetingJudges);
    }

    /// <summary>The key's hours distribution, or <paramref name="fallback"/> when absent (or wrong: reported).</summary>
    private EffortDistribution ReadHours(MappingReader m, string key, EffortDistribution fallback) =>
        m.Value(key) is { } node && ReadDistribution(node, m.PathOf(key), "hours") is { } distribution ? distribution : fallback;

    /// <summary>
    /// Each risk level filed in the court needs its supervisor (ordinary: division head, larger: vice-president,
    /// major: president), and extensions need the president. Only a count written as 0 can fail (the default is 1):
    /// the error is at that count.
    /// </summary>
    private void CheckSupervisors(string courtId, SupervisionRead supervision, List<FiledType> filed)
    {
        var types = filed.Select(f => f.Type).Distinct(StringComparer.Ordinal)
            .Select(t => _typesById.GetValueOrDefault(t)).OfType<CaseType>().ToList();
        var needs = new (string Level, Func<CaseType, double> Share, string Role, string Title)[]
        {
            ("ordinary", t => t.Risk.Ordinary, RoleCatalog.DivisionHead, "a division head"),
            ("larger", t => t.Risk.Larger, RoleCatalog.VicePresident, "a vice-president"),
            ("major", t => t.Risk.Major, RoleCatalog.President, "the president"),
        };
        foreach (var (level, share, role, title) in needs)
        {
            if (supervision.Spec.Staff.GetValueOrDefault(role) > 0 || types.FirstOrDefault(t => share(t) > 0) is not { } type)
            {
                continue;
            }
            var value = share(type).ToString(CultureInfo.InvariantCulture);
            ReportMissingSupervisor(supervision, role,
                $"risk level '{level}' is supervised by {title} but court '{courtId}' has none (case type '{type.Id}' has risk.{level} {value})");
        }
        if (supervision.Spec.Staff.GetValueOrDefault(RoleCatalog.President) <= 0 && types.FirstOrDefault(t => t.Extension is not null) is { } extended)
        {
            ReportMissingSupervisor(supervision, RoleCatalog.President,
                $"time-limit extensions are approved by the president but court '{courtId}' has none (case type '{extended.Id}' has an extension)");
        }
        foreach (var role in ProcedureConversion.Approvers)
        {
            if (supervision.Spec.Staff.GetValueOrDefault(role) <= 0 && types.FirstOrDefault(t => t.Conversion?.Approver == role) is { } converted)
            {
                ReportMissingSupervisor(supervision, role,
                    $"conversions to ordinary procedure are approved by the {role.Replace('_', ' ')} but court '{courtId}' has none (case type '{converted.Id}' has conversion.approver {role})");
            }
        }
    }

    private void ReportMissingSupervisor(SupervisionRead supervision, string role, string message)
    {
        if (supervision.StaffNodes.TryGetValue(role, out var count))
        {
            Error(count.Node, count.Path, message);
        }
    }

    /// <summary>
    /// A court where flagged ("four-type") cases are filed must be able to seat a professional judges' meeting:
    /// <c>meeting.judges</c> judges, at most half of them (rounded down) from one department (team group).
    /// </summary>
    private void CheckMeetingIsPossible(MappingReader court, string courtId, List<TeamRead> teams, SupervisionRead supervision, List<FiledType> filed)
    {
        var flagged = filed.Select(f => _typesById.GetValueOrDefault(f.Type)).OfType<CaseType>().FirstOrDefault(t => t.FlaggedShare > 0 || t.MeetingReferral is not null);
        if (flagged is null)
        {
            return;
        }
        var needed = supervision.Spec.Meeting.Judges;
        var perDepartment = ProfessionalMeeting.MostFromOneDepartment(needed);
        var judges = teams
            .Select(t => (t.Group.Id, Judges: t.Group.Count * checked((int)RoleCatalog.JudgesAmong(t.Group.Members))))
            .ToList();
        var seats = ProfessionalMeeting.Seats(judges.Select(j => (long)j.Judges), needed);
        if (seats >= needed)
        {
            return;
        }
        var total = judges.Sum(j => j.Judges);
        var perGroup = Names(judges.Select(j => $"{j.Id} {j.Judges}"));
        var share = flagged.FlaggedShare.ToString(CultureInfo.InvariantCulture);
        var why = flagged.FlaggedShare > 0 ? $"its flagged cases need (case type '{flagged.Id}' has flagged_share {share})" : $"its referred cases need (case type '{flagged.Id}' has a meeting_referral)";
        var message = $"court '{courtId}' cannot hold a professional judges' meeting, which {why}: " +
            $"a meeting takes {needed} judges, at most {perDepartment} from one department (team group), but its {total} judges seat at most {seats} (judges per group: {perGroup})";
        if (supervision.MeetingJudges is { } judgesKey)
        {
            Error(judgesKey.Node, judgesKey.Path, message);
        }
        else if (court.Value("teams") is { } teamsNode)
        {
            Error(teamsNode, court.PathOf("teams"), message);
        }
        else
        {
            Error(court.Node, court.Path, message);
        }
    }

    /// <summary>A supervision section as read, with where its counts are (for errors about them).</summary>
    private sealed record SupervisionRead(
        SupervisionSpec Spec,
        Dictionary<string, (YamlNode Node, string Path)> StaffNodes,
        (YamlNode Node, string Path)? MeetingJudges);
}
