using Docket.Domain.Cases;

namespace Docket.Domain.Deadlines;

/// <summary>
/// A case's statutory time limit: <see cref="CaseType.TimeLimitDays"/> after filing plus the days of every extension
/// granted; its warning comes <c>limit_warn_days</c> before (a month by default). Only then may the president extend
/// it (<see cref="TimeLimitExtension"/>), by at most the type's <c>extension.days</c> — as the simulator does when the
/// warning comes.
/// </summary>
public static class TimeLimit
{
    public static DateTimeOffset? LimitAt(CaseType type, DateTimeOffset filedAt, double extendedDays) =>
        type.TimeLimitDays is { } days ? filedAt.AddDays(days + extendedDays) : null;

    public static DateTimeOffset WarnAt(DateTimeOffset limit, double warnDays) => limit.AddDays(-warnDays);

    /// <summary>Why an extension by <paramref name="days"/> cannot be granted now, and the field at fault; null when it can.</summary>
    public static (string Field, string Problem)? RefuseExtension(
        CaseType type, DateTimeOffset filedAt, double extendedDays, bool open, double days, double warnDays, DateTimeOffset now)
    {
        if (type.Extension is not { } extension || LimitAt(type, filedAt, extendedDays) is not { } limit)
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
