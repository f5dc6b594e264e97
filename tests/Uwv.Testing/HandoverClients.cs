using Uwv.Contracts.Handover.V1;
using Uwv.Contracts.Werkbedrijf.V1;

namespace Uwv.Testing;

/// <summary>Clients the handover tests use besides PlatformClient's own: the KPI service and Werkbedrijf's dossiers.</summary>
public static class HandoverClients
{
    public static HandoverKpiService.HandoverKpiServiceClient HandoverKpis(this PlatformClient client) => new(client.Invoker);

    public static WerkbedrijfService.WerkbedrijfServiceClient WerkbedrijfDossiers(this PlatformClient client) => new(client.Invoker);
}
