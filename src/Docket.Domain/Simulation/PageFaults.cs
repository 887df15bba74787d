using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Docket.Domain.Simulation;

/// <summary>
/// A large case array comes from the allocator as untouched pages: the first write to each (one 4 KB page every 28
/// records) costs the loop a page fault, about twenty thousand on a scale-10 year. A worker takes those faults ahead of
/// the loop by writing to each page what it already holds (an atomic compare-and-swap of 0 for 0 on one int of the page,
/// which changes nothing whether or not the loop has written there, so it can run beside the loop).
/// Faulting pages one at a time, as the loop would, only locks the pages' own mapping; asking the kernel to map the
/// whole array at once (<c>madvise(MADV_POPULATE_WRITE)</c>, tried before) held the process's memory map for about
/// 30 ms, and meanwhile the collector's commits and the compiler's code writes on the loop's thread waited.
/// </summary>
internal static class PageFaults
{
    private const int PageSize = 4096;

    /// <summary>Arrays smaller than this are mapped by their first writes soon enough.</summary>
    private const long LeastBytes = 8 << 20;

    public static void MapAhead(CaseRecord[] cases)
    {
        if ((long)cases.Length * Unsafe.SizeOf<CaseRecord>() < LeastBytes)
        {
            return;
        }
        ThreadPool.UnsafeQueueUserWorkItem(static array => Touch(array), cases, preferLocal: false);
    }

    /// <summary>Writes to every whole page of the array the value it holds; the pages touched.</summary>
    internal static int Touch(CaseRecord[] cases)
    {
        // Pinned, so that the addresses stay page-aligned while the pages are touched.
        var pin = GCHandle.Alloc(cases, GCHandleType.Pinned);
        try
        {
            var start = (long)pin.AddrOfPinnedObject();
            var end = start + ((long)cases.Length * Unsafe.SizeOf<CaseRecord>());
            var first = (start + PageSize - 1) & ~(long)(PageSize - 1);
            ref var array = ref Unsafe.As<CaseRecord, byte>(ref MemoryMarshal.GetArrayDataReference(cases));
            var touched = 0;
            for (var page = first; page + sizeof(int) <= end; page += PageSize)
            {
                Interlocked.CompareExchange(ref Unsafe.As<byte, int>(ref Unsafe.Add(ref array, (nint)(page - start))), 0, 0);
                touched++;
            }
            return touched;
        }
        finally
        {
            pin.Free();
        }
    }
}
