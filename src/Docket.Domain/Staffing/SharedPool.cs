namespace Docket.Domain.Staffing;

/// <summary>
/// Staff shared by all teams (or by <see cref="ServesGroups"/>): pooled clerks recording hearings (case 153), the
/// non-core task centre doing service, scheduling and archiving (case 167). The pool does <see cref="Tasks"/>
/// (task or role names) for every team it serves, instead of the teams' own staff.
/// </summary>
public sealed record SharedPool(
    string Id,
    IReadOnlyDictionary<string, int> Members,
    IReadOnlyList<string> Tasks,
    IReadOnlyList<string>? ServesGroups)
{
    public int Servers => Members.Values.Sum();
}
