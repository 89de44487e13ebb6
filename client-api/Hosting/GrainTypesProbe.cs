using Spotlight.GrainInterfaces.Videos;

namespace Spotlight.ClientApi.Hosting;

/// <summary>
/// Whether the Orleans client knows the cluster's grain types. It learns them from the silos' manifests
/// after connecting; until then (an API started while silos come and go) resolving any grain throws an
/// <see cref="ArgumentException"/> ("Could not find an implementation for interface …"), which is "not
/// yet", not a bug. Every silo carries every grain type, so one interface stands for all.
/// </summary>
public sealed class GrainTypesProbe(IGrainFactory grains)
{
    public bool Known()
    {
        try
        {
            // Resolving a reference makes no call: it only looks the interface up in the manifest.
            _ = grains.GetGrain<IVideoGrain>("grain-types-probe");
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
