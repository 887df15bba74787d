using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Statistics;

namespace Docket.Domain.Appeals;

/// <summary>
/// Every court of one replication of a scenario run in this process and stepped together: each step runs the courts
/// (on up to <c>parallelism</c> cores) to the step's end, then hands the appeals sent in it to the courts above, in
/// court order (<see cref="AppealNetwork"/>). The silo's clock grain does the same with a court per grain.
/// </summary>
public sealed class LinkedCourts
{
    private readonly AppealNetwork _network;
    private readonly CourtSimulation[] _courts;
    private readonly int _days;

    public LinkedCourts(Scenario scenario, ulong seed)
    {
        _network = AppealNetwork.Of(scenario);
        _days = scenario.Days;
        _courts = [.. scenario.ExpandCourts().Select((c, i) =>
        {
            var layout = new CourtLayout(scenario, c.Spec, c.CourtId, prefixTeamIds: scenario.CourtCount > 1);
            return new CourtSimulation(layout, seed) { Appeals = _network.DeskFor(i, scenario, seed) };
        })];
    }

    public IReadOnlyList<CourtSimulation> Courts => _courts;

    /// <summary>The day every court has reached.</summary>
    public double Day { get; private set; }

    /// <summary>Runs to the scenario's end in steps of at most <paramref name="stepDays"/> (and the shortest transfer up); the courts' statistics, in court order.</summary>
    public IReadOnlyList<CourtStatistics> Run(double stepDays, int parallelism)
    {
        var step = _network.StepDays(stepDays);
        while (Day < _days)
        {
            Step(Math.Min(_days, Day + step), parallelism);
        }
        return [.. _courts.Select(CourtStatisticsCollector.Collect)];
    }

    private void Step(double until, int parallelism)
    {
        Parallel.For(0, _courts.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            c => AppealDesk.Advance(_courts[c], until));
        Day = until;
        if (!_network.HasAppeals)
        {
            return;
        }
        var received = _network.Route([.. _courts.Select(c => c.Appeals?.DrainOutbox() ?? [])]);
        for (var c = 0; c < _courts.Length; c++)
        {
            if (received[c].Count > 0)
            {
                _courts[c].Appeals!.Receive(received[c]);
            }
        }
    }
}
