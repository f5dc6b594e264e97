namespace Uwv.DeploymentTests.Infrastructure;

public static class FreePort
{
    /// <summary>A free loopback TCP port outside the ephemeral range (see <see cref="Uwv.Testing.LoopbackPorts"/>).</summary>
    public static int Next() => Uwv.Testing.LoopbackPorts.Free();
}
