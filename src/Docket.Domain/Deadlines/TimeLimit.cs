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
    public static DateTimeOffset? LimitAt(CaseType type, DateTimeOffset filedAt, double extendedDays, double suspendedDays = 0) =>
        type.TimeLimitDays is { } days ? filedAt.AddDays(days + extendedDays + suspendedDays) : null;

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

    /// <summary>Why an extension by <paramref name="days"/> cannot be granted now, and the field at fault; null when it can.</summary>
    public static (string Field, string Problem)? RefuseExtension(
        CaseType type, DateTimeOffset filedAt, double extendedDays, bool open, double days, double warnDays, DateTimeOffset now,
        double suspendedDays = 0)
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
        if (now < WarnAt(limit, warnDays))
        {
            return ("case", $"the limit ({limit:yyyy-MM-dd}) is extended only once its warning has come ({WarnAt(limit, warnDays):yyyy-MM-dd})");
        }
        return null;
    }
}
