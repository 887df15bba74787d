using Docket.Domain.Cases;
using Orleans;

namespace Docket.Domain.Balance;

/// <summary>
/// Sums behind Anhui's five indicators for one court or team, the one calculator of them: the simulator's statistics
/// and the live court's indicators both feed it case by case (<see cref="File"/>, <see cref="Close"/>,
/// <see cref="Transfer"/>, <see cref="Pending"/>) and read <see cref="Indicators"/>.
/// </summary>
[GenerateSerializer, Alias("docket.sim.balance-inputs")]
public sealed class BalanceInputs
{
    /// <summary>A case pending longer than this many days counts as long pending.</summary>
    public const double LongPendingDays = 365;

    [Id(0)]
    public long Extensions { get; set; }
    [Id(1)]
    public long Filed { get; set; }
    [Id(2)]
    public long Closed { get; set; }
    [Id(3)]
    public double DispositionDays { get; set; }
    [Id(4)]
    public double LimitDays { get; set; }
    [Id(5)]
    public long ClosedWithLimit { get; set; }
    [Id(6)]
    public double DispositionDaysWithLimit { get; set; }
    [Id(7)]
    public long Mediated { get; set; }
    [Id(8)]
    public long FastTrackClosed { get; set; }
    [Id(9)]
    public double TransferDays { get; set; }
    [Id(10)]
    public long Transferred { get; set; }
    [Id(11)]
    public long PendingEnd { get; set; }
    [Id(12)]
    public long LongPending { get; set; }

    public void Add(BalanceInputs other)
    {
        Extensions += other.Extensions;
        Filed += other.Filed;
        Closed += other.Closed;
        DispositionDays += other.DispositionDays;
        LimitDays += other.LimitDays;
        ClosedWithLimit += other.ClosedWithLimit;
        DispositionDaysWithLimit += other.DispositionDaysWithLimit;
        Mediated += other.Mediated;
        FastTrackClosed += other.FastTrackClosed;
        TransferDays += other.TransferDays;
        Transferred += other.Transferred;
        PendingEnd += other.PendingEnd;
        LongPending += other.LongPending;
    }

    /// <summary>A case filed in the window, with the extensions of its statutory limit granted so far.</summary>
    public void File(int extensions)
    {
        Filed++;
        Extensions += extensions;
    }

    /// <summary>A case of the type closed in the window after <paramref name="days"/> days from filing.</summary>
    /// <param name="suspendedDays">Days the statutory limit stood still (<see cref="Deadlines.TimeLimit.Suspension"/>): not counted against the limit in the trial-time index.</param>
    public void Close(CaseType type, double days, double suspendedDays = 0)
    {
        Closed++;
        DispositionDays += days;
        FastTrackClosed += type.Track == CaseTrack.FastTrack ? 1 : 0;
        if (type.TimeLimitDays is { } limit)
        {
            ClosedWithLimit++;
            LimitDays += limit;
            DispositionDaysWithLimit += days - suspendedDays;
        }
    }

    /// <summary>A case whose file finished its last stage (archiving, transfer) in the window, <paramref name="days"/> after closure.</summary>
    public void Transfer(double days)
    {
        Transferred++;
        TransferDays += days;
    }

    /// <summary>A case pending at the window's end, <paramref name="ageDays"/> old.</summary>
    public void Pending(double ageDays)
    {
        PendingEnd++;
        LongPending += ageDays > LongPendingDays ? 1 : 0;
    }

    /// <summary>
    /// The five indicators. The trial-time index is Σ days to disposition ÷ Σ statutory limit days over the closed
    /// cases whose type has a limit (cases without a limit count in neither sum).
    /// </summary>
    public BalanceIndicators Indicators() => new(
        TimeLimitChangeRate: Filed > 0 ? (double)Extensions / Filed : 0,
        TrialTimeIndex: LimitDays > 0 ? DispositionDaysWithLimit / LimitDays : 0,
        MediationAndSimpleShare: Mediated + Closed > 0 ? (double)(Mediated + FastTrackClosed) / (Mediated + Closed) : 0,
        FileTransferDays: Transferred > 0 ? TransferDays / Transferred : 0,
        LongPendingShare: PendingEnd > 0 ? (double)LongPending / PendingEnd : 0);
}
