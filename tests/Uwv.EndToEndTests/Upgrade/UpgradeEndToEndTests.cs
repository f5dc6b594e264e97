using Npgsql;
using Uwv.Contracts.Handover.V1;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Contracts.Smz.V1;
using Uwv.Testing;
using Division = Uwv.Contracts.Common.V1.Division;

namespace Uwv.EndToEndTests.Upgrade;

/// <summary>
/// An upgrade on the real servers (decision 0026): the run's databases were made as the release before migrations made
/// them (<see cref="PreviousReleaseDatabases"/>) and the new build adopted them when it started. Records written
/// through the API stay readable and writable after every service starts again, and that second start runs no DDL and
/// leaves every migration history as it was.
/// </summary>
[Collection(RealPlatformCollection.Name)]
public sealed class UpgradeEndToEndTests(RealPlatformFixture platform)
{
    private const string Arts = "verzekeringsarts.arnhem-noord";
    private const string Procesbegeleider = "procesbegeleider.arnhem-noord";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private PlatformClient Client => platform.Client;

    [Fact]
    public async Task Upgrade_FromPreviousRelease_KeepsEveryRecordReadableAndWritable_AndASecondStartChangesNothing()
    {
        foreach (var name in PreviousReleaseDatabases.Names)
        {
            // Adopted (the baseline recorded as applied), then every later migration applied.
            var history = await HistoryAsync(name);
            history[0].ShouldEndWith("_Baseline", customMessage: $"{name} adopted at the upgrade");
            history.ShouldBe(PreviousReleaseDatabases.Migrations(name), $"{name}'s migrations after the upgrade");
        }
        var client = await Client.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
        {
            Bsn = TestData.NewBsn(), Name = "Anna de Vries", DateOfBirth = "1969-04-30", Postcode = TestData.NoordPostcode,
        }, Client.As(Arts));
        var beoordeling = await RecordBeoordelingAsync(client.ClientId);
        var dossier = (await Eventually.Until(() => KlantbeeldAsync(client.ClientId), k => k.Dossiers.Count == 1, Wait, "the SMZ dossier")).Dossiers[0].DossierId;
        var handover = await Eventually.Until(() => Client.Handover.RequestHandoverAsync(new RequestHandoverRequest
        {
            RequestId = Guid.NewGuid().ToString(), ClientId = client.ClientId, DossierId = dossier,
            FromDivision = Division.Smz, ToDivision = Division.Werkbedrijf, Reason = "Beoordeling afgerond: re-integratie",
        }, Client.As(Procesbegeleider)).ResponseAsync, _ => true, Wait, "the handover request");
        var histories = new Dictionary<string, List<string>>();
        foreach (var name in PreviousReleaseDatabases.Names)
        {
            histories[name] = await HistoryAsync(name);
            await RecordDdlAsync(name);
        }

        await Task.WhenAll(ServiceAccounts.Services.Select(service => platform.RestartAsync(service)));

        foreach (var name in PreviousReleaseDatabases.Names)
        {
            (await HistoryAsync(name)).ShouldBe(histories[name], $"{name}'s history after the second start");
            (await DdlRecordedAsync(name)).ShouldBeEmpty($"DDL in {name} at the second start");
        }
        (await Client.Klantbeeld.GetClientAsync(new GetClientRequest { ClientId = client.ClientId }, Client.As(Arts))).Client.ClientId.ShouldBe(client.ClientId);
        (await Client.Smz.GetBeoordelingAsync(new GetBeoordelingRequest { BeoordelingId = beoordeling, Purpose = "beoordeling" }, Client.As(Arts)))
            .Beoordeling.ClientId.ShouldBe(client.ClientId);
        var read = await Client.Handover.GetHandoverAsync(new GetHandoverRequest { HandoverId = handover.Handover.HandoverId }, Client.As(Procesbegeleider));
        (read.Handover.DossierId, read.Handover.State).ShouldBe((dossier, "requested"));

        var nazorg = await Client.Handover.RecordNazorgAttemptAsync(new RecordNazorgAttemptRequest
        {
            RequestId = Guid.NewGuid().ToString(), HandoverId = handover.Handover.HandoverId, Outcome = NazorgOutcome.Reached,
            UnderstandsOutcome = true, KnowsNextSteps = true, ExtraNeeds = "Zoekt werk dicht bij huis",
        }, Client.As(Procesbegeleider));
        nazorg.Handover.Version.ShouldBeGreaterThan(read.Handover.Version);
        await RecordBeoordelingAsync(client.ClientId);
        await Eventually.Until(() => KlantbeeldAsync(client.ClientId), k => k.Beoordelingen.Count == 2, Wait, "the second beoordeling in the klantbeeld");
    }

    private async Task<string> RecordBeoordelingAsync(string clientId) =>
        (await Client.Smz.RecordBeoordelingAsync(new RecordBeoordelingRequest
        {
            ClientId = clientId, Type = BeoordelingType.WiaClaimbeoordeling, AoKlasse = AoKlasse._80100Wga,
            FmlSummary = "Beperkt in tillen en staan", DecisionDate = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, Client.As(Arts))).BeoordelingId;

    private async Task<Uwv.Contracts.Klantbeeld.V1.Klantbeeld> KlantbeeldAsync(string clientId) =>
        (await Client.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = clientId, Purpose = "dossierbehandeling", PurposeNote = "e2e upgrade" },
            Client.As(Procesbegeleider))).Klantbeeld;

    private Task<List<string>> HistoryAsync(string name) =>
        QueryAsync(name, $"SELECT \"MigrationId\" FROM \"{Uwv.ServiceDefaults.Persistence.PostgresMigrations.HistoryTable(name)}\" ORDER BY 1");

    private Task<List<string>> DdlRecordedAsync(string name) => QueryAsync(name, "SELECT tag FROM upgrade_ddl_recorded");

    /// <summary>From here on every DDL statement in the database is recorded (an event trigger, as the superuser).</summary>
    private Task RecordDdlAsync(string name) => QueryAsync(name,
        "CREATE TABLE upgrade_ddl_recorded (tag text NOT NULL); " +
        "CREATE FUNCTION record_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO upgrade_ddl_recorded VALUES (tg_tag); END $$; " +
        "CREATE EVENT TRIGGER record_ddl ON ddl_command_start EXECUTE FUNCTION record_ddl();");

    private async Task<List<string>> QueryAsync(string name, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(platform.DatabaseOf(name)) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }
}
