namespace Docket.Domain.Simulation;

/// <summary>
/// Staff who do one kind of work, one task each at a time, first come first served within priority: a team's
/// judges, its assistants, its clerks, or a shared pool serving many teams.
/// </summary>
internal sealed class Station
{
    private readonly int[] _free;
    private readonly IntQueue[] _lanes = new IntQueue[CourtSimulation.PriorityLevels];
    private int _freeCount;

    public Station(string name, int servers, int ownerTeam, bool hearsCases)
    {
        Name = name;
        Servers = servers;
        OwnerTeam = ownerTeam;
        HearsCases = hearsCases;
        _free = new int[servers];
        for (var s = 0; s < servers; s++)
        {
            _free[s] = servers - 1 - s;
        }
        _freeCount = servers;
        BusyHours = new double[servers];
        Tasks = new long[servers];
    }

    /// <summary>The same staff with no task under way, none waiting and no hours worked: a new run's station.</summary>
    public Station Staffed() => new(Name, Servers, OwnerTeam, HearsCases);

    public string Name { get; }

    public int Servers { get; }

    /// <summary>The team the staff belong to, or -1 for a shared pool.</summary>
    public int OwnerTeam { get; }

    public bool HearsCases { get; }

    /// <summary>Working hours each server spent on tasks inside the statistics window.</summary>
    public double[] BusyHours { get; }

    /// <summary>Tasks each server started inside the statistics window.</summary>
    public long[] Tasks { get; }

    public int Waiting { get; private set; }

    public bool HasFreeServer => _freeCount > 0;

    public int TakeServer() => _free[--_freeCount];

    public void ReleaseServer(int server) => _free[_freeCount++] = server;

    public void Enqueue(int entry, int priority)
    {
        (_lanes[priority] ??= new IntQueue()).Enqueue(entry);
        Waiting++;
    }

    /// <summary>The next entry (a case number, or the complement of a job number), highest lane first.</summary>
    public bool TryDequeue(out int entry)
    {
        for (var p = _lanes.Length - 1; p >= 0; p--)
        {
            var lane = _lanes[p];
            if (lane is { Count: > 0 })
            {
                Waiting--;
                entry = lane.Dequeue();
                return true;
            }
        }
        entry = 0;
        return false;
    }
}
