using System.Net;
using System.Net.Sockets;

namespace Spotlight.Tests.Infrastructure;

/// <summary>
/// Ports for servers the tests start. They come from below Linux's ephemeral range (32768–60999), where the
/// OS picks the local ports of outgoing connections: a port the OS handed out for "any free port" could be
/// taken by one of the many client connections a test opens before the server got to bind it. Each port is
/// handed out once per test process and is checked to be bindable on every address first.
/// </summary>
public static class FreePorts
{
    private const int First = 20_000;
    private const int Last = 32_000;
    private static readonly HashSet<int> HandedOut = [];

    public static int Next()
    {
        lock (HandedOut)
        {
            for (var attempt = 0; attempt < 1_000; attempt++)
            {
                var port = Random.Shared.Next(First, Last);
                if (!HandedOut.Contains(port) && IsFree(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free TCP port between {First} and {Last} after 1,000 tries.");
    }

    /// <summary>Distinct free ports, for a silo's silo and gateway ports.</summary>
    public static int[] Take(int count) => [.. Enumerable.Range(0, count).Select(_ => Next())];

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
