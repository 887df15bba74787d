using System.Text.Json.Serialization;
using Docket.Domain.Access;

namespace Docket.Domain.Reports;

/// <summary>The court's published lists (cases 154, 157, 160, 161), each on its cadence; JSON spells them as the API's routes do (<see cref="ReportKinds.ByName"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReportKind>))]
public enum ReportKind
{
    /// <summary>Haidian's daily check (case 154): open cases not served after 15 days, without a hearing after a month, near their limit.</summary>
    [JsonStringEnumMemberName("daily-check")]
    DailyCheck,

    /// <summary>The weekly list of open cases past their statutory limit.</summary>
    [JsonStringEnumMemberName("past-limit")]
    PastLimit,

    /// <summary>The monthly assignment counts per judge, with the counts the draws' probabilities give (case 161).</summary>
    [JsonStringEnumMemberName("assignments")]
    Assignments,

    /// <summary>The monthly caseload per division.</summary>
    [JsonStringEnumMemberName("caseload")]
    Caseload,

    /// <summary>The quarterly and yearly ranking of teams by workload.</summary>
    [JsonStringEnumMemberName("rankings")]
    Rankings,
}

/// <summary>How often a report is produced: its period.</summary>
public enum ReportCadence
{
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// <summary>The reports by the names the API and summary.json use, their cadences and who may read them.</summary>
public static class ReportKinds
{
    public static IReadOnlyDictionary<string, ReportKind> ByName { get; } = new Dictionary<string, ReportKind>(StringComparer.Ordinal)
    {
        ["daily-check"] = ReportKind.DailyCheck,
        ["past-limit"] = ReportKind.PastLimit,
        ["assignments"] = ReportKind.Assignments,
        ["caseload"] = ReportKind.Caseload,
        ["rankings"] = ReportKind.Rankings,
    };

    public static string NameOf(ReportKind kind) => ByName.First(k => k.Value == kind).Key;

    /// <summary>The periods a report of the kind may cover: the daily check a day, the past-limit list a week, the counts a month, rankings a quarter or a year.</summary>
    public static IReadOnlyList<ReportCadence> CadencesOf(ReportKind kind) => kind switch
    {
        ReportKind.DailyCheck => [ReportCadence.Day],
        ReportKind.PastLimit => [ReportCadence.Week],
        ReportKind.Assignments or ReportKind.Caseload => [ReportCadence.Month],
        _ => [ReportCadence.Quarter, ReportCadence.Year],
    };

    /// <summary>The permission that reads the kind (<see cref="AccessRules"/> says who holds it).</summary>
    public static Permission PermissionOf(ReportKind kind) => kind switch
    {
        ReportKind.DailyCheck => Permission.SeeDailyCheck,
        ReportKind.PastLimit => Permission.SeePastLimit,
        ReportKind.Assignments or ReportKind.Caseload => Permission.SeePublishedCounts,
        _ => Permission.SeeRankings,
    };

    /// <summary>Whether the report lists cases, each row within its reader's reach (their team, division or court).</summary>
    public static bool ListsCases(ReportKind kind) => kind is ReportKind.DailyCheck or ReportKind.PastLimit;
}
