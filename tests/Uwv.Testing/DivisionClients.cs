using Uwv.Contracts.BezwaarBeroep.V1;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Contracts.Uitkeren.V1;
using Uwv.Contracts.Werkbedrijf.V1;

namespace Uwv.Testing;

/// <summary>The four division services through the gateway (SMZ is on <see cref="PlatformClient"/> itself), and a client to work for.</summary>
public static class DivisionClients
{
    public static WerkbedrijfService.WerkbedrijfServiceClient Werkbedrijf(this PlatformClient client) => new(client.Invoker);

    public static UitkerenService.UitkerenServiceClient Uitkeren(this PlatformClient client) => new(client.Invoker);

    public static BezwaarBeroepService.BezwaarBeroepServiceClient BezwaarBeroep(this PlatformClient client) => new(client.Invoker);

    /// <summary>Registers a fresh client of the given postcode's area team (Arnhem Noord by default); returns its id.</summary>
    public static async Task<string> NewClientAsync(this PlatformClient client, string asUser, string name = "Karin Jansen", string postcode = TestData.NoordPostcode)
    {
        var registered = await client.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
        {
            Bsn = TestData.NewBsn(), Name = name, DateOfBirth = "1971-06-15", Postcode = postcode,
        }, client.As(asUser));
        return registered.ClientId;
    }
}
