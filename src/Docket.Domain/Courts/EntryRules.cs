using Docket.Domain.Access;
using Docket.Domain.Ledger;
using Docket.Domain.Supervision;

namespace Docket.Domain.Courts;

/// <summary>
/// The rules a ledger entry answers to whatever the court's layout: a kind the court writes, a time not before the
/// previous entry's, and an actor who holds the right to make it. Part of <see cref="CourtState.Replay"/>'s check;
/// alone, what can still be checked of a ledger replayed on another layout (<c>docket replay</c>'s what-if).
/// </summary>
public static class EntryRules
{
    /// <summary>The first rule the entry breaks, in words, or null.</summary>
    /// <param name="previousAt">The time of the entry before it (null for the first).</param>
    public static string? Refuse(LedgerEntry e, DateTimeOffset? previousAt)
    {
        if (!LedgerKinds.IsKnown(e.Kind))
        {
            return $"unknown entry kind '{e.Kind}'";
        }
        if (previousAt is { } previous && e.At < previous)
        {
            return $"its time {e.At:O} is before the previous entry's ({previous:O})";
        }
        return RefuseActor(e);
    }

    /// <summary>
    /// Why a filing entry's meeting trigger is not the one its ledger's rules give (<see cref="MeetingReferral.FilingTrigger"/>:
    /// four_type exactly when flagged, from rules version 5; none before), whatever the layout; null when it is, or for
    /// another kind of entry.
    /// </summary>
    public static string? RefuseTrigger(LedgerEntry e, int rules)
    {
        if (e.Kind is not (LedgerKinds.Assign or LedgerKinds.Queue) || e.Trigger == MeetingReferral.FilingTrigger(e.Flagged ?? false, rules))
        {
            return null;
        }
        return rules >= CourtRules.FourTypeMeetingVersion
            ? $"a filing under rules version {rules} carries the meeting trigger {MeetingTriggers.FourType} when flagged, and no other"
            : $"a filing under rules version {rules} carries no meeting trigger";
    }

    /// <summary>
    /// What a filing entry (<c>assign</c> or <c>queue</c>) must say whatever the layout: its case type, a risk level
    /// the court knows (<see cref="RiskLevels.Parse"/>: none, ordinary, larger, major, or none given), and the court's
    /// next case number (numbers follow filing, one by one); null when it does, or for another kind of entry.
    /// </summary>
    /// <param name="lastNumber">The number of the last case filed before it (0 before the first).</param>
    public static string? RefuseFiling(LedgerEntry e, long lastNumber)
    {
        if (e.Kind is not (LedgerKinds.Assign or LedgerKinds.Queue))
        {
            return null;
        }
        if (string.IsNullOrEmpty(e.Type))
        {
            return $"the filing ({e.Kind} entry) names no case type";
        }
        if (RiskLevels.Parse(e.Risk) is null)
        {
            return $"the filing ({e.Kind} entry) names an unknown risk level '{e.Risk}' (none, ordinary, larger or major)";
        }
        return e.Number == lastNumber + 1 ? null : $"it files case number {e.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}, where the next is {lastNumber + 1}";
    }

    /// <summary>
    /// Whether the entry's actor holds the right to make it (<see cref="AccessRules"/>: the ledger records the role,
    /// not the court or division, so this is the role's right). Entries the court makes itself (pulls on a freed
    /// place are recorded under the actor that freed it) are the deadline watcher's or anyone's.
    /// </summary>
    public static string? RefuseActor(LedgerEntry e)
    {
        Permission? needed = e.Kind switch
        {
            LedgerKinds.Assign or LedgerKinds.Queue => Permission.File,
            LedgerKinds.Node or LedgerKinds.Close => Permission.Report,
            LedgerKinds.Unlock => Permission.Unlock,
            LedgerKinds.Designate => Permission.Designate,
            LedgerKinds.Absence or LedgerKinds.AbsenceWithdrawn => Permission.MarkAbsent,
            LedgerKinds.Extension => Permission.Extend,
            LedgerKinds.PartyCode => Permission.IssuePartyCode,
            LedgerKinds.ConversionRequested => Permission.RequestConversion,
            LedgerKinds.ConversionApproved or LedgerKinds.ConversionRefused => Permission.DecideConversion,
            LedgerKinds.ReviewDraw or LedgerKinds.ReviewFinding => Permission.ReviewQuality,
            LedgerKinds.MeetingReferred => Permission.ReferToMeeting,
            LedgerKinds.MeetingHeld or LedgerKinds.MeetingReleased or LedgerKinds.CommitteeReferred or LedgerKinds.MeetingSitting => Permission.ConveneMeeting,
            LedgerKinds.CommitteeDecided => Permission.DecideInCommittee,
            LedgerKinds.Seed => Permission.Administer,
            _ => null,
        };
        if (e.Kind is LedgerKinds.Warning or LedgerKinds.Escalate)
        {
            return e.By?.Role == SystemActors.DeadlineWatcher.Role ? null : $"a {e.Kind} entry is the deadline watcher's, not {e.By?.Role ?? "nobody"}'s";
        }
        if (needed is { } permission && (e.By is null || !AccessRules.RoleMay(e.By.Role, permission)))
        {
            return $"a {e.Kind} entry by {e.By?.Role ?? "nobody"}: only {string.Join(" or ", AccessRules.RolesWith(permission))} may make it";
        }
        return null;
    }
}
