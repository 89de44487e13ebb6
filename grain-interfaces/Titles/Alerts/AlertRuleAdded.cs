namespace Spotlight.GrainInterfaces.Titles.Alerts;

/// <summary>What adding an alert rule came to.</summary>
[GenerateSerializer, Alias("Spotlight.Titles.AlertRuleAdded")]
public enum AlertRuleAdded
{
    Added = 0,

    /// <summary>The title has a rule with that id already.</summary>
    IdTaken = 1,

    /// <summary>The title has as many rules as it may.</summary>
    TitleFull = 2,

    /// <summary>The rule has invalid fields (listed with the result).</summary>
    Invalid = 3,
}
