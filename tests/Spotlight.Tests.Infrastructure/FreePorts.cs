using System.Net;
using System.Net.Sockets;

namespace Spotlight.Tests.Infrastructure;

public static class FreePorts
{
    /// <summary>A TCP port on loopback that was free a moment ago (the OS picked it).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Distinct free ports, for a silo's silo and gateway ports.</summary>
    public static int[] Take(int count)
    {
        var ports = new HashSet<int>();
        while (ports.Count < count)
        {
            ports.Add(Next());
        }

        return [.. ports];
    }
}
