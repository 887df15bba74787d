using Docket.Domain.Staffing;

namespace Docket.Domain.Deadlines;

/// <summary>Only a division head or the president lifts a lock (Yancheng, case 157).</summary>
public static class UnlockRule
{
    public static bool CanUnlock(string role) => role is RoleCatalog.DivisionHead or RoleCatalog.President;

    /// <summary>Who unlocks in a court with these supervisors: the division head if there is one, else the president.</summary>
    public static string? Unlocker(IEnumerable<string> supervisors)
    {
        var present = supervisors.ToHashSet();
        return present.Contains(RoleCatalog.DivisionHead) ? RoleCatalog.DivisionHead
            : present.Contains(RoleCatalog.President) ? RoleCatalog.President
            : null;
    }
}
