using Docket.Domain.Access;
using Docket.Domain.Deadlines;
using Docket.Domain.Ledger;

namespace Docket.Domain.Courts;

/// <summary>
/// The commands on one filed case — a node reached, an unlock, an extension, a conversion asked for and decided, a
/// party's new code — decided on the case's record and the court's fixed layout alone (its case types, node
/// catalogues and limits, and who may do what by <see cref="AccessRules"/>): the case's own grain decides them, each
/// case in parallel with every other. The answer is a <see cref="CaseDecision"/>: the refusal, or the entries for the
/// court to sequence (<see cref="CourtCommands.Ledger"/>). Assignments (filing, designation, absences, pulls) are not
/// here: they need the court's board and stay the court's (<see cref="CourtCommands"/>).
/// </summary>
public static class CaseCommands
{
    /// <summary>
    /// Records that the case reached a node or finished a stage (<see cref="NodeOrder"/>), refused while an overdue
    /// important node locks it; when that finishes its closing stage the case closes as well.
    /// </summary>
    public static CaseDecision Reach(Court court, CourtCase c, string node, Actor by, DateTimeOffset at)
    {
        if (!AccessRules.Allows(by, Permission.Report, ScopeOf(court, c)))
        {
            return CaseDecision.Refuse(c, by, at, Outcome.Forbidden, null, $"only {AccessRules.Who(Permission.Report, court.Id, $"case {c.Id}")} reports on it");
        }
        var (step, outcome, error) = CaseProgress.Resolve(court, c, node);
        if (step is null)
        {
            return CaseDecision.Refuse(c, by, at, outcome, "node", error!);
        }
        if (CaseClock.Evaluate(court, c, at).LockedSince is { } since)
        {
            return CaseDecision.Refuse(c, by, at, Outcome.Conflict, null,
                $"case {c.Id} is locked since {since:O} (an important node is overdue); a division head or the president must unlock it");
        }
        if (step.Closes && Supervision.MeetingReferral.HoldsClosing(c.Meeting) is { } held)
        {
            return CaseDecision.Refuse(c, by, at, Outcome.Conflict, null, $"case {c.Id} cannot close: {held}");
        }
        if (CourtState.ArchiveWaits(court, c, step))
        {
            return CaseDecision.Refuse(c, by, at, Outcome.Conflict, null,
                $"case {c.Id} was drawn for quality review and its review has not passed ({(c.Review is { } review ? Quality.ReviewStates.NameOf(review) : null)}): archiving waits for it (case 162)");
        }
        var reached = Draft(court, LedgerKinds.Node, c, by, at) with { Node = node, Stages = step.Stages, Nodes = step.Nodes };
        return Decided(court, c, by, at, step.Closes ? [reached, Draft(court, LedgerKinds.Close, c, by, at)] : [reached]);
    }

    /// <summary>Unlocks a case locked by an overdue important node (<see cref="UnlockRule"/>).</summary>
    public static CaseDecision Unlock(Court court, CourtCase c, string? reason, Actor by, DateTimeOffset at)
    {
        if (!AccessRules.Allows(by, Permission.Unlock, ScopeOf(court, c)))
        {
            return CaseDecision.Refuse(c, by, at, Outcome.Forbidden, null,
                $"only {AccessRules.Who(Permission.Unlock, court.Id, $"case {c.Id}")} unlocks it");
        }
        if (!CaseClock.IsLocked(court, c, at))
        {
            return CaseDecision.Refuse(c, by, at, Outcome.Conflict, null, $"case {c.Id} is not locked");
        }
        return Decided(court, c, by, at, [Draft(court, LedgerKinds.Unlock, c, by, at) with { Reason = WrittenReason.OrNone(reason) }]);
    }

    /// <summary>Extends the case's statutory limit by <paramref name="days"/> (<see cref="TimeLimit.RefuseExtension"/>).</summary>
    public static CaseDecision Extend(Court court, CourtCase c, double days, string reason, Actor by, DateTimeOffset at)
    {
        if (!AccessRules.Allows(by, Permission.Extend, ScopeOf(court, c)))
        {
            return CaseDecision.Refuse(c, by, at, Outcome.Forbidden, null, $"only {AccessRules.Who(Permission.Extend, court.Id, $"case {c.Id}")} extends its time limit");
        }
        if (!WrittenReason.Is(reason))
        {
            return CaseDecision.Refuse(c, by, at, Outcome.Invalid, "reason", "an extension needs a written reason");
        }
        if (RefuseExtension(court, c, days, at) is { } refusal)
        {
            return refusal.Field == "days"
                ? CaseDecision.Refuse(c, by, at, Outcome.Invalid, "days", refusal.Problem)
                : CaseDecision.Refuse(c, by, at, Outcome.Conflict, null, $"case {c.Id}: {refusal.Problem}");
        }
        return Decided(court, c, by, at, [Draft(court, LedgerKinds.Extension, c, by, at) with { Days = days, Reason = reason }]);
    }

    /// <summary>
    /// A judge of the case's team asks, with a reason, to convert the simple-procedure case to ordinary procedure
    /// (cases 157, 159; <see cref="TimeLimit.RefuseConversionRequest"/>): recorded, the limit unchanged until the
    /// approver decides (<see cref="DecideConversion"/>).
    /// </summary>
    public static CaseDecision RequestConversion(Court court, CourtCase c, string reason, Actor by, DateTimeOffset at)
    {
        if (!AccessRules.Allows(by, Permission.RequestConversion, ScopeOf(court, c)))
        {
            return CaseDecision.Refuse(c, by, at, Outcome.Forbidden, null, $"only {AccessRules.Who(Permission.RequestConversion, court.Id, $"case {c.Id}")} asks to convert it to ordinary procedure");
        }
        if (!WrittenReason.Is(reason))
        {
            return CaseDecision.Refuse(c, by, at, Outcome.Invalid, "reason", "a conversion request needs a written reason");
        }
        if (RefuseConversionRequest(court, c, at) is { } refusal)
        {
            return CaseDecision.Refuse(c, by, at, Outcome.Conflict, null, $"case {c.Id}: {refusal.Problem}");
        }
        return Decided(court, c, by, at, [Draft(court, LedgerKinds.ConversionRequested, c, by, at) with { Reason = reason }]);
    }

    /// <summary>
    /// The approver the scenario names (<c>conversion.approver</c>: a division head of the case's division, or the
    /// president, who may also decide a division head's) approves or refuses the conversion requested. Approved, the
    /// case's statutory limit becomes the ordinary one counted from filing (<see cref="TimeLimit.ConversionDays"/>);
    /// refused, it keeps its limit.
    /// </summary>
    public static CaseDecision DecideConversion(Court court, CourtCase c, bool approve, string? reason, Actor by, DateTimeOffset at)
    {
        if (!AccessRules.Allows(by, Permission.DecideConversion, ScopeOf(court, c)))
        {
            return CaseDecision.Refuse(c, by, at, Outcome.Forbidden, null,
                $"only {AccessRules.Who(Permission.DecideConversion, court.Id, $"case {c.Id}")} decides its conversion");
        }
        var type = court.CaseTypes[court.TypeIndex(c.Type)];
        if (type.Conversion is { } conversion && !AccessRules.MayDecideConversion(by.Role, conversion.Approver))
        {
            return CaseDecision.Refuse(c, by, at, Outcome.Forbidden, null,
                $"the conversions of case type '{c.Type}' are decided by the {conversion.Approver.Replace('_', ' ')}");
        }
        if (RefuseConversionDecision(court, c, by.Role) is { } refusal)
        {
            return CaseDecision.Refuse(c, by, at, Outcome.Conflict, null, $"case {c.Id}: {refusal}");
        }
        var kind = approve ? LedgerKinds.ConversionApproved : LedgerKinds.ConversionRefused;
        return Decided(court, c, by, at, [Draft(court, kind, c, by, at) with
        {
            Days = approve ? TimeLimit.ConversionDays(type) : null,
            Reason = WrittenReason.OrNone(reason),
        }]);
    }

    /// <summary>
    /// Gives the case's party a new code, of which the court keeps the keyed hash <paramref name="hmac"/>
    /// (<see cref="PartyCodes"/>): from this entry on the earlier code no longer reads the case. A closed case keeps its code.
    /// </summary>
    public static CaseDecision IssuePartyCode(Court court, CourtCase c, string hmac, Actor by, DateTimeOffset at)
    {
        if (!AccessRules.Allows(by, Permission.IssuePartyCode, ScopeOf(court, c)))
        {
            return CaseDecision.Refuse(c, by, at, Outcome.Forbidden, null, $"only {AccessRules.Who(Permission.IssuePartyCode, court.Id)} re-issues a party's code");
        }
        if (!PartyCodes.IsHmac(hmac))
        {
            return CaseDecision.Refuse(c, by, at, Outcome.Invalid, "party_code_hmac", "a party's code is recorded as its keyed hash: 64 lowercase hex digits");
        }
        if (c.Status == CourtCaseStatus.Closed)
        {
            return CaseDecision.Refuse(c, by, at, Outcome.Conflict, null, $"case {c.Id} is closed: its party keeps the code it has");
        }
        return Decided(court, c, by, at, [Draft(court, LedgerKinds.PartyCode, c, by, at) with { PartyCodeHmac = hmac }]);
    }

    /// <summary>Why the case's limit cannot be extended by <paramref name="days"/> at <paramref name="at"/> (<see cref="TimeLimit.RefuseExtension"/>).</summary>
    public static (string Field, string Problem)? RefuseExtension(Court court, CourtCase c, double days, DateTimeOffset at)
    {
        var type = court.CaseTypes[court.TypeIndex(c.Type)];
        return TimeLimit.RefuseExtension(type, c.FiledAt, c.ExtendedDays, c.Status != CourtCaseStatus.Closed,
            days, court.Layout.Spec.Supervision.LimitWarnDays, at, CaseClock.Suspension(type, c).Days, c.Extensions);
    }

    /// <summary>Why the case's judge cannot ask now to convert it to ordinary procedure (<see cref="TimeLimit.RefuseConversionRequest"/>).</summary>
    public static (string Field, string Problem)? RefuseConversionRequest(Court court, CourtCase c, DateTimeOffset at)
    {
        var type = court.CaseTypes[court.TypeIndex(c.Type)];
        return TimeLimit.RefuseConversionRequest(type, c.Conversion, c.Status != CourtCaseStatus.Closed, CaseClock.RunningLimit(type, c), at);
    }

    /// <summary>
    /// Why <paramref name="role"/> cannot decide the case's conversion now: not the scenario's approver (nor the
    /// president), or no request undecided (<see cref="TimeLimit.RefuseConversionDecision"/>); null when it can.
    /// </summary>
    public static string? RefuseConversionDecision(Court court, CourtCase c, string role)
    {
        if (court.CaseTypes[court.TypeIndex(c.Type)].Conversion is not { } conversion)
        {
            return $"case type '{c.Type}' is not converted to ordinary procedure";
        }
        if (!AccessRules.MayDecideConversion(role, conversion.Approver))
        {
            return $"the conversions of case type '{c.Type}' are decided by the {conversion.Approver.Replace('_', ' ')}, not a {role.Replace('_', ' ')}";
        }
        return TimeLimit.RefuseConversionDecision(c.Conversion);
    }

    /// <summary>
    /// The deadline warnings the case has earned by <paramref name="at"/> and not been issued
    /// (<see cref="CaseClock.Unissued"/>), issued by the deadline watcher: an entry each, for the court to sequence
    /// like any decision on the case (and to count). Null when there is none. The decision holds until the case's next
    /// deadline step (<see cref="CaseClock.NextStep"/>), when it may have earned another.
    /// </summary>
    public static CaseDecision? Warn(Court court, CourtCase c, DateTimeOffset at)
    {
        var (earned, nextStep) = CaseClock.UnissuedUntilNextStep(court, c, at);
        if (earned.Count == 0)
        {
            return null;
        }
        var by = SystemActors.DeadlineWatcher;
        LedgerEntry[] entries = [.. earned.Select(w => Draft(court, LedgerKinds.Warning, c, by, at) with { Node = w.Subject, Level = WarningLevels.NameOf(w.Level), Due = w.Due })];
        return new CaseDecision(c.Number, c.Version, at, nextStep, entries, by, null);
    }

    private static AccessScope ScopeOf(Court court, CourtCase c) => new(court.Id, court.DivisionOfTeam(c.Team), c.Team);

    private static CaseDecision Decided(Court court, CourtCase c, Actor by, DateTimeOffset at, LedgerEntry[] entries) =>
        new(c.Number, c.Version, at, CaseClock.SteadyUntil(court, c, at), entries, by, null);

    /// <summary>An entry about the case, its place in the chain left for the court to give (<see cref="CourtCommands.Ledger"/>).</summary>
    private static LedgerEntry Draft(Court court, string kind, CourtCase c, Actor by, DateTimeOffset at) => new()
    {
        Court = court.Id,
        Seq = 0,
        Kind = kind,
        At = at,
        Case = c.Id,
        Number = c.Number,
        By = new LedgerActor(by.Name, by.Role),
        Prev = "",
    };
}
