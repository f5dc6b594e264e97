using System.Reflection;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Uwv.ServiceDefaults.Audit;

namespace Uwv.UnitTests.Audit;

/// <summary>
/// Audit complete by construction: every method of every gRPC service the platform implements is either audited
/// ([PersonalData] or [AdministrativeAction]) or declared [NoPersonalData] with a reason. A new method without either
/// fails here, so nobody can add an unaudited look at a client by forgetting an attribute.
/// </summary>
public sealed class AuditCoverageTests
{
    /// <summary>Every implemented service: the implementation type and the proto descriptor of its generated base.</summary>
    public static IEnumerable<(Type Implementation, ServiceDescriptor Service)> ImplementedServices() =>
        from assembly in GrpcServiceAssemblies.All
        from type in assembly.GetTypes()
        where type is { IsClass: true, IsAbstract: false }
        let generated = GeneratedBase(type)
        where generated is not null
        select (type, (ServiceDescriptor)generated.DeclaringType!.GetProperty("Descriptor")!.GetValue(null)!);

    [Fact]
    public void EveryServiceOfThePlatform_IsFound()
    {
        var names = ImplementedServices().Select(s => s.Service.FullName).ToList();
        names.ShouldBe(
        [
            "uwv.bezwaarberoep.v1.BezwaarBeroepService",
            "uwv.handover.v1.HandoverKpiService",
            "uwv.handover.v1.HandoverService",
            "uwv.klantbeeld.v1.KlantbeeldService",
            "uwv.smz.v1.SmzService",
            "uwv.uitkeren.v1.UitkerenService",
            "uwv.werkbedrijf.v1.WerkbedrijfService",
        ], ignoreOrder: true);
    }

    [Fact]
    public void EveryGrpcMethod_IsAudited_OrDeclaresWhyItTouchesNoPersonalData()
    {
        var problems = new List<string>();
        foreach (var (implementation, service) in ImplementedServices())
        {
            foreach (var method in service.Methods)
            {
                var name = $"{service.FullName}/{method.Name}";
                var handler = implementation.GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance);
                if (handler is null || handler.DeclaringType != implementation)
                {
                    problems.Add($"{name} is not implemented by {implementation.Name}");
                    continue;
                }
                var audited = handler.GetCustomAttribute<AuditedAttribute>();
                var exempt = handler.GetCustomAttribute<NoPersonalDataAttribute>();
                if (audited is null == exempt is null)
                {
                    problems.Add($"{name} must carry exactly one of [PersonalData], [AdministrativeAction] or [NoPersonalData(reason)]");
                }
                else if (audited is not null && string.IsNullOrWhiteSpace(audited.Fields))
                {
                    problems.Add($"{name} names no field groups");
                }
            }
        }
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void NoPersonalData_IsOnlyClaimedForAggregates()
    {
        var exempt = ImplementedServices()
            .SelectMany(s => s.Service.Methods.Select(m => (s.Service.FullName, m.Name, Handler: s.Implementation.GetMethod(m.Name))))
            .Where(m => m.Handler?.GetCustomAttribute<NoPersonalDataAttribute>() is not null)
            .Select(m => $"{m.FullName}/{m.Name}")
            .ToList();
        // A reviewer looks at every addition to this list: the answer must carry no client and no employee.
        exempt.ShouldBe(
        [
            "uwv.bezwaarberoep.v1.BezwaarBeroepService/GetDwangsomExposureSummary",
            "uwv.handover.v1.HandoverKpiService/GetKpiDashboard",
            "uwv.werkbedrijf.v1.WerkbedrijfService/CountHerbeoordelingsverzoeken",
        ], ignoreOrder: true);
    }

    [Fact]
    public void NoPersonalData_WithoutAReason_CannotBeDeclared() =>
        Should.Throw<ArgumentException>(() => new NoPersonalDataAttribute(" "));

    private static Type? GeneratedBase(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.GetCustomAttribute<BindServiceMethodAttribute>() is not null)
            {
                return t;
            }
        }
        return null;
    }
}
