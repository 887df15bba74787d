namespace Docket.Domain.Access;

/// <summary>Actors that are the service itself rather than a user.</summary>
public static class SystemActors
{
    /// <summary>Issues deadline warnings and escalates long waits, in the ledger under this name and the role <c>system</c>.</summary>
    public static Actor DeadlineWatcher { get; } = new("deadline-watcher", "system", null, null, null);
}
