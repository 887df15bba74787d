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

/// <summary>Where a case's conversion to ordinary procedure stands (the live record's <c>conversion</c>).</summary>
public static class ConversionStates
{
    public const string Requested = "requested";
    public const string Approved = "approved";
    public const string Refused = "refused";
}
