using System.Text.Json.Serialization;
using Docket.Domain.Cases;

namespace Docket.Domain.Reports;

/// <summary>What the daily check and the past-limit list look for in an open case; JSON and CSV spell it as <see cref="PublishedLists.NameOf"/> does.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseCheck>))]
public enum CaseCheck
{
    /// <summary>Not served 15 days after filing (case 154).</summary>
    [JsonStringEnumMemberName("not_served")]
    NotServed,

    /// <summary>No hearing a month (30 days) after filing (case 154).</summary>
    [JsonStringEnumMemberName("no_hearing")]
    NoHearing,

    /// <summary>The statutory limit is less than the court's warning time (<c>limit_warn_days</c>) away (case 154).</summary>
    [JsonStringEnumMemberName("near_limit")]
    NearLimit,

    /// <summary>The statutory limit has passed (the weekly list).</summary>
    [JsonStringEnumMemberName("past_limit")]
    PastLimit,
}

/// <summary>
/// One case as the lists read it, both drivers alike: times are days of the court's calendar (day 0 its
/// <c>start_date</c>); NaN for a time not reached (closure, service, hearing) or a limit the case has not got (its type
/// has none, or a stage suspends it now).
/// </summary>
public readonly record struct CheckedCase(long Number, int Type, int Team, int Judge, double Filed, double Closed, double Served, double Heard, double Limit);

/// <summary>
/// Which process node of a case type stands for service and which for the hearing: the node reached by the effort
/// stage <c>service</c>, and the node reached by the stage <c>hearing</c> or, where the type holds its hearing in the
/// judge's stage (as the samples do), by the stage <c>judge</c>. -1: the type has no such node, and is not checked
/// for it.
/// </summary>
public readonly record struct CheckNodes(int Service, int Hearing)
{
    public const string ServiceStage = "service";
    public const string HearingStage = "hearing";
    public const string JudgeStage = "judge";

    public static CheckNodes Of(CaseType type)
    {
        int Node(string stage) => type.Nodes.Select((n, i) => (n, i)).FirstOrDefault(x => x.n.Stage == stage, (null!, -1)).Item2;
        var hearing = Node(HearingStage);
        return new(Node(ServiceStage), hearing >= 0 ? hearing : Node(JudgeStage));
    }
}

/// <summary>
/// The checks' one rule: when a case is on each list. A case is on a list from a time to a time (a half-open span of
/// calendar days), so a list as of a moment is the cases whose span holds it — what the live service serves — and a
/// count at every day's end is a sweep over the spans — what the simulator produces.
/// </summary>
public static class CheckRules
{
    /// <summary>Days from filing after which an unserved case is listed.</summary>
    public const double NotServedDays = 15;

    /// <summary>Days from filing (a month) after which a case without a hearing is listed.</summary>
    public const double NoHearingDays = 30;

    /// <summary>
    /// From when until when the case is on the check's list: not served from 15 days after filing until served or
    /// closed (only a type with a service node); without a hearing from 30 days after filing until heard or closed
    /// (only a type with a hearing node); near its limit from <paramref name="warnDays"/> before the limit until the
    /// limit or closure; past its limit from the limit until closure. Never on it: (∞, ∞).
    /// </summary>
    public static (double From, double Until) Span(CaseCheck check, in CheckedCase c, CheckNodes nodes, double warnDays) => check switch
    {
        CaseCheck.NotServed when nodes.Service >= 0 => (c.Filed + NotServedDays, Earliest(c.Served, c.Closed)),
        CaseCheck.NoHearing when nodes.Hearing >= 0 => (c.Filed + NoHearingDays, Earliest(c.Heard, c.Closed)),
        CaseCheck.NearLimit when !double.IsNaN(c.Limit) => (c.Limit - warnDays, Earliest(c.Limit, c.Closed)),
        CaseCheck.PastLimit when !double.IsNaN(c.Limit) => (c.Limit, Earliest(c.Closed, double.NaN)),
        _ => (double.PositiveInfinity, double.PositiveInfinity),
    };

    /// <summary>Whether any check can list the case (<see cref="Span"/> is (∞, ∞) for every check otherwise).</summary>
    public static bool CanList(in CheckedCase c, CheckNodes nodes) => nodes.Service >= 0 || nodes.Hearing >= 0 || !double.IsNaN(c.Limit);

    /// <summary>Whether the case is on the check's list at <paramref name="at"/>.</summary>
    public static bool IsOn(CaseCheck check, in CheckedCase c, CheckNodes nodes, double warnDays, double at)
    {
        var (from, until) = Span(check, c, nodes, warnDays);
        return from <= at && at < until;
    }

    private static double Earliest(double a, double b) => Math.Min(double.IsNaN(a) ? double.PositiveInfinity : a, double.IsNaN(b) ? double.PositiveInfinity : b);
}
