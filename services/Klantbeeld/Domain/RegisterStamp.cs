using System.Globalization;

namespace Uwv.Klantbeeld.Domain;

/// <summary>
/// What the read model says about a client's register entry at the moment of a read (decision 0045): how many changes
/// of the entry are under way, and the version the last finished change left. A change raises
/// <see cref="ChangesUnderWay"/> before its commit, and after the commit gives the entry a new random
/// <see cref="Version"/> before lowering it again. A team read from the register at a stamp that is
/// <see cref="Settled"/> therefore stays right for as long as later reads see the same stamp.
/// </summary>
public readonly record struct RegisterStamp(int ChangesUnderWay, long? Version)
{
    /// <summary>No stamp kept yet: nothing read from the register can be remembered against it.</summary>
    public static readonly RegisterStamp None = new(0, null);

    /// <summary>No change under way and a version to remember a team by.</summary>
    public bool Settled => ChangesUnderWay == 0 && Version is not null;

    /// <summary>The stamp as kept in the read model: "changes:version".</summary>
    public string Format() => string.Create(CultureInfo.InvariantCulture, $"{ChangesUnderWay}:{Version}");

    /// <summary>
    /// Reads a kept stamp; no value is <see cref="None"/>. A value that is not a stamp counts as a change under way, so
    /// that nothing is remembered against it.
    /// </summary>
    public static RegisterStamp Parse(string? value)
    {
        if (value is null)
        {
            return None;
        }
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && int.TryParse(value.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var changes)
            && long.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                ? new RegisterStamp(changes, version)
                : new RegisterStamp(1, null);
    }

    /// <summary>A version no earlier change has left (random: a count could start again after the read model is lost).</summary>
    public static long NewVersion() => Random.Shared.NextInt64(1, long.MaxValue);
}
