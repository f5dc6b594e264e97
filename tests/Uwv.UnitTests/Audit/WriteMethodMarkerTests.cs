using System.Reflection;
using Uwv.ServiceDefaults.Audit;

namespace Uwv.UnitTests.Audit;

/// <summary>
/// A write's audit record commits with the write only when the method is marked <c>Writes = true</c>; an unmarked write
/// would go the read's fail-closed way after its commit. gRPC methods are named for what they do, so every audited
/// method that is not a <c>Get…</c>, <c>List…</c> or <c>Search…</c> must be marked, and no read may be.
/// </summary>
public sealed class WriteMethodMarkerTests
{
    [Fact]
    public void PersonalDataMethods_ThatChangeState_AreMarkedWrites_AndReadsAreNot()
    {
        var audited = GrpcServiceAssemblies.All.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: $"{m.DeclaringType!.Name}.{m.Name}", m.Name, Marker: m.GetCustomAttribute<PersonalDataAttribute>()))
            .Where(m => m.Marker is not null)
            .ToList();

        audited.Count(m => m.Marker!.Writes).ShouldBeGreaterThan(0);
        audited.Where(m => m.Marker!.Writes == IsRead(m.Name)).Select(m => m.Method).ShouldBeEmpty();
    }

    private static bool IsRead(string method) =>
        method.StartsWith("Get", StringComparison.Ordinal) || method.StartsWith("List", StringComparison.Ordinal) || method.StartsWith("Search", StringComparison.Ordinal);
}
