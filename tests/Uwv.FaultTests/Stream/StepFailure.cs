namespace Uwv.FaultTests.Stream;

/// <summary>The step after the one a journey reached failed for good: refused by the platform, or not done in time.</summary>
public sealed record StepFailure(string Journey, string LastError);
