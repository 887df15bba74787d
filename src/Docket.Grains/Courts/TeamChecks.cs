namespace Docket.Grains;

/// <summary>
/// What each team's grain last told its court of its open cases' deadlines (<see cref="ILiveCourtGrain.TeamNextCheckAsync"/>):
/// the earliest next check among them, as of its docket's ledger position. The court keeps no check of the cases a
/// team holds; it wakes a team's watch from this alone — when the check told has waited longer than the team's own
/// watch would have let it (a team grain not active, or whose timer failed), and, for a team that has told nothing
/// since the court's activation, at its next watch. Not saved: a court taken up again starts knowing nothing, so its
/// first watch wakes every team holding an open case, and each tells it afresh.
/// </summary>
public sealed class TeamChecks(int teams)
{
    private readonly (long Through, DateTimeOffset? Next)?[] _told = new (long, DateTimeOffset?)?[teams];

    /// <summary>
    /// Takes what team <paramref name="team"/> tells, unless it already told something as of a later ledger position
    /// (two tellings of one team may cross on their way).
    /// </summary>
    public void Tell(int team, long through, DateTimeOffset? next)
    {
        if (_told[team] is not { } known || known.Through <= through)
        {
            _told[team] = (through, next);
        }
    }

    /// <summary>
    /// Whether the court's watch at <paramref name="now"/> wakes the team's: it has told nothing, or a check at or
    /// before <paramref name="now"/> − <paramref name="grace"/>.
    /// </summary>
    public bool Wakes(int team, DateTimeOffset now, TimeSpan grace) =>
        _told[team] is not { } known || (known.Next is { } next && next <= now - grace);

    /// <summary>
    /// Whether a team grain tells its court again after news moved its docket's earliest check to <paramref name="next"/>:
    /// when it has told nothing yet, when the check is earlier than the one it told, or when the one it told has come
    /// (at or before <paramref name="now"/>: a due case warned moves it on) — else the court would wake its watch for
    /// nothing. A later check while the told one is still to come needs no telling: the watch runs by then anyway.
    /// </summary>
    public static bool TellsAgain(bool told, DateTimeOffset? toldNext, DateTimeOffset? next, DateTimeOffset now) =>
        !told || (next != toldNext && (toldNext is not { } before || before <= now || next < before));
}
