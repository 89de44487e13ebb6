using System.Runtime.InteropServices;

namespace Spotlight.Tests.Infrastructure;

/// <summary>Process.Kill sends SIGKILL; a graceful stop needs SIGTERM, as Kubernetes sends it.</summary>
public static partial class UnixSignals
{
    /// <summary>SIGINT: what Ctrl-C sends.</summary>
    public const int SigInt = 2;

    public const int SigTerm = 15;

    public const int SigKill = 9;

    public static void Send(int pid, int signal)
    {
        if (Kill(pid, signal) != 0)
        {
            throw new InvalidOperationException($"kill({pid}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();

    public static bool RunningAsRoot => OperatingSystem.IsLinux() && GetEffectiveUserId() == 0;
}
