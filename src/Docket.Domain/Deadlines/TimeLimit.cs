using Docket.Domain.Cases;

namespace Docket.Domain.Deadlines;

/// <summary>
/// A case's statutory time limit: <see cref="CaseType.TimeLimitDays"/> after filing plus the days of every extension
/// granted and the days spent in stages that suspend it (<see cref="EffortStage.SuspendsLimit"/>: appraisal, public
/// notice, mediation — periods the law does not count against the limit, <see cref="Suspension"/>); its warning comes <c>limit_warn_days</c> before (a month by default). Only then may the president extend
/// it (<see cref="TimeLimitExtension"/>), by at most the type's <c>extension.days</c> — as the simulator does when the
/// warning comes.
/// </summary>
public static class TimeLimit
{
    /// <param name="extendedDays">Days added by the extensions granted and by an approved conversion (<see cref="ConversionDays"/>).</param>
    public static DateTimeOffset? LimitAt(CaseType type, DateTimeOffset filedAt, double extendedDays, double suspendedDays = 0) =>
        type.TimeLimitDays is { } days ? filedAt.AddDays(days + extendedDays + suspendedDays) : null;

    /// <summary>
    /// The days an approved conversion to ordinary procedure adds to the limit: the ordinary limit
    /// (<see cref="ProcedureConversion.LimitDays"/>) less the type's, so that the limit becomes the ordinary one counted
    /// from filing; 0 for a type that is not converted.
    /// </summary>
    public static double ConversionDays(CaseType type) =>
        type.Conversion is { } conversion && type.TimeLimitDays is { } days ? conversion.LimitDays - days : 0;

    /// <summary>
    /// The days a case's statutory limit has stood still: the time spent in each stage that suspends it, from the
    /// stage's start (the previous stage's end, or the case's assignment for the first) to its end, for the stages
    /// done; and whether the stage under way (if the case is open) suspends it now. While suspended the limit has no
    /// fixed end: it moves on by the days the stage takes when the stage ends.
    /// </summary>
    /// <param name="stageEnds">When each stage done ended, in effort order.</param>
    public static (double Days, bool SuspendedNow) Suspension(CaseType type, DateTimeOffset? assignedAt, IReadOnlyList<DateTimeOffset> stageEnds, bool open)
    {
        var days = 0.0;
        // Stages after the one that closes the case suspend nothing: the limit no longer runs.
        var closing = type.ClosesAfter is { } key ? type.Stages.ToList().FindIndex(st => st.Task == key) : -1;
        var last = closing >= 0 ? closing : type.Stages.Count - 1;
        for (var s = 0; s < stageEnds.Count && s <= last; s++)
        {
            var start = s == 0 ? assignedAt : stageEnds[s - 1];
            if (type.Stages[s].SuspendsLimit && start is { } from)
            {
                days += Math.Max(0, (stageEnds[s] - from).TotalDays);
            }
        }
        var current = stageEnds.Count;
        var now = open && assignedAt is not null && current <= last && type.Stages[current].SuspendsLimit;
        return (days, now);
    }

    public static DateTimeOffset WarnAt(DateTimeOffset limit, double warnDays) => limit.AddDays(-warnDays);

    /// <summary>
    /// When the warning of a limit at <paramref name="limit"/> comes, on plain day numbers: the simulator's clock, or
    /// the live court's days counted from the limit (0). The limit's steps are read by one evaluator for both,
    /// <see cref="Read"/>.
    /// </summary>
    public static double WarnAt(double limit, double warnDays) => limit - warnDays;

    /// <summary>Whether a limit at <paramref name="limit"/> has earned its warning at <paramref name="now"/> (times compared, so at exactly <see cref="WarnAt(double, double)"/> it has).</summary>
    private static bool WarningEarned(double limit, double warnDays, double now) => now >= WarnAt(limit, warnDays);

    /// <summary>Whether a limit at <paramref name="limit"/> is overdue at <paramref name="now"/>.</summary>
    private static bool OverdueAt(double limit, double now) => now >= limit;

    /// <summary>
    /// A running limit at <paramref name="limit"/> read at <paramref name="now"/>, on plain day numbers: whether it has
    /// earned its warning, whether it is overdue, and the next moment one of them comes. The one evaluator of the
    /// limit's steps: the simulator reads it at the moments a reading names (its limit events), the live court at each
    /// check of a case, on days counted from the limit (0).
    /// </summary>
    public static LimitReading Read(double limit, double warnDays, double now) =>
        new(WarningEarned(limit, warnDays, now), OverdueAt(limit, now), NextStepAfter(limit, warnDays, now));

    /// <summary>The first moment after <paramref name="now"/> at which a running limit earns its warning or falls due, or null once both have come.</summary>
    private static double? NextStepAfter(double limit, double warnDays, double now)
    {
        double? next = null;
        foreach (var t in (ReadOnlySpan<double>)[WarnAt(limit, warnDays), limit])
        {
            if (t > now && (next is null || t < next))
            {
                next = t;
            }
        }
        return next;
    }

    /// <summary>
    /// Why an extension by <paramref name="days"/> cannot be granted now, and the field at fault; null when it can.
    /// The president grants a case's extensions up to the type's <c>extension.max</c>; one beyond it is the higher
    /// court's to approve (<see cref="TimeLimitExtension.Route"/>), so the court refuses it.
    /// </summary>
    /// <param name="granted">The extensions the case has had.</param>
    public static (string Field, string Problem)? RefuseExtension(
        CaseType type, DateTimeOffset filedAt, double extendedDays, bool open, double days, double warnDays, DateTimeOffset now,
        double suspendedDays = 0, int granted = 0)
    {
        if (type.Extension is not { } extension || LimitAt(type, filedAt, extendedDays, suspendedDays) is not { } limit)
        {
            return ("case", $"case type '{type.Id}' has no extendable time limit");
        }
        if (!double.IsFinite(days) || days <= 0 || days > extension.Days)
        {
            return ("days", $"an extension of case type '{type.Id}' is more than 0 and at most {extension.Days:0.##} days");
        }
        if (!open)
        {
            return ("case", "the case is closed");
        }
        if (extension.Route(granted) != ExtensionApprover.President)
        {
            return ("case", $"the case has had {granted} extensions, the most the president grants to case type '{type.Id}' (extension.max {extension.Max}); " +
                (extension.HigherCourtDays is { } wait
                    ? $"a further extension is the higher court's to approve (about {wait:0.##} days)"
                    : "no further extension is granted"));
        }
        if (now < WarnAt(limit, warnDays))
        {
            return ("case", $"the limit ({limit:yyyy-MM-dd}) is extended only once its warning has come ({WarnAt(limit, warnDays):yyyy-MM-dd})");
        }
        return null;
    }

    /// <summary>
    /// Why the case's judge cannot ask now to convert it to ordinary procedure (<see cref="ProcedureConversion"/>),
    /// and the field at fault; null when they can. A case is converted at most once, on one request, made while
    /// it is open and before its limit has passed (a conversion is decided within the simple procedure's limit).
    /// </summary>
    /// <param name="conversion">The case's conversion so far, or null.</param>
    /// <param name="limit">The case's running limit (null while a stage suspends it).</param>
    public static (string Field, string Problem)? RefuseConversionRequest(CaseType type, ConversionState? conversion, bool open, DateTimeOffset? limit, DateTimeOffset now)
    {
        if (type.Conversion is null || type.TimeLimitDays is null)
        {
            return ("case", $"case type '{type.Id}' is not converted to ordinary procedure (it has no 'conversion')");
        }
        if (!open)
        {
            return ("case", "the case is closed");
        }
        if (conversion is { } state)
        {
            return ("case", $"the case's conversion was already requested (it is {ConversionStates.NameOf(state)})");
        }
        if (limit is { } at && now > at)
        {
            return ("case", $"the limit ({at:yyyy-MM-dd}) has passed: a conversion is decided before it");
        }
        return null;
    }

    /// <summary>Why a conversion request cannot be decided now; null when it can (one is requested and undecided).</summary>
    public static string? RefuseConversionDecision(ConversionState? conversion) => conversion switch
    {
        ConversionState.Requested => null,
        null => "no conversion to ordinary procedure was requested",
        { } decided => $"the conversion was already decided (it is {ConversionStates.NameOf(decided)})",
    };
}

/// <summary>A running statutory limit as read at a moment (<see cref="TimeLimit.Read"/>): warned, overdue, and when it next steps (null once both have come).</summary>
public readonly record struct LimitReading(bool Warned, bool Overdue, double? Next);
