using System.Diagnostics;

namespace Docket.Domain.Courts;

/// <summary>
/// Keeps a court's background work (writing, sealing and storing its saved state) to about <c>share</c> of one core, or
/// of the disk's time: after each slice of the work it pauses for the slice's time × (1 ÷ share − 1), so the work runs
/// beside the filings instead of taking the cores or the disk from them for as long as it lasts. A share of 1 never
/// pauses.
/// </summary>
public sealed class WorkPace
{
    private readonly double _idle;
    private long _sliceStarted = Stopwatch.GetTimestamp();

    public WorkPace(double share) => _idle = 1.0 / Math.Clamp(share, 0.01, 1.0) - 1.0;

    /// <summary>Ends a slice: pauses for its share, then starts the next slice's clock.</summary>
    public async ValueTask SliceDoneAsync(CancellationToken cancellationToken = default)
    {
        if (_idle > 0)
        {
            await Task.Delay(Stopwatch.GetElapsedTime(_sliceStarted) * _idle, cancellationToken);
        }
        _sliceStarted = Stopwatch.GetTimestamp();
    }
}
