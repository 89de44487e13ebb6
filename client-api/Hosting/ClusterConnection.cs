namespace Spotlight.ClientApi.Hosting;

/// <summary>
/// Whether this API process has reached the cluster at least once. In postgres mode the Orleans client may
/// still be looking for a gateway while the web server already answers; calls made then fail with errors
/// that mean "not yet", which the API reports as 503. A co-hosted (embedded) silo is always reachable.
/// </summary>
public sealed class ClusterConnection(bool connected) : IClusterConnectionStatusObserver
{
    private volatile bool _connected = connected;

    public bool HasConnected => _connected;

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        if (currentNumberOfGateways > 0)
        {
            _connected = true;
        }
    }

    public void NotifyClusterConnectionLost()
    {
    }
}
