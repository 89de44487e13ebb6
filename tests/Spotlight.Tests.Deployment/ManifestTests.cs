using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using Spotlight.Silo.Hosting;

namespace Spotlight.Tests.Deployment;

/// <summary>Both overlays render, and what Orleans, the hosts and the operators rely on holds in them.</summary>
public partial class ManifestTests
{
    public static TheoryData<string> Overlays => new() { "dev", "prod" };

    private static readonly Dictionary<string, RenderedOverlay> Rendered = [];

    private static RenderedOverlay Overlay(string name)
    {
        lock (Rendered)
        {
            return Rendered.TryGetValue(name, out var overlay) ? overlay : Rendered[name] = RenderedOverlay.Render(name);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void EveryObject_IsTypedAndInTheOverlaysNamespace(string name)
    {
        var overlay = Overlay(name);
        var namespaceName = overlay.All<V1Namespace>().Single().Metadata.Name;
        Assert.All(overlay.Objects.OfType<IKubernetesObject<V1ObjectMeta>>().Where(o => o is not V1Namespace),
            o => Assert.Equal(namespaceName, o.Metadata.NamespaceProperty));
        Assert.DoesNotContain(overlay.Objects, o => o.GetType() == typeof(object));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Silos_FollowOrleansKubernetesGuidance(string name)
    {
        var overlay = Overlay(name);
        var silo = overlay.Single<V1Deployment>("spotlight-silo");
        var config = overlay.Single<V1ConfigMap>("spotlight-config").Data;
        var pod = silo.Spec.Template;
        Assert.Equal(config["Spotlight__Cluster__ServiceId"], pod.Metadata.Labels["orleans/serviceId"]);
        Assert.Equal(config["Spotlight__Cluster__ClusterId"], pod.Metadata.Labels["orleans/clusterId"]);

        var container = pod.Spec.Containers.Single(c => c.Name == "silo");
        var env = container.Env.ToDictionary(e => e.Name);
        Assert.Equal("metadata.name", env["POD_NAME"].ValueFrom.FieldRef.FieldPath);
        Assert.Equal("metadata.namespace", env["POD_NAMESPACE"].ValueFrom.FieldRef.FieldPath);
        Assert.Equal("status.podIP", env["POD_IP"].ValueFrom.FieldRef.FieldPath);
        Assert.Equal("$(POD_NAME)", env["Spotlight__Cluster__SiloName"].Value);
        Assert.Equal("$(POD_IP)", env["Spotlight__Cluster__AdvertisedAddress"].Value);

        var ports = container.Ports.ToDictionary(p => p.Name, p => p.ContainerPort);
        Assert.Equal(11111, ports["silo"]);
        Assert.Equal(30000, ports["gateway"]);
        Assert.Equal(int.Parse(env["Spotlight__Cluster__SiloPort"].Value), ports["silo"]);
        Assert.Equal(int.Parse(env["Spotlight__Cluster__GatewayPort"].Value), ports["gateway"]);
        Assert.Equal(int.Parse(env["Spotlight__Cluster__HealthPort"].Value), ports["health"]);

        // Liveness never calls grains: it is the process check; readiness and startup ask for an Active silo.
        Assert.Equal("/healthz", container.LivenessProbe.HttpGet.Path);
        Assert.Equal("/readyz", container.ReadinessProbe.HttpGet.Path);
        Assert.Equal("/readyz", container.StartupProbe.HttpGet.Path);
        Assert.All(new[] { container.LivenessProbe, container.ReadinessProbe, container.StartupProbe }, p => Assert.Equal("health", p.HttpGet.Port.Value));

        Assert.True(pod.Spec.TerminationGracePeriodSeconds > HostApplicationBuilderExtensions.ShutdownTimeout.TotalSeconds,
            $"terminationGracePeriodSeconds {pod.Spec.TerminationGracePeriodSeconds} must exceed the silo's {HostApplicationBuilderExtensions.ShutdownTimeout.TotalSeconds} s shutdown");
        Assert.Equal("RollingUpdate", silo.Spec.Strategy.Type);
        Assert.Equal("0", silo.Spec.Strategy.RollingUpdate.MaxUnavailable.Value);
        Assert.Equal(["migrate"], pod.Spec.InitContainers.Single().Args);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Api_ProbesPortsAndService_Match(string name)
    {
        var overlay = Overlay(name);
        var api = overlay.Single<V1Deployment>("spotlight-api");
        var container = api.Spec.Template.Spec.Containers.Single();
        Assert.Equal(8080, container.Ports.Single(p => p.Name == "http").ContainerPort);
        Assert.Equal("/healthz", container.LivenessProbe.HttpGet.Path);
        Assert.Equal("/readyz", container.ReadinessProbe.HttpGet.Path);
        Assert.Equal("0", api.Spec.Strategy.RollingUpdate.MaxUnavailable.Value);
        var service = overlay.Single<V1Service>("spotlight-api");
        Assert.True(Selects(service.Spec.Selector, api.Spec.Template.Metadata.Labels));
        Assert.Equal("http", service.Spec.Ports.Single().TargetPort.Value);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void EveryContainer_HasRequestsLimitsAndRunsAsNonRoot(string name)
    {
        foreach (var (owner, spec) in PodSpecs(Overlay(name)))
        {
            Assert.True(spec.SecurityContext?.RunAsNonRoot == true, $"{owner} must run as non-root");
            Assert.False(spec.AutomountServiceAccountToken ?? true, $"{owner} mounts a service account token it does not need");
            foreach (var container in spec.Containers.Concat(spec.InitContainers ?? []))
            {
                Assert.True(container.Resources?.Requests?.ContainsKey("memory") == true && container.Resources.Requests.ContainsKey("cpu"), $"{owner}/{container.Name} has no cpu and memory requests");
                Assert.True(container.Resources.Limits?.ContainsKey("memory") == true, $"{owner}/{container.Name} has no memory limit");
                Assert.False(container.SecurityContext?.AllowPrivilegeEscalation ?? true, $"{owner}/{container.Name} may escalate privileges");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void DisruptionBudgetsAndAutoscalers_TargetTheDeployments(string name)
    {
        var overlay = Overlay(name);
        foreach (var deployment in new[] { "spotlight-silo", "spotlight-api" }.Select(overlay.Single<V1Deployment>))
        {
            var budget = overlay.Single<V1PodDisruptionBudget>(deployment.Metadata.Name);
            Assert.True(Selects(budget.Spec.Selector.MatchLabels, deployment.Spec.Template.Metadata.Labels));
            var autoscaler = overlay.Single<V2HorizontalPodAutoscaler>(deployment.Metadata.Name);
            Assert.Equal(("Deployment", deployment.Metadata.Name), (autoscaler.Spec.ScaleTargetRef.Kind, autoscaler.Spec.ScaleTargetRef.Name));
            Assert.InRange(autoscaler.Spec.MinReplicas ?? 1, 1, autoscaler.Spec.MaxReplicas);
            Assert.Equal(deployment.Spec.Replicas, autoscaler.Spec.MinReplicas);
        }

        // Draining a node takes at most one silo at a time.
        Assert.Equal("1", overlay.Single<V1PodDisruptionBudget>("spotlight-silo").Spec.MaxUnavailable.Value);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void NoRbacIsGranted_AsNothingCallsTheKubernetesApi(string name)
    {
        var overlay = Overlay(name);
        Assert.Empty(overlay.All<V1Role>());
        Assert.Empty(overlay.All<V1RoleBinding>());
        Assert.Empty(overlay.All<V1ClusterRole>());
        Assert.Empty(overlay.All<V1ClusterRoleBinding>());
        var account = overlay.Single<V1ServiceAccount>("spotlight");
        Assert.False(account.AutomountServiceAccountToken);
        Assert.All(PodSpecs(overlay).Where(p => !p.Owner.Contains("postgres", StringComparison.Ordinal)), p => Assert.Equal("spotlight", p.Spec.ServiceAccountName));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void NoSecret_IsInAConfigMap_AndEverySecretReferenceResolves(string name)
    {
        var overlay = Overlay(name);
        foreach (var map in overlay.All<V1ConfigMap>())
        {
            Assert.DoesNotContain(map.Data, entry => SecretLooking().IsMatch(entry.Key) || entry.Value.Contains("Password=", StringComparison.OrdinalIgnoreCase));
        }

        var references = PodSpecs(overlay).SelectMany(p => p.Spec.Containers.Concat(p.Spec.InitContainers ?? []))
            .SelectMany(c => c.Env ?? []).Where(e => e.ValueFrom?.SecretKeyRef is not null).Select(e => e.ValueFrom.SecretKeyRef).ToList();
        Assert.NotEmpty(references);
        var secrets = overlay.All<V1Secret>().ToList();
        if (name == "prod")
        {
            // Production secrets are created in the cluster, never rendered from the repository.
            Assert.Empty(secrets);
            Assert.Equal(["spotlight-auth", "spotlight-engagement-shard-0", "spotlight-engagement-shard-1", "spotlight-postgres"], references.Select(r => r.Name).Distinct().Order());
        }
        else
        {
            Assert.All(references, r => Assert.Contains(secrets, s => s.Metadata.Name == r.Name && (s.Data ?? new Dictionary<string, byte[]>()).ContainsKey(r.Key)
                || s.StringData?.ContainsKey(r.Key) == true));
            Assert.All(secrets.SelectMany(s => s.Data.Values), value => Assert.DoesNotContain("Password=", System.Text.Encoding.UTF8.GetString(value), StringComparison.OrdinalIgnoreCase));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void EachHost_UsesOneImage_AndTheMigrationJobRunsTheSiloImage(string name)
    {
        var overlay = Overlay(name);
        var siloImage = overlay.Single<V1Deployment>("spotlight-silo").Spec.Template.Spec.Containers.Single().Image;
        var apiImage = overlay.Single<V1Deployment>("spotlight-api").Spec.Template.Spec.Containers.Single().Image;
        Assert.Matches("/silo:[^:]+$", siloImage);
        Assert.Matches("/api:[^:]+$", apiImage);
        Assert.Equal(siloImage, overlay.Single<V1Deployment>("spotlight-silo").Spec.Template.Spec.InitContainers.Single().Image);
        var job = overlay.Single<V1Job>("spotlight-migrate").Spec.Template.Spec.Containers.Single();
        Assert.Equal(siloImage, job.Image);
        Assert.Equal(["migrate"], job.Args);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void NetworkPolicies_DenyByDefault_AndOpenOnlyOrleansPaths(string name)
    {
        var overlay = Overlay(name);
        var deny = overlay.Single<V1NetworkPolicy>("spotlight-default-deny");
        Assert.Empty(deny.Spec.PodSelector.MatchLabels ?? new Dictionary<string, string>());
        Assert.Equal(["Egress", "Ingress"], deny.Spec.PolicyTypes.Order());
        var silo = overlay.Single<V1NetworkPolicy>("spotlight-silo");
        Assert.Contains(silo.Spec.Ingress, rule => rule.Ports.Any(p => p.Port.Value == "11111") && rule.FromProperty.Any(f => f.PodSelector?.MatchLabels["app.kubernetes.io/name"] == "spotlight-silo"));
        Assert.Contains(silo.Spec.Ingress, rule => rule.Ports.Any(p => p.Port.Value == "30000") && rule.FromProperty.Any(f => f.PodSelector?.MatchLabels["app.kubernetes.io/name"] == "spotlight-api"));
        Assert.DoesNotContain(silo.Spec.Ingress, rule => rule.Ports.Any(p => p.Port.Value == "30000") && (rule.FromProperty is null || rule.FromProperty.Count == 0));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void EveryProcessThatMigratesOrHostsASilo_GetsTheEngagementShardList_FromSecrets_AndTheApiDoesNot(string name)
    {
        var overlay = Overlay(name);
        var silo = overlay.Single<V1Deployment>("spotlight-silo").Spec.Template.Spec;
        var job = overlay.Single<V1Job>("spotlight-migrate").Spec.Template.Spec;
        var takers = new[] { silo.InitContainers.Single(c => c.Name == "migrate"), silo.Containers[0], job.Containers[0] };
        foreach (var container in takers)
        {
            var shards = container.Env.Where(e => e.Name.StartsWith("Spotlight__Postgres__EngagementShards__", StringComparison.Ordinal)).ToList();
            Assert.Equal(["Spotlight__Postgres__EngagementShards__0", "Spotlight__Postgres__EngagementShards__1"], shards.Select(e => e.Name));
            Assert.All(shards, e => Assert.NotNull(e.ValueFrom?.SecretKeyRef));
            if (name == "prod")
            {
                // One Secret per shard, created in the cluster.
                Assert.Equal(["spotlight-engagement-shard-0", "spotlight-engagement-shard-1"], shards.Select(e => e.ValueFrom.SecretKeyRef.Name));
                Assert.All(shards, e => Assert.Equal("connection-string", e.ValueFrom.SecretKeyRef.Key));
            }
        }

        Assert.DoesNotContain(overlay.Single<V1Deployment>("spotlight-api").Spec.Template.Spec.Containers.SelectMany(c => c.Env ?? []),
            e => e.Name.Contains("EngagementShards", StringComparison.Ordinal));
    }

    [Fact]
    public void TheDevOverlay_RunsTwoPostgresServers_AndShardOneIsTheSecondOfThem()
    {
        var overlay = Overlay("dev");
        var servers = overlay.All<V1StatefulSet>().ToList();
        Assert.Equal(["spotlight-postgres", "spotlight-postgres-shard1"], servers.Select(s => s.Metadata.Name).Order());
        foreach (var server in servers)
        {
            // Each selects only its own pods, and a Service of its name reaches them.
            Assert.Equal(server.Metadata.Name, server.Spec.Selector.MatchLabels["app.kubernetes.io/name"]);
            Assert.Equal(server.Metadata.Name, server.Spec.ServiceName);
            var service = overlay.Single<V1Service>(server.Metadata.Name);
            Assert.True(Selects(service.Spec.Selector, server.Spec.Template.Metadata.Labels));
            Assert.DoesNotContain(servers.Where(other => other != server), other => Selects(service.Spec.Selector, other.Spec.Template.Metadata.Labels));
            var policy = overlay.Single<V1NetworkPolicy>(server.Metadata.Name);
            Assert.True(Selects(policy.Spec.PodSelector.MatchLabels, server.Spec.Template.Metadata.Labels));
        }

        var shards = overlay.All<V1Secret>().Single(s => s.Metadata.Name.StartsWith("spotlight-engagement-shards", StringComparison.Ordinal));
        string Host(string key) => System.Text.Encoding.UTF8.GetString(shards.Data[key]).Split(';').Single(p => p.StartsWith("Host=", StringComparison.Ordinal))[5..];
        Assert.Equal(("spotlight-postgres", "spotlight-postgres-shard1"), (Host("shard-0"), Host("shard-1")));
    }

    private static IEnumerable<(string Owner, V1PodSpec Spec)> PodSpecs(RenderedOverlay overlay) =>
        overlay.All<V1Deployment>().Select(d => ($"Deployment/{d.Metadata.Name}", d.Spec.Template.Spec))
            .Concat(overlay.All<V1StatefulSet>().Select(s => ($"StatefulSet/{s.Metadata.Name}", s.Spec.Template.Spec)))
            .Concat(overlay.All<V1Job>().Select(j => ($"Job/{j.Metadata.Name}", j.Spec.Template.Spec)));

    private static bool Selects(IDictionary<string, string> selector, IDictionary<string, string> labels) =>
        selector.All(s => labels.TryGetValue(s.Key, out var value) && value == s.Value);

    [GeneratedRegex("password|secret|signingkey|signing-key|connectionstring|token", RegexOptions.IgnoreCase)]
    private static partial Regex SecretLooking();
}
