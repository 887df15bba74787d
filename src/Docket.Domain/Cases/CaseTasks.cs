using Docket.Domain.Staffing;

namespace Docket.Domain.Cases;

/// <summary>
/// The tasks a case's effort can be split into, each with the role that does it by default. Pools take tasks
/// (case 167: the non-core task centre does service, scheduling, hearing records, archiving...).
/// </summary>
public static class CaseTasks
{
    public static IReadOnlyDictionary<string, string> DefaultRole { get; } = new Dictionary<string, string>
    {
        ["intake"] = RoleCatalog.Clerk,
        ["service"] = RoleCatalog.Clerk,
        ["scheduling"] = RoleCatalog.Clerk,
        ["preservation"] = RoleCatalog.Assistant,
        ["appraisal"] = RoleCatalog.Assistant,
        ["preparation"] = RoleCatalog.Assistant,
        ["mediation"] = RoleCatalog.Assistant,
        ["hearing"] = RoleCatalog.Judge,
        ["judgment"] = RoleCatalog.Judge,
        ["hearing_record"] = RoleCatalog.Clerk,
        ["drafting"] = RoleCatalog.Assistant,
        ["publishing"] = RoleCatalog.Clerk,
        ["archiving"] = RoleCatalog.Clerk,
        ["appeal_transfer"] = RoleCatalog.Clerk,
        ["asset_search"] = RoleCatalog.Assistant,
        ["enforcement_measures"] = RoleCatalog.Bailiff,
    };

    /// <summary>
    /// A wait (<c>wait</c> or <c>wait_*</c>: a notice period, the parties' answer time, an appraisal) takes calendar
    /// days and nobody's time; its distribution is in days.
    /// </summary>
    public static bool IsWait(string key) => key == "wait" || key.StartsWith("wait_", StringComparison.Ordinal);

    /// <summary>
    /// Resolves an effort key: a task name gives its default role; a role name is that role's own work; a wait has
    /// no role (empty).
    /// </summary>
    public static bool TryResolve(string key, RoleCatalog roles, out string task, out string role)
    {
        if (IsWait(key))
        {
            task = key;
            role = "";
            return true;
        }
        if (DefaultRole.TryGetValue(key, out var r))
        {
            task = key;
            role = r;
            return true;
        }
        if (roles.IsKnown(key))
        {
            task = key;
            role = key;
            return true;
        }
        task = role = "";
        return false;
    }
}
