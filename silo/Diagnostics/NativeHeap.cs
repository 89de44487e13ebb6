using System.Runtime.InteropServices;

namespace Spotlight.Silo.Diagnostics;

/// <summary>
/// The C library's allocator (glibc malloc), which Npgsql's native parts, the runtime and the OS libraries
/// allocate from. Like the GC, it keeps freed memory for reuse, so after a burst the working set stays up
/// with nothing in it; <see cref="Trim"/> gives those free pages back and <see cref="InUse"/> says what is
/// really allocated. Where the C library is not glibc (musl, Windows, macOS) Trim answers false and InUse null.
/// </summary>
public static class NativeHeap
{
    /// <summary>Returns free pages of every malloc arena to the system (glibc's <c>malloc_trim(0)</c>).</summary>
    public static bool Trim() => FromGlibc(() => malloc_trim(0) == 1);

    /// <summary>Bytes allocated by malloc and not yet freed, over all arenas (heap chunks plus mmapped blocks).</summary>
    public static long? InUse() => FromGlibc<long?>(() =>
    {
        var info = mallinfo2();
        return (long)(info.uordblks + info.hblkhd);
    });

    /// <summary>Calls into glibc, or answers the default where there is no such C library to call.</summary>
    private static T FromGlibc<T>(Func<T> call)
    {
        if (!OperatingSystem.IsLinux())
        {
            return default!;
        }

        try
        {
            return call();
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return default!;
        }
    }

#pragma warning disable SYSLIB1054, IDE1006 // the C names and layout, as glibc declares them
    [DllImport("libc", ExactSpelling = true)]
    private static extern int malloc_trim(nuint pad);

    [DllImport("libc", ExactSpelling = true)]
    private static extern MallInfo2 mallinfo2();

    [StructLayout(LayoutKind.Sequential)]
    private readonly struct MallInfo2
    {
        public readonly nuint arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost;
    }
#pragma warning restore SYSLIB1054, IDE1006
}
