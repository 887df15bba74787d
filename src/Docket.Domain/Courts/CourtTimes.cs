namespace Docket.Domain.Courts;

/// <summary>Moments written to and read from a court's saved state exactly: ticks and offset.</summary>
internal static class CourtTimes
{
    public static void Write(BinaryWriter w, DateTimeOffset at)
    {
        w.Write(at.Ticks);
        w.Write((short)at.Offset.TotalMinutes);
    }

    public static DateTimeOffset Read(BinaryReader r)
    {
        var ticks = r.ReadInt64();
        return new DateTimeOffset(ticks, TimeSpan.FromMinutes(r.ReadInt16()));
    }
}
