using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Docket.Domain.Simulation;

/// <summary>
/// A large case array comes from the allocator as untouched pages: the first write to each (one 4 KB page every 28
/// records) costs the loop a page fault, about twenty thousand on a scale-10 year. On Linux, a worker asks the kernel
/// to map them ahead (<c>madvise(MADV_POPULATE_WRITE)</c>, which faults pages in without changing what they hold, so it
/// can run beside the loop writing the same array); elsewhere, or on a kernel without it, nothing is done and the
/// loop takes the faults as before.
/// </summary>
internal static class PageFaults
{
    private const int PopulateWrite = 23;
    private const int PageSize = 4096;

    /// <summary>Arrays smaller than this are mapped by their first writes soon enough.</summary>
    private const long LeastBytes = 8 << 20;

    public static void MapAhead(CaseRecord[] cases)
    {
        if (!OperatingSystem.IsLinux() || (long)cases.Length * Unsafe.SizeOf<CaseRecord>() < LeastBytes)
        {
            return;
        }
        ThreadPool.UnsafeQueueUserWorkItem(static array => Populate(array), cases, preferLocal: false);
    }

    /// <summary>Maps the array's whole pages; the kernel's answer (0 when done, -1 on a kernel without the advice).</summary>
    internal static int Populate(CaseRecord[] cases)
    {
        if (!OperatingSystem.IsLinux())
        {
            return -1;
        }
        var pin = GCHandle.Alloc(cases, GCHandleType.Pinned);
        try
        {
            var start = (long)pin.AddrOfPinnedObject();
            var end = start + ((long)cases.Length * Unsafe.SizeOf<CaseRecord>());
            var first = (start + PageSize - 1) & ~(long)(PageSize - 1);
            var last = end & ~(long)(PageSize - 1);
            return last > first ? Madvise((nint)first, (nuint)(last - first), PopulateWrite) : 0;
        }
        finally
        {
            pin.Free();
        }
    }

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(nint address, nuint length, int advice);
}
