using System.Reflection;
using Orleans;
using Spotlight.GrainInterfaces.Seasons;

namespace Spotlight.Tests.Unit.Contracts;

public class WireEnumTests
{
    /// <summary>Every enum a grain call can carry has a generated codec and a stable alias, so renaming or
    /// moving it does not change what goes over the wire or into storage.</summary>
    [Fact]
    public void EveryEnumOfTheGrainInterfaces_HasASerializerAndAnAlias()
    {
        var enums = typeof(RoundState).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic).ToList();
        Assert.True(enums.Count >= 20, $"only {enums.Count} enums found");

        var missing = enums
            .Where(t => t.GetCustomAttribute<GenerateSerializerAttribute>() is null || t.GetCustomAttribute<AliasAttribute>() is null)
            .Select(t => t.FullName);

        Assert.Empty(missing);
    }
}
