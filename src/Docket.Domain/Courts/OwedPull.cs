using Docket.Domain.Access;
using Docket.Domain.Ledger;

namespace Docket.Domain.Courts;

/// <summary>
/// A pull the court owes at the moment of an entry. The court pulls at one moment for as long as it can, each pull its
/// own entry, one right after the other (<see cref="CourtCommands"/>): after a closure or a designation, the team that
/// freed a place, while it can take a waiting case; in the deadline watcher's run (after its escalations), each team
/// of the court in order, while it can. So after a pull, a closure or a designation, while the court owes a pull, the
/// next entry is that pull, at the same moment: a ledger that goes on with anything else lacks a pull the court made.
/// A ledger that ends there lacks nothing yet (an export may end between two pulls of a run).
/// </summary>
/// <param name="Team">The team that pulls next.</param>
/// <param name="Case">The waiting case it would take (which case a pull takes is the pull's own check).</param>
/// <param name="At">The moment the pull is owed.</param>
/// <param name="Freed">Whether it is owed to a closure or a designation (the team's first pull), not to an earlier pull.</param>
/// <param name="Returned">Whether it is owed to a team's return from an absence, before the court's next command (<see cref="OnReturn"/>).</param>
public readonly record struct OwedPull(int Team, long Case, DateTimeOffset At, bool Freed, bool Returned = false)
{
    /// <summary>
    /// The first pull a run of pulls at <paramref name="at"/> owes after a team's return: the first team of the court,
    /// in order, that can take a waiting case now (<paramref name="nextPull"/>), or null. Under
    /// <see cref="CourtRules.CatchUpVersion"/> a court's command catches the queue up before its own entries, so no
    /// entry a command writes (<see cref="ComesAfterCatchUp"/>) comes while this is owed.
    /// </summary>
    public static OwedPull? OnReturn(DateTimeOffset at, int teams, Func<int, long?> nextPull)
    {
        for (var t = 0; t < teams; t++)
        {
            if (nextPull(t) is { } next)
            {
                return new OwedPull(t, next, at, Freed: false, Returned: true);
            }
        }
        return null;
    }

    /// <summary>
    /// Whether an entry of the kind is one a court command writes after catching the waiting queue up: every kind but
    /// the ledger's first entry, a seed rotation and a withdrawal (which do not catch up before their entry), and the
    /// catch-up's own escalations and pulls.
    /// </summary>
    public static bool ComesAfterCatchUp(string kind) =>
        kind is not (LedgerKinds.Genesis or LedgerKinds.Seed or LedgerKinds.AbsenceWithdrawn or LedgerKinds.Escalate or LedgerKinds.Pull);

    /// <summary>Whether the entry is a pull of the deadline watcher's (a catch-up's or a watch's run).</summary>
    private static bool IsWatchersPull(LedgerEntry e) => e.Kind == LedgerKinds.Pull && e.By?.Role == SystemActors.DeadlineWatcher.Role;

    /// <summary>
    /// The pull owed once <paramref name="e"/> (a pull, closure or designation by, or freeing a place in,
    /// <paramref name="team"/>) is applied, or null: the first team from <paramref name="team"/> on — only that team,
    /// unless <paramref name="e"/> is a pull of the deadline watcher's run, which goes on to the court's later teams —
    /// that can take a waiting case now (<paramref name="nextPull"/>, the court as the entry leaves it).
    /// </summary>
    public static OwedPull? After(LedgerEntry e, int team, int teams, Func<int, long?> nextPull)
    {
        var last = IsWatchersPull(e) ? teams - 1 : team;
        for (var t = team; t <= last; t++)
        {
            if (nextPull(t) is { } next)
            {
                return new OwedPull(t, next, e.At, e.Kind != LedgerKinds.Pull);
            }
        }
        return null;
    }

    /// <summary>Whether <paramref name="next"/> is the pull owed: a pull by the team (<paramref name="teamId"/>) at the same moment.</summary>
    public bool IsMetBy(LedgerEntry next, string teamId) => next.Kind == LedgerKinds.Pull && next.Team == teamId && next.At == At;
}
