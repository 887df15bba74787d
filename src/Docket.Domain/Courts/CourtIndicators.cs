using Docket.Domain.Access;
using Docket.Domain.Balance;
using Docket.Domain.Cases;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Statistics;

namespace Docket.Domain.Courts;

/// <summary>
/// A live court's indicators over a window, with summary.json's definitions: the five balance indicators from the
/// one calculator the simulator's statistics use (<see cref="BalanceInputs"/>, fed case by case), the caseload spread
/// by <see cref="Gini"/>. The live service runs no pre-litigation mediation, so the mediation share counts fast-track
/// closures.
/// </summary>
public static class CourtIndicators
{
    /// <summary>
    /// The indicators in one go (<see cref="CourtIndicatorPass"/> run to its end without a pause), the court's
    /// finished cases read from <paramref name="finished"/> (the rows its <see cref="CourtState.DrainFinished"/> gave).
    /// </summary>
    public static CourtKpis Compute(CourtState state, FinishedCaseTable finished, DateTimeOffset? since, DateTimeOffset now)
    {
        var pass = new CourtIndicatorPass(state, since, now);
        if (pass.ReadsFinished)
        {
            pass.CountFinished(finished.Read(pass.From, pass.Through));
        }
        while (!pass.Step(int.MaxValue))
        {
        }
        return pass.Finish();
    }

    /// <summary>
    /// The balance indicators' caseload Gini: the spread of the open work (the open cases' weights) over the court's
    /// teams with judges, from <paramref name="pendingWork"/> by team index.
    /// </summary>
    public static double CaseloadGini(Simulation.CourtLayout layout, Func<int, double> pendingWork) =>
        Gini.Of(Enumerable.Range(0, layout.Teams.Count).Where(t => layout.Teams[t].Judges > 0).Select(pendingWork));
}
