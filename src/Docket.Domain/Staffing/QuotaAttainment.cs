namespace Docket.Domain.Staffing;

/// <summary>
/// Quota attainment, the one rule for the simulator's summary, its live team views, its metrics and the live
/// service's metrics: what a team closed, counted in its quota's unit, ÷ (the annual quota × the years elapsed).
/// A quota in <see cref="QuotaUnit.Cases"/> counts closed cases; one in <see cref="QuotaUnit.WorkloadUnits"/> counts
/// workload units (each closed case's type weight, plus meeting seats ÷ participations per case: <see cref="MeetingUnits"/>),
/// in the simulator and the live court alike.
/// </summary>
public static class QuotaAttainment
{
    /// <summary>What one closed case of type weight <paramref name="weight"/> counts towards a quota in <paramref name="unit"/>.</summary>
    public static double Credit(QuotaUnit unit, double weight) => unit == QuotaUnit.Cases ? 1.0 : weight;

    /// <summary>
    /// What seats in professional judges' meetings count in workload units (case 165): every
    /// <paramref name="participationsPerCase"/> seats one case. A seat is a judge present at a meeting that sat
    /// (<see cref="Supervision.MeetingReferral.SeatsOf"/>); a quota in cases does not count them.
    /// </summary>
    public static double MeetingUnits(long seats, int participationsPerCase) =>
        participationsPerCase > 0 ? (double)seats / participationsPerCase : 0.0;

    /// <summary>The closures counted in the quota's unit: closed cases, or workload units.</summary>
    public static double Attained(QuotaUnit unit, double closedCases, double workloadUnits) =>
        unit == QuotaUnit.Cases ? closedCases : workloadUnits;

    /// <summary>The years a live court's quotas are prorated over: from its ledger's start (null: not begun, 0) to <paramref name="now"/>.</summary>
    public static double YearsSince(DateTimeOffset? started, DateTimeOffset now) =>
        started is { } at ? YearsBetween(0, (now - at).TotalDays) : 0;

    /// <summary>
    /// The years a simulated court's quotas are prorated over: from day <paramref name="fromDay"/> (the window's start)
    /// to day <paramref name="toDay"/>, in the simulator's 365-day years; 0 before the window starts.
    /// </summary>
    public static double YearsBetween(double fromDay, double toDay) =>
        Math.Max(0, toDay - fromDay) / Simulation.SimulationYear.Days;

    /// <summary><paramref name="attained"/> ÷ (<paramref name="annualQuota"/> × <paramref name="years"/>); 0 without a quota or time.</summary>
    public static double Of(double attained, double annualQuota, double years) =>
        annualQuota > 0 && years > 0 ? attained / (annualQuota * years) : 0.0;

    /// <summary>A team's attainment from its closed cases and workload units, in its quota's unit.</summary>
    public static double Of(QuotaUnit unit, double closedCases, double workloadUnits, double annualQuota, double years) =>
        Of(Attained(unit, closedCases, workloadUnits), annualQuota, years);

    /// <summary>
    /// Each team kind's attainment over <paramref name="years"/>: what the kind's teams closed, in their quota units
    /// (<paramref name="attained"/>), ÷ (the kind's annual quota, its teams' summed × the years). Kinds whose teams
    /// have no quota are left out.
    /// </summary>
    public static IEnumerable<(TeamKind Kind, double Attainment)> ByKind(IEnumerable<(TeamKind Kind, double Quota)> teams, Func<TeamKind, double> attained, double years) =>
        teams.GroupBy(t => t.Kind).Select(k => (k.Key, Quota: k.Sum(t => t.Quota))).Where(k => k.Quota > 0)
            .Select(k => (k.Key, Of(attained(k.Key), k.Quota, years)));

    /// <summary>
    /// A team kind's attainment from its teams' own over the same years (summary.json's team rows): their attainments
    /// weighted by their quotas, which is <see cref="ByKind"/>'s figure (what the teams attained, summed, ÷ their
    /// quotas summed × the years); teams without a quota are left out, and a kind with none gives 0.
    /// </summary>
    public static double Pooled(IEnumerable<(double Quota, double Attainment)> teams)
    {
        double quota = 0, attained = 0;
        foreach (var (q, a) in teams)
        {
            if (q > 0)
            {
                quota += q;
                attained += a * q;
            }
        }
        return quota > 0 ? attained / quota : 0.0;
    }

    /// <summary>
    /// A judge's annual quota: an equal share of the team's among its <paramref name="judges"/>, as the monthly per-judge
    /// counts share the team's expected count.
    /// </summary>
    public static double JudgeShare(double teamQuota, int judges) => judges > 0 ? teamQuota / judges : 0.0;

    /// <summary>The name of a unit in scenarios and summary.json.</summary>
    public static string Name(QuotaUnit unit) => unit == QuotaUnit.Cases ? "cases" : "workload_units";
}
