using Docket.Domain.Assignment;

namespace Docket.Benchmarks.Assignment;

/// <summary>A team in the <see cref="LinqPool"/>, with its counters.</summary>
public sealed class LinqTeam(int index, BoardTeam board, int categories)
{
    public int Index { get; } = index;

    public BoardTeam Board { get; } = board;

    public bool Absent { get; set; }

    public int[] Pending { get; } = new int[categories];

    public long[] Assigned { get; } = new long[categories];

    public double PendingWork { get; set; }
}
