namespace Docket.Domain.Staffing;

/// <summary>
/// When a team is away: from the start of an absence (inclusive) to its end (exclusive), overlapping absences being
/// one. An away team leaves the eligible set of its pool (<see cref="Assignment.TeamBoard.SetAbsent"/>); back, it is
/// treated as before — no catch-up for the cases it missed — and takes waiting cases it can take. The simulator
/// schedules the merged periods as events; the live service asks <see cref="IsAway"/> at each decision.
/// </summary>
public static class AbsenceRule
{
    public static bool Covers(double from, double to, double at) => from <= at && at < to;

    /// <summary>Whether the absence from <paramref name="from"/> until <paramref name="to"/> covers <paramref name="at"/> (its end is the team's first moment back).</summary>
    public static bool Covers(DateTimeOffset from, DateTimeOffset to, DateTimeOffset at) => from <= at && at < to;

    /// <summary>Whether any of the absences covers <paramref name="at"/>.</summary>
    public static bool IsAway(IEnumerable<(DateTimeOffset From, DateTimeOffset To)> absences, DateTimeOffset at)
    {
        foreach (var (from, to) in absences)
        {
            if (Covers(from, to, at))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Overlapping or touching absences merged into one, in order of start.</summary>
    public static (double From, double To)[] Merge(IEnumerable<(double From, double To)> absences)
    {
        var merged = new List<(double From, double To)>();
        foreach (var (from, to) in absences.OrderBy(a => a.From))
        {
            if (merged.Count > 0 && from <= merged[^1].To)
            {
                merged[^1] = (merged[^1].From, Math.Max(merged[^1].To, to));
            }
            else
            {
                merged.Add((from, to));
            }
        }
        return [.. merged];
    }

    /// <summary>The longest absence the live service records unless configured otherwise (<c>Docket:Absences:MaxDays</c>).</summary>
    public const double DefaultMaxDays = 366;

    /// <summary>
    /// Why an absence from <paramref name="from"/> to <paramref name="to"/> cannot be recorded at
    /// <paramref name="now"/> (the field at fault), or null. It must end after it starts and after now: what was
    /// decided before it was recorded stands, so an absence wholly in the past would change nothing. With
    /// <paramref name="maxDays"/>, it lasts at most that many days (a team cannot be taken out of the draw for good
    /// by a far-off end); the ledger's verification does not ask it, the limit being the service's setting of the time.
    /// </summary>
    public static (string Field, string Problem)? Refuse(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, double? maxDays = null)
    {
        if (to <= from)
        {
            return ("to", "an absence ends after it starts");
        }
        if (to <= now)
        {
            return ("to", "an absence already over cannot be recorded (assignments already made stand)");
        }
        if (maxDays is { } max && (to - from).TotalDays > max)
        {
            return ("to", $"an absence lasts at most {max:0.###} days; this one lasts {(to - from).TotalDays:0.###} (record a longer one as successive absences, each decided on its own)");
        }
        return null;
    }

    /// <summary>
    /// Why an absence cannot be withdrawn at <paramref name="now"/>, or null: not twice, and not once it is over
    /// (what it decided stands; withdrawing it would change nothing).
    /// </summary>
    public static string? RefuseWithdrawal(RecordedAbsence absence, DateTimeOffset now) =>
        absence.Withdrawn is { } by ? $"the absence was already withdrawn (ledger entry {by})"
        : absence.To <= now ? "the absence is already over (assignments made meanwhile stand)"
        : null;
}
