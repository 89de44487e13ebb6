namespace Spotlight.GrainInterfaces.Videos;

/// <summary>One rule of link eligibility, passed or failed, with what decided it.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Videos.EligibilityReason")]
public sealed record EligibilityReason([property: Id(0)] string Rule, [property: Id(1)] bool Passed, [property: Id(2)] string Detail);

/// <summary>Whether a video may link to one title, rule by rule (SPEC link eligibility).</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Videos.TitleEligibility")]
public sealed record TitleEligibility([property: Id(0)] string TitleId, [property: Id(1)] bool Eligible, [property: Id(2)] IReadOnlyList<EligibilityReason> Reasons);
