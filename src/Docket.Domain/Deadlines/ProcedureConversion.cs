using System.Text.Json.Serialization;
using Docket.Domain.Staffing;

namespace Docket.Domain.Deadlines;

/// <summary>
/// A simple-procedure type's conversion to ordinary procedure (cases 157, 159): it needs the approval of
/// <see cref="Approver"/> or the president (<see cref="Access.AccessRules.MayDecideConversion"/>), so that it cannot
/// be used to borrow time. In simulation, at a case's first limit warning its judge asks to convert with probability
/// <see cref="Share"/> and the approver grants <see cref="ApprovalShare"/> of the requests. An approved conversion re-sets the statutory limit to the ordinary one, <see cref="LimitDays"/>
/// counted from filing as the law counts it (the Supreme People's Court's interpretation of the Civil Procedure Law:
/// a converted case's limit runs from the day it was filed); a refused one keeps the original limit.
/// </summary>
public sealed record ProcedureConversion(double Share, double ApprovalShare, string Approver, double LimitDays)
{
    /// <summary>The roles a scenario may name as the approver.</summary>
    public static IReadOnlyList<string> Approvers { get; } = [RoleCatalog.DivisionHead, RoleCatalog.President];
}

/// <summary>
/// Where a case's conversion to ordinary procedure stands (the live record's <c>conversion</c>). JSON and the saved
/// state spell it as its name (<see cref="ConversionStates.NameOf"/>); the ledger records it as the entry's kind.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConversionState>))]
public enum ConversionState : byte
{
    [JsonStringEnumMemberName("requested")]
    Requested,

    [JsonStringEnumMemberName("approved")]
    Approved,

    [JsonStringEnumMemberName("refused")]
    Refused,
}

public static class ConversionStates
{
    public static IReadOnlyList<ConversionState> All { get; } = Enum.GetValues<ConversionState>();

    /// <summary>A state as the API and the saved state spell it: requested, approved or refused.</summary>
    public static string NameOf(ConversionState state) => state switch
    {
        ConversionState.Requested => "requested",
        ConversionState.Approved => "approved",
        ConversionState.Refused => "refused",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    /// <summary>The state a name spells (<see cref="NameOf"/>); null for anything else.</summary>
    public static ConversionState? Parse(string? name) => name switch
    {
        "requested" => ConversionState.Requested,
        "approved" => ConversionState.Approved,
        "refused" => ConversionState.Refused,
        _ => null,
    };
}
