using System.Net;
using System.Net.Sockets;

namespace Docket.Server.Hosting;

internal static class FreePort
{
    /// <summary>The port asked for, or a free one on loopback when 0.</summary>
    public static int Or(int port)
    {
        if (port != 0)
        {
            return port;
        }
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
