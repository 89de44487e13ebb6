using System.Diagnostics;
using k8s;
using k8s.Models;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Deployment;

/// <summary>An overlay as <c>kubectl kustomize</c> renders it, parsed into KubernetesClient's typed models.</summary>
public sealed class RenderedOverlay
{
    private RenderedOverlay(string name, IReadOnlyList<IKubernetesObject> objects) => (Name, Objects) = (name, objects);

    public string Name { get; }

    public IReadOnlyList<IKubernetesObject> Objects { get; }

    public IEnumerable<T> All<T>() => Objects.OfType<T>();

    public T Single<T>(string name) where T : IKubernetesObject<V1ObjectMeta> =>
        Objects.OfType<T>().SingleOrDefault(o => o.Metadata.Name == name) ?? throw new Xunit.Sdk.XunitException($"{Name} renders no {typeof(T).Name} named {name}.");

    public static RenderedOverlay Render(string overlay)
    {
        var folder = Path.Combine(RepositoryLayout.Root, "k8s", "overlays", overlay);
        ProcessStartInfo start = new("kubectl", ["kustomize", folder]) { RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("These tests render the manifests with `kubectl kustomize`: install kubectl (https://kubernetes.io/docs/tasks/tools/).", ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"kubectl kustomize {folder} failed: {errors.Result}");
            var objects = KubernetesYaml.LoadAllFromString(output.Result).OfType<IKubernetesObject>().ToList();
            Assert.NotEmpty(objects);
            return new RenderedOverlay(overlay, objects);
        }
    }
}
