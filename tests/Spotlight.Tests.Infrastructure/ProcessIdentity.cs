using System.Globalization;

namespace Spotlight.Tests.Infrastructure;

/// <summary>
/// A process as Linux's /proc knows it: its id and its start time, so that a later look can tell the process
/// from a new one that was given the same id. A process that exited but was not reaped yet (a zombie, which
/// is what a daemon leaves behind where PID 1 does not reap) counts as gone.
/// </summary>
public sealed record ProcessIdentity(int Id, ulong StartTime)
{
    public static ProcessIdentity Of(int id) =>
        Read(id) is { State: not 'Z' } stat
            ? new ProcessIdentity(id, stat.StartTime)
            : throw new InvalidOperationException($"Process {id} is not running.");

    public bool IsRunning => Read(Id) is { State: not 'Z' } stat && stat.StartTime == StartTime;

    private static (char State, ulong StartTime)? Read(int id)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{id}/stat");
        }
        catch (IOException)
        {
            return null;
        }

        // "pid (command) state ppid …": the command may hold spaces and parentheses, so fields are counted
        // from its closing one; the state is field 3 and the start time field 22.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (fields[0][0], ulong.Parse(fields[19], CultureInfo.InvariantCulture));
    }
}
