using Docket.Domain.Balance;
using Docket.Domain.Randomness;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;

namespace Docket.Domain.Appeals;

/// <summary>
/// One court's appeals in a run: the outbox of cases it appeals to the court above (drawn at closure from the
/// case's own random stream, so the draw does not depend on anything else in the run), and the inbox of appeals on
/// their way to it from the courts below, filed at their arrival in the order (arrival, sending court, sender's
/// count) — the same order whatever the step and whenever they were handed over.
/// Each transfer of a file between court levels counts for the court that sends it, when it arrives in the window:
/// up for the court below (closure + <see cref="AppealSpec.UpDays"/>), back for the court above (the appeal's
/// closure + the sender's <see cref="AppealSpec.BackDays"/>).
/// </summary>
public sealed class AppealDesk
{
    private readonly int _court;
    private readonly AppealNetwork.Link? _link;
    private readonly bool _hears;
    private readonly ulong _seed;
    private readonly double _windowStart;
    private readonly double _windowEnd;
    private readonly RandomStream _random = new(0);
    private readonly List<AppealedCase> _outbox = [];
    private readonly PriorityQueue<AppealedCase, (double Arrival, int Court, int Serial)> _inbox = new();
    private readonly Dictionary<int, double> _receivedOpen = [];
    private readonly ReceivedTally _receivedDone;
    private readonly long[] _outByType;
    private int _serial;
    private long _transitStart;
    private long _transitEnd;
    private long _upTransfers;

    internal AppealDesk(int court, AppealNetwork.Link? link, bool hears, Scenario scenario, ulong seed)
    {
        _court = court;
        _link = link;
        _hears = hears;
        _seed = seed;
        _windowStart = scenario.WarmupDays;
        _windowEnd = scenario.Days;
        _outByType = new long[scenario.CaseTypes.Count];
        _receivedDone = new ReceivedTally(scenario.CaseTypes.Count);
    }

    /// <summary>Appeals received and not yet filed (arriving after the court's time, or after the run's end).</summary>
    public int Waiting => _inbox.Count;

    /// <summary>
    /// Runs <paramref name="court"/> to <paramref name="until"/>, filing each appeal that arrives before then at its
    /// arrival (ahead of the court's own events of that instant).
    /// </summary>
    public static void Advance(CourtSimulation court, double until)
    {
        if (court.Appeals is { } desk)
        {
            desk.AdvanceWithAppeals(court, until);
        }
        else
        {
            court.AdvanceTo(until);
        }
    }

    private void AdvanceWithAppeals(CourtSimulation court, double until)
    {
        var end = Math.Min(until, _windowEnd);
        while (_inbox.TryPeek(out var next, out _) && next.Arrival < end)
        {
            if (next.Arrival < court.Now)
            {
                throw new InvalidOperationException(
                    $"an appeal arrives at day {next.Arrival} in a court already at day {court.Now}: the step was longer than the shortest transfer up");
            }
            _inbox.Dequeue();
            court.AdvanceTo(next.Arrival);
            var caseNo = court.FileAppeal(next.Type, next.Arrival, StreamKey.Mix(next.Key, StreamKey.Appeal, (ulong)next.SourceCourt));
            _receivedOpen.Add(caseNo, next.BackDays);
        }
        court.AdvanceTo(until);
    }

    /// <summary>A case of the court closed at <paramref name="now"/>: appealed with its type's share.</summary>
    internal void Closed(in CaseRecord c, double now)
    {
        if (_link is not { } link || link.AppealType[c.Type] < 0)
        {
            return;
        }
        _random.Reseed(_seed, c.Key, StreamKey.Appeal);
        if (_random.NextDouble() >= link.Share[c.Type])
        {
            return;
        }
        var arrival = now + link.UpDays;
        _outbox.Add(new AppealedCase(now, arrival, link.AppealType[c.Type], link.Upper, _court, _serial++, c.Key, link.BackDays));
        if (now >= _windowStart)
        {
            _outByType[c.Type]++;
        }
        else if (arrival >= _windowStart)
        {
            _transitStart++;
        }
        if (arrival >= _windowEnd)
        {
            _transitEnd++;
        }
        else if (arrival >= _windowStart)
        {
            _upTransfers++;
        }
    }

    /// <summary>The appeals sent since the last call, in the order sent.</summary>
    public AppealedCase[] DrainOutbox()
    {
        if (_outbox.Count == 0)
        {
            return [];
        }
        AppealedCase[] sent = [.. _outbox];
        _outbox.Clear();
        return sent;
    }

    /// <summary>Appeals handed over from the courts below (each arriving no earlier than the court's time).</summary>
    public void Receive(IEnumerable<AppealedCase> appeals)
    {
        foreach (var appeal in appeals)
        {
            _inbox.Enqueue(appeal, (appeal.Arrival, appeal.SourceCourt, appeal.Serial));
        }
    }

    /// <summary>An appeal received from a court below is done (<see cref="CaseFlags.Appeal"/>): counted, and forgotten.</summary>
    internal void Done(int caseNo, in CaseRecord c)
    {
        if (_receivedOpen.Remove(caseNo, out var backDays))
        {
            _receivedDone.Add(in c, backDays, _windowStart, _windowEnd);
        }
    }

    /// <summary>The court's appeals over the window, the open ones as they stand; its file transfers go into <paramref name="balance"/>.</summary>
    public AppealStatistics Collect(CourtSimulation court, BalanceInputs balance)
    {
        var received = _receivedDone.Copy();
        foreach (var (caseNo, backDays) in _receivedOpen)
        {
            received.Add(in court.Case(caseNo), backDays, _windowStart, _windowEnd);
        }
        for (var i = 0; i < _upTransfers; i++)
        {
            balance.AppealTransfer(_link!.UpDays);
        }
        balance.AppealTransfers += received.Transfers;
        balance.AppealTransferDays += received.TransferDays;
        return new AppealStatistics
        {
            Sends = _link is not null,
            Hears = _hears,
            OutByType = [.. _outByType],
            InByType = received.InByType,
            InTransitStart = _transitStart,
            InTransitEnd = _transitEnd,
            Returned = received.Transfers,
            ReturningEnd = received.ReturningEnd,
        };
    }

    /// <summary>Appeals received from the courts below: by type in the window, and their files going back down.</summary>
    private sealed class ReceivedTally(int types)
    {
        public long[] InByType { get; private init; } = new long[types];

        public long Transfers { get; private set; }

        public double TransferDays { get; private set; }

        public long ReturningEnd { get; private set; }

        public void Add(in CaseRecord c, double backDays, double windowStart, double windowEnd)
        {
            if (c.Received >= windowStart)
            {
                InByType[c.Type]++;
            }
            if (c.Status != CaseStatus.Closed)
            {
                return;
            }
            var back = c.Closed + backDays;
            if (back >= windowEnd)
            {
                ReturningEnd++;
            }
            else if (back >= windowStart)
            {
                Transfers++;
                TransferDays += backDays;
            }
        }

        public ReceivedTally Copy() => new(InByType.Length)
        {
            InByType = [.. InByType],
            Transfers = Transfers,
            TransferDays = TransferDays,
            ReturningEnd = ReturningEnd,
        };
    }
}
