using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;
using Uwv.Klantbeeld.Audit;
using Uwv.Klantbeeld.Consumers;
using Uwv.Klantbeeld.Data;
using Uwv.Klantbeeld.Domain;
using Uwv.Klantbeeld.Grpc;
using Uwv.Klantbeeld.Store;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Bus;
using Uwv.ServiceDefaults.Persistence;
using Uwv.ServiceDefaults.Telemetry;
using OpenTelemetry.Trace;

namespace Uwv.Klantbeeld.Extensions;

public static class KlantbeeldExtensions
{
    public static IHostApplicationBuilder AddKlantbeeld(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDb<KlantbeeldDbContext>("klantbeeld");
        // A redelivered audit batch fails its first insert on purpose (AuditStore); that is not an error to log.
        // Any other failure still surfaces: the consumer's fallback fails too and the bus logs and retries it.
        builder.AddDatabase<AuditDbContext>("audit", (_, options) => options.ConfigureWarnings(w => w.Log(
            (RelationalEventId.CommandError, LogLevel.Debug), (CoreEventId.SaveChangesFailed, LogLevel.Debug))));
        builder.Services.AddScoped<AuditStore>();
        // The process that holds the audit store records its own calls straight into it (decision 0034).
        builder.Services.Replace(ServiceDescriptor.Singleton<AuditLog>(AuditStore.OwnLog));
        // Registered after the audit database, so its schema exists before the first pass.
        builder.Services.Configure<AuditRetentionOptions>(builder.Configuration.GetSection(AuditRetentionOptions.Section));
        builder.Services.AddSingleton(AuditRetentionDatabase.From(builder.Configuration));
        builder.Services.AddHostedService<AuditRetention>();
        builder.Services.AddScoped<KlantbeeldOperations>();
        builder.Services.AddSingleton(sp => new RegisterTeamCache(sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<RegisterTeams>();
        builder.Services.AddSingleton(sp => new RefusedRegistrations(sp.GetRequiredService<TimeProvider>(),
            builder.Configuration.GetValue("Klantbeeld:RefusedRegistrationsPerHour", RegistrationProbing.DefaultRefusalsPerHour)));
        // Overlapping or malformed PC4 ranges stop the start: a postcode must have exactly one team.
        builder.Services.AddSingleton(new AreaTeamDirectory(
            AreaTeamConfiguration.Validated(builder.Configuration.GetSection("AreaTeams").Get<List<AreaTeam>>() ?? [])));

        if (string.Equals(builder.Configuration["KlantbeeldStore:Provider"], "Redis", StringComparison.OrdinalIgnoreCase))
        {
            var redis = builder.Configuration.GetConnectionString("redis") ?? "127.0.0.1:6379";
            builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis + ",abortConnect=false"));
            builder.Services.AddHostedService<RedisWarmup>();
            builder.Services.AddSingleton<IKlantbeeldStore, RedisKlantbeeldStore>();
            builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [ObservabilityRegistrations.DependencyTag]);
            // Spans for Redis commands, when the process records traces at all (TelemetryExtensions).
            builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddRedisInstrumentation());
        }
        else
        {
            builder.Services.AddSingleton<IKlantbeeldStore, InMemoryKlantbeeldStore>();
        }
        builder.Services.AddBusConsumers(x =>
        {
            x.AddConsumer<KlantbeeldProjectionConsumer>();
            x.AddConsumer<AuditConsumer>((_, c) => c.Options<MassTransit.BatchOptions>(AuditConsumer.Configure));
        });
        return builder;
    }

    public static IEndpointConventionBuilder MapKlantbeeld(this IEndpointRouteBuilder app) =>
        app.MapGrpcService<KlantbeeldGrpcService>();
}
