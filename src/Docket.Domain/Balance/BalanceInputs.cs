using Docket.Domain.Cases;
using Orleans;

namespace Docket.Domain.Balance;

/// <summary>
/// Sums behind Anhui's five indicators for one court or team, the one calculator of them: the simulator's statistics
/// and the live court's indicators both feed it case by case (<see cref="File"/>, <see cref="Close"/>,
/// <see cref="Archive"/>, <see cref="AppealTransfer"/>, <see cref="Pending"/>) and read <see cref="Indicators"/>.
/// </summary>
[GenerateSerializer, Alias("docket.sim.balance-inputs")]
public sealed class BalanceInputs
{
    /// <summary>
    /// A case pending longer than this many days counts as long pending unless the scenario says otherwise
    /// (<c>balance.long_pending_days</c>): 18 months, case 161's 1.5 years.
    /// </summary>
    public const double DefaultLongPendingDays = 548;

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
    /// <summary>Σ days from closure to the end of the last stage (archiving), over <see cref="Archived"/> cases.</summary>
    [Id(9)]
    public double ArchiveDays { get; set; }
    [Id(10)]
    public long Archived { get; set; }
    [Id(11)]
    public long PendingEnd { get; set; }
    [Id(12)]
    public long LongPending { get; set; }

    /// <summary>Σ days an appealed case's file took between the court and the court above, over <see cref="AppealTransfers"/>.</summary>
    [Id(13)]
    public double AppealTransferDays { get; set; }
    [Id(14)]
    public long AppealTransfers { get; set; }

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
        ArchiveDays += other.ArchiveDays;
        Archived += other.Archived;
        PendingEnd += other.PendingEnd;
        LongPending += other.LongPending;
        AppealTransferDays += other.AppealTransferDays;
        AppealTransfers += other.AppealTransfers;
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

    /// <summary>
    /// A case whose file finished its last stage (archiving) in the window, <paramref name="days"/> after closure,
    /// counted as at least 0 days: the one rule for every driver (a file archived as its case closes takes none).
    /// </summary>
    public void Archive(double days)
    {
        Archived++;
        ArchiveDays += Math.Max(0, days);
    }

    /// <summary>An appealed case's file that reached the court above (or came back from it) in the window after <paramref name="days"/>.</summary>
    public void AppealTransfer(double days)
    {
        AppealTransfers++;
        AppealTransferDays += days;
    }

    /// <summary>A case pending at the window's end, <paramref name="ageDays"/> old; long pending past <paramref name="longPendingDays"/>.</summary>
    public void Pending(double ageDays, double longPendingDays = DefaultLongPendingDays)
    {
        PendingEnd++;
        LongPending += ageDays > longPendingDays ? 1 : 0;
    }

    /// <summary>
    /// The five indicators. The trial-time index is Σ days to disposition, less the days the limit stood still, ÷ Σ
    /// statutory limit days over the closed cases whose type has a limit (cases without a limit count in neither sum);
    /// the file transfer time is the mean
    /// over appealed cases' transfers between court levels, absent (null) when there were none.
    /// </summary>
    public BalanceIndicators Indicators() => new(
        TimeLimitChangeRate: Filed > 0 ? (double)Extensions / Filed : 0,
        TrialTimeIndex: LimitDays > 0 ? DispositionDaysWithLimit / LimitDays : 0,
        MediationAndSimpleShare: Mediated + Closed > 0 ? (double)(Mediated + FastTrackClosed) / (Mediated + Closed) : 0,
        FileTransferDays: AppealTransfers > 0 ? AppealTransferDays / AppealTransfers : null,
        LongPendingShare: PendingEnd > 0 ? (double)LongPending / PendingEnd : 0)
    {
        ClosureToArchiveDays = Archived > 0 ? ArchiveDays / Archived : 0,
    };
}
