using System.Reflection;
using Spotlight.Grains;

namespace Spotlight.Tests.Unit.Domain;

public class GrainStateNameTests
{
    /// <summary>Orleans' ADO.NET storage keys state by (state name, grain key), not by grain class, so two
    /// grain classes with the same state name and key would share a row. Each class must use its own.</summary>
    [Fact]
    public void PersistentStateNames_AreUniqueAcrossGrainClasses()
    {
        var names = typeof(StorageNames).Assembly.GetTypes()
            .SelectMany(type => type.GetConstructors())
            .SelectMany(constructor => constructor.GetParameters())
            .Select(parameter => parameter.GetCustomAttribute<PersistentStateAttribute>())
            .OfType<PersistentStateAttribute>()
            .Select(attribute => attribute.StateName)
            .ToList();

        Assert.NotEmpty(names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }
}
