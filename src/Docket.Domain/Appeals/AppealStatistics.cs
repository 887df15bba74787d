using Orleans;

namespace Docket.Domain.Appeals;

/// <summary>
/// One court's appeals over the window [warm-up, days): sent to the court above by the type appealed, received from the
/// courts below by appeal type, and those in transit when the window opens and closes. Over all courts,
/// in transit at the start + sent = received + in transit at the end.
/// </summary>
[GenerateSerializer, Alias("docket.sim.appeal-statistics")]
public sealed class AppealStatistics
{
    /// <summary>Whether the court appeals to a court above.</summary>
    [Id(0)]
    public bool Sends { get; set; }

    /// <summary>Whether a court below appeals to the court.</summary>
    [Id(1)]
    public bool Hears { get; set; }

    /// <summary>Appeals sent (cases closed in the window and appealed), by the scenario's case types.</summary>
    [Id(2)]
    public long[] OutByType { get; set; } = [];

    /// <summary>Appeals that arrived in the window (filed as appeal cases), by the scenario's case types.</summary>
    [Id(3)]
    public long[] InByType { get; set; } = [];

    /// <summary>Sent before the window and arriving in it or later.</summary>
    [Id(4)]
    public long InTransitStart { get; set; }

    /// <summary>Sent and arriving at the window's end or later.</summary>
    [Id(5)]
    public long InTransitEnd { get; set; }

    /// <summary>Files of decided appeals back at the court below in the window.</summary>
    [Id(6)]
    public long Returned { get; set; }

    /// <summary>Files of decided appeals still on their way back at the window's end.</summary>
    [Id(7)]
    public long ReturningEnd { get; set; }
}
