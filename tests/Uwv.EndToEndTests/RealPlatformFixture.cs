using Microsoft.Extensions.Options;
using Uwv.ServiceDefaults.Auth;
using Uwv.Testing;

namespace Uwv.EndToEndTests;

/// <summary>
/// The platform as separate processes on the real RabbitMQ, Redis and PostgreSQL that the test command started
/// (their addresses come in UWV_RABBITMQ, UWV_REDIS and UWV_POSTGRES). Each run has its own databases, made as the
/// release before migrations made them, so the platform's start upgrades them (<see cref="Upgrade.PreviousReleaseDatabases"/>).
/// </summary>
public sealed class RealPlatformFixture : IAsyncLifetime
{
    public string RunId { get; } = "e2e" + DateTime.UtcNow.ToString("MMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + Random.Shared.Next(100, 999);
    public string RabbitMq { get; } = Required("UWV_RABBITMQ");
    public string Redis { get; } = Required("UWV_REDIS");
    public string Postgres { get; } = Required("UWV_POSTGRES");
    public ProcessPlatform Platform { get; private set; } = null!;
    public PlatformClient Client { get; private set; } = null!;

    public string DatabaseOf(string service) => Platform.DatabaseOf(service);

    public async Task InitializeAsync()
    {
        Platform = new ProcessPlatform(RunId, RabbitMq, Redis, Postgres);
        await Upgrade.PreviousReleaseDatabases.CreateAsync(Platform);
        await Platform.StartAsync();
        var issuer = new DevTokenIssuer(Options.Create(Platform.Auth), TimeProvider.System);
        Client = new PlatformClient(Platform.Address("gateway-grpc"), Platform.Address("gateway"), issuer);
    }

    /// <summary>Kills a service (as a crash would) and starts it again, optionally with extra settings.</summary>
    public Task RestartAsync(string service, IReadOnlyDictionary<string, string>? extra = null) => Platform.RestartAsync(service, extra);

    public Task DisposeAsync()
    {
        Client?.Dispose();
        Platform?.Dispose();
        return Task.CompletedTask;
    }

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable)
        ?? throw new InvalidOperationException($"{variable} is not set: run the end-to-end tests through scripts/test.sh, which starts the real servers.");
}

[CollectionDefinition(Name)]
public sealed class RealPlatformCollection : ICollectionFixture<RealPlatformFixture>
{
    public const string Name = "real platform";
}
