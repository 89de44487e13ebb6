using System.Runtime.InteropServices;

namespace Spotlight.Silo.Diagnostics;

/// <summary>
/// The C library's allocator (glibc malloc), which Npgsql's native parts, the runtime and the OS libraries
/// allocate from. Like the GC, it keeps freed memory for reuse, so after a burst the working set stays up
/// with nothing in it; <see cref="Trim"/> gives those free pages back and <see cref="InUse"/> says what is
/// really allocated. Both answer null where the C library is not glibc (musl, Windows, macOS).
/// </summary>
public static class NativeHeap
{
    /// <summary>Returns free pages of every malloc arena to the system (glibc's <c>malloc_trim(0)</c>).</summary>
    public static bool Trim()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return malloc_trim(0) == 1;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Bytes allocated by malloc and not yet freed, over all arenas (heap chunks plus mmapped blocks).</summary>
    public static long? InUse()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            var info = mallinfo2();
            return (long)(info.uordblks + info.hblkhd);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
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
