using Docket.Domain.Balance;
using Docket.Domain.Reports;
using Docket.Domain.Staffing;
using Orleans;

namespace Docket.Domain.Courts;

/// <summary>
/// What a team's or a judge's docket keeps of the cases it closed, as sums only (memory does not grow with them): the
/// balance inputs of each closed case (its filing with its extensions, its closure — <see cref="BalanceInputs"/>), its
/// credit in the team's quota unit (<see cref="QuotaAttainment.Credit"/>), the closures of the latest year of the
/// court's calendar that saw one, and the seats in professional judges' meetings that sat. With the open cases it makes the docket's figures (<see cref="DocketFigures"/>).
/// </summary>
[GenerateSerializer, Alias("docket.live.docket-tally")]
public sealed class DocketTally
{
    [Id(0)]
    public BalanceInputs Closed { get; private set; } = new();

    /// <summary>The closures counted in the team's quota unit.</summary>
    [Id(1)]
    public double Credit { get; private set; }

    /// <summary>The court calendar's latest year with a closure (0: none yet).</summary>
    [Id(2)]
    public int Year { get; private set; }

    [Id(3)]
    public long ClosedInYear { get; private set; }

    /// <summary>Seats in professional judges' meetings that sat (<see cref="Supervision.MeetingReferral.SeatsOf"/>).</summary>
    [Id(4)]
    public long MeetingSeats { get; private set; }

    /// <summary>
    /// What counts towards the quota, in its unit: the closures' credit, and in workload units the meeting seats too
    /// (<see cref="QuotaAttainment.MeetingUnits"/>), as the simulator counts them.
    /// </summary>
    public double Attained(QuotaUnit unit, int participationsPerCase) =>
        unit == QuotaUnit.WorkloadUnits ? Credit + QuotaAttainment.MeetingUnits(MeetingSeats, participationsPerCase) : Credit;

    /// <summary>A seat in a professional judges' meeting that sat.</summary>
    public void Sat() => MeetingSeats++;

    /// <summary>Case <paramref name="c"/>, its record as its closure left it, closed at <paramref name="at"/> by a team whose quota counts in <paramref name="unit"/>.</summary>
    public void Close(Court court, CourtCase c, DateTimeOffset at, QuotaUnit unit)
    {
        var type = court.CaseTypes[court.TypeIndex(c.Type)];
        Closed.File(c.Extensions);
        Closed.Close(type, (at - c.FiledAt).TotalDays, CaseClock.Suspension(type, c).Days);
        Credit += QuotaAttainment.Credit(unit, type.Weight);
        var year = YearOf(court, at);
        if (year > Year)
        {
            (Year, ClosedInYear) = (year, 0);
        }
        ClosedInYear += year == Year ? 1 : 0;
    }

    /// <summary>Closures in the court calendar's year of <paramref name="now"/>.</summary>
    public long ClosedInYearOf(Court court, DateTimeOffset now) => YearOf(court, now) == Year ? ClosedInYear : 0;

    public DocketTally Copy()
    {
        var closed = new BalanceInputs();
        closed.Add(Closed);
        return new DocketTally { Closed = closed, Credit = Credit, Year = Year, ClosedInYear = ClosedInYear, MeetingSeats = MeetingSeats };
    }

    public void Write(BinaryWriter w)
    {
        WriteClosures(w, Closed);
        w.Write(Credit);
        w.Write(Year);
        w.Write(ClosedInYear);
        w.Write(MeetingSeats);
    }

    public static DocketTally Read(BinaryReader r) => new()
    {
        Closed = ReadClosures(r),
        Credit = r.ReadDouble(),
        Year = r.ReadInt32(),
        ClosedInYear = r.ReadInt64(),
        MeetingSeats = r.ReadInt64(),
    };

    /// <summary>What closed cases put in balance inputs (filings with their extensions, closures and their days), as a saved state holds it.</summary>
    internal static void WriteClosures(BinaryWriter w, BalanceInputs b)
    {
        foreach (var count in new[] { b.Extensions, b.Filed, b.Closed, b.ClosedWithLimit, b.Mediated, b.FastTrackClosed })
        {
            w.Write(count);
        }
        foreach (var sum in new[] { b.DispositionDays, b.LimitDays, b.DispositionDaysWithLimit })
        {
            w.Write(sum);
        }
    }

    /// <summary>Balance inputs as <see cref="WriteClosures"/> wrote them.</summary>
    internal static BalanceInputs ReadClosures(BinaryReader r) => new()
    {
        Extensions = r.ReadInt64(),
        Filed = r.ReadInt64(),
        Closed = r.ReadInt64(),
        ClosedWithLimit = r.ReadInt64(),
        Mediated = r.ReadInt64(),
        FastTrackClosed = r.ReadInt64(),
        DispositionDays = r.ReadDouble(),
        LimitDays = r.ReadDouble(),
        DispositionDaysWithLimit = r.ReadDouble(),
    };

    private static int YearOf(Court court, DateTimeOffset at) => ReportPeriod.At(court.Scenario.Calendar, ReportCadence.Year, at).First.Year;
}
