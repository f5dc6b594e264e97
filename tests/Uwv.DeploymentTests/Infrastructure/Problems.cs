namespace Uwv.DeploymentTests.Infrastructure;

/// <summary>Broken rules collected over all objects, so one failing test names every offender at once.</summary>
public sealed class Problems : List<string>
{
    public void Require(bool condition, string rule)
    {
        if (!condition)
        {
            Add(rule);
        }
    }
}
