using Docket.Domain.Scenarios;

namespace Docket.Domain.Appeals;

/// <summary>
/// Who appeals to whom among a scenario's expanded courts (<see cref="Scenario.ExpandCourts"/>, indexed in that order),
/// and the rules of conservative synchronisation: courts advance in steps no longer than the shortest transfer up
/// (<see cref="StepDays"/>), so a case appealed during a step arrives above no earlier than the step's end, and the
/// appeals sent in a step are handed over at its end in court order (<see cref="Route"/>). A court's run is then the
/// same whatever the step and however the courts are spread over cores or silos. (Files coming back down carry no
/// case to another court, so only the transfers up bound the step.)
/// Copy n of N alike courts (1-based) appeals to copy ⌊(n − 1)·M ÷ N⌋ + 1 of the M alike courts above: consecutive
/// blocks of nearly equal size.
/// </summary>
public sealed class AppealNetwork
{
    private readonly Link?[] _links;
    private readonly bool[] _receives;

    private AppealNetwork(Link?[] links, bool[] receives, double lookahead)
    {
        _links = links;
        _receives = receives;
        LookaheadDays = lookahead;
    }

    /// <summary>The court's appeals: the court above, transfer days each way, and per case type its share and appeal type (−1: not appealed).</summary>
    internal sealed record Link(int Upper, double UpDays, double BackDays, double[] Share, int[] AppealType);

    public int CourtCount => _links.Length;

    /// <summary>Whether any court appeals to another.</summary>
    public bool HasAppeals => LookaheadDays < double.PositiveInfinity;

    /// <summary>The shortest transfer up to a court above (infinite without appeals): the longest step allowed.</summary>
    public double LookaheadDays { get; }

    public static AppealNetwork Of(Scenario scenario)
    {
        var offsets = new Dictionary<string, (int Offset, int Count)>(StringComparer.Ordinal);
        var total = 0;
        foreach (var court in scenario.Courts)
        {
            offsets[court.Id] = (total, court.Count);
            total += court.Count;
        }
        var links = new Link?[total];
        var receives = new bool[total];
        var lookahead = double.PositiveInfinity;
        foreach (var court in scenario.Courts)
        {
            if (court.Appeals is not { } spec)
            {
                continue;
            }
            var (offset, count) = offsets[court.Id];
            var (upperOffset, upperCount) = offsets[spec.To];
            var share = new double[scenario.CaseTypes.Count];
            var appealType = Enumerable.Repeat(-1, scenario.CaseTypes.Count).ToArray();
            foreach (var route in spec.Routes)
            {
                var type = scenario.TypeIndex(route.Type);
                share[type] = route.Share;
                appealType[type] = scenario.TypeIndex(route.AppealType);
            }
            for (var n = 0; n < count; n++)
            {
                var upper = upperOffset + (int)((long)n * upperCount / count);
                links[offset + n] = new Link(upper, spec.UpDays, spec.BackDays, share, appealType);
                receives[upper] = true;
            }
            lookahead = Math.Min(lookahead, spec.UpDays);
        }
        return new AppealNetwork(links, receives, lookahead);
    }

    /// <summary>The court above court <paramref name="court"/>, or −1.</summary>
    public int UpperOf(int court) => _links[court]?.Upper ?? -1;

    /// <summary>A step of at most <paramref name="requestedDays"/> that never outruns an appeal in transit.</summary>
    public double StepDays(double requestedDays) => Math.Min(requestedDays, LookaheadDays);

    /// <summary>
    /// The desk of court <paramref name="court"/> for a run on <paramref name="seed"/>: null when the court neither
    /// appeals nor hears appeals.
    /// </summary>
    public AppealDesk? DeskFor(int court, Scenario scenario, ulong seed) =>
        _links[court] is null && !_receives[court]
            ? null
            : new AppealDesk(court, _links[court], _receives[court], scenario, seed);

    /// <summary>
    /// The appeals each court sent in a step (<paramref name="sent"/>, one list per court in court order, each in
    /// the order they were sent), handed to the courts above: one list per court of the appeals it receives, in court
    /// order of the senders.
    /// </summary>
    public List<AppealedCase>[] Route(IReadOnlyList<IReadOnlyList<AppealedCase>> sent)
    {
        var received = new List<AppealedCase>[_links.Length];
        for (var c = 0; c < received.Length; c++)
        {
            received[c] = [];
        }
        foreach (var court in sent)
        {
            foreach (var appeal in court)
            {
                received[appeal.Upper].Add(appeal);
            }
        }
        return received;
    }
}
