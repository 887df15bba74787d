using Docket.Domain.Balance;

namespace Docket.Domain.Courts;

/// <summary>
/// A court's finished cases summed since its ledger began: how many, and their balance inputs (each filed with its
/// extensions, closed after its days with the days its limit stood still, archived after its days). The indicators
/// over the whole ledger — the KPI gauges every few seconds, <c>GET …/kpis</c> without <c>since</c> — take these sums
/// instead of reading every finished case's row from storage; a window with a start reads the rows. Kept with the
/// court's state and saved with it, a few dozen bytes whatever the history.
/// </summary>
public sealed class FinishedTotals
{
    public long Count { get; private set; }

    public BalanceInputs Inputs { get; private set; } = new();

    /// <summary>Counts a finished case of <paramref name="court"/>.</summary>
    public void Add(Court court, FinishedCase f)
    {
        Count++;
        CountWhole(Inputs, court.CaseTypes[court.TypeIndex(f.Type)], f);
    }

    /// <summary>A finished case in balance inputs whose window it lies in whole: filed, closed and archived in it.</summary>
    internal static void CountWhole(BalanceInputs inputs, Cases.CaseType type, FinishedCase f)
    {
        inputs.File(f.Extensions);
        inputs.Close(type, (f.ClosedAt - f.FiledAt).TotalDays, f.SuspendedDays);
        inputs.Archive((f.LastStageAt - f.ClosedAt).TotalDays);
    }

    public void Write(BinaryWriter w)
    {
        w.Write(Count);
        DocketTally.WriteClosures(w, Inputs);
        w.Write(Inputs.Archived);
        w.Write(Inputs.ArchiveDays);
    }

    public static FinishedTotals Read(BinaryReader r)
    {
        var count = r.ReadInt64();
        var inputs = DocketTally.ReadClosures(r);
        inputs.Archived = r.ReadInt64();
        inputs.ArchiveDays = r.ReadDouble();
        return new FinishedTotals { Count = count, Inputs = inputs };
    }
}
