using Docket.Domain.Staffing;

namespace Docket.Domain.Deadlines;

/// <summary>
/// Who lifts a lock in a simulated court (Yancheng, case 157): its division head, or the president where there is
/// none. Who may, live and in the ledger, is <see cref="Access.AccessRules"/>' <see cref="Access.Permission.Unlock"/>.
/// </summary>
public static class UnlockRule
{
    /// <summary>Who unlocks in a court with these supervisors: the division head if there is one, else the president.</summary>
    public static string? Unlocker(IEnumerable<string> supervisors)
    {
        var present = supervisors.ToHashSet();
        return present.Contains(RoleCatalog.DivisionHead) ? RoleCatalog.DivisionHead
            : present.Contains(RoleCatalog.President) ? RoleCatalog.President
            : null;
    }
}
