using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Contracts.Smz.V1;
using Uwv.Testing;

namespace Uwv.BrowserTests;

/// <summary>Test clients created through the API as the demo users (never by writing to a database).</summary>
public static class SeedData
{
    public sealed record SeededClient(string ClientId, string DossierId, string Name);

    /// <summary>A client with an open SMZ dossier and a finished beoordeling whose medical notes are <paramref name="medicalNotes"/>.</summary>
    public static async Task<SeededClient> ClientAfterBeoordelingAsync(PlatformClient client, string team, string postcode, string medicalNotes)
    {
        var name = $"Cliënt {Guid.NewGuid().ToString("N")[..6]}";
        var registered = await client.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Bsn = TestData.NewBsn(),
            Name = name,
            DateOfBirth = "1979-04-12",
            Postcode = postcode,
        }, client.As($"procesbegeleider.{team}"));
        var dossier = await client.Smz.OpenDossierAsync(new OpenDossierRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            ClientId = registered.ClientId,
        }, client.As($"procesbegeleider.{team}"));
        await client.Smz.RecordBeoordelingAsync(new RecordBeoordelingRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            ClientId = registered.ClientId,
            Type = BeoordelingType.WiaClaimbeoordeling,
            AoKlasse = AoKlasse._3580,
            FmlSummary = "Licht fysiek werk, geen nachtdiensten",
            DecisionDate = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            MedicalNotes = medicalNotes,
        }, client.As($"verzekeringsarts.{team}"));
        // The worklist and the picture are projections: wait until the client is on the team's worklist.
        await Eventually.Until(
            () => client.Klantbeeld.ListWorklistAsync(new ListWorklistRequest { PageSize = 100 }, client.As($"procesbegeleider.{team}")).ResponseAsync,
            r => r.Items.Any(i => i.ClientId == registered.ClientId),
            what: "the new client on the worklist");
        await Eventually.Until(
            () => client.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = registered.ClientId, Purpose = "dossierbehandeling", PurposeNote = "Testvoorbereiding" },
                client.As($"procesbegeleider.{team}")).ResponseAsync,
            r => r.Klantbeeld.Beoordelingen.Count > 0,
            what: "the beoordeling in the client picture");
        return new SeededClient(registered.ClientId, dossier.Dossier.DossierId, name);
    }
}
