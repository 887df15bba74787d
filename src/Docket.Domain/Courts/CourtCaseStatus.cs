using System.Text.Json.Serialization;

namespace Docket.Domain.Courts;

/// <summary>
/// Where a filed case stands in its court (<see cref="CourtCase.Status"/>). JSON spells it waiting, pending or
/// closed; grain storage keeps it as that name too (<see cref="CourtCaseStatuses.NameOf"/>).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<CourtCaseStatus>))]
public enum CourtCaseStatus : byte
{
    /// <summary>No team could take it yet: it waits in its pool's queue.</summary>
    [JsonStringEnumMemberName("waiting")]
    Waiting,

    /// <summary>A team holds it.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    [JsonStringEnumMemberName("closed")]
    Closed,
}

public static class CourtCaseStatuses
{
    /// <summary>A status as JSON and grain storage spell it: waiting, pending or closed.</summary>
    public static string NameOf(CourtCaseStatus status) => status switch
    {
        CourtCaseStatus.Waiting => "waiting",
        CourtCaseStatus.Pending => "pending",
        CourtCaseStatus.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The status a name spells; null for anything else.</summary>
    public static CourtCaseStatus? Parse(string? name) => name switch
    {
        "waiting" => CourtCaseStatus.Waiting,
        "pending" => CourtCaseStatus.Pending,
        "closed" => CourtCaseStatus.Closed,
        _ => null,
    };
}
