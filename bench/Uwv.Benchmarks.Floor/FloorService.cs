using Grpc.Core;
using MassTransit;
using Npgsql;
using NpgsqlTypes;
using Uwv.Contracts.Events;
using Uwv.Contracts.Handover.V1;
using DivisionCode = Uwv.Contracts.Events.DivisionCode;

namespace Uwv.Benchmarks.Floor;

/// <summary>
/// A handover request with nothing but its transport: one INSERT of the request in PostgreSQL (one round trip, a
/// prepared statement on a pooled connection, as the platform's services have them), then a publish of the
/// <see cref="HandoverRequested"/> event with the broker's confirm, then the answer. No authorization, validation,
/// decision, audit, KPI, outbox or idempotency.
/// </summary>
public static class FloorService
{
    public const string Table = "floor_handover";

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var postgres = builder.Configuration.GetConnectionString("postgres") ?? throw new InvalidOperationException("ConnectionStrings:postgres is required");
        // The pool settings of the platform's services (PersistenceExtensions.WithPoolDefaults).
        var connection = new NpgsqlConnectionStringBuilder(postgres) { MaxPoolSize = 20, MaxAutoPrepare = 64, AutoPrepareMinUsages = 2, NoResetOnClose = true };
        builder.Services.AddSingleton(NpgsqlDataSource.Create(connection.ConnectionString));
        builder.Services.AddGrpc();
        FloorBus.Add(builder, _ => { });
        var app = builder.Build();
        using (var create = app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            $"CREATE TABLE IF NOT EXISTS {Table} (handover_id uuid PRIMARY KEY, client_id uuid NOT NULL, dossier_id text NOT NULL, " +
            "from_division int NOT NULL, to_division int NOT NULL, reason text NOT NULL, requested_at timestamptz NOT NULL)"))
        {
            create.ExecuteNonQuery();
        }
        app.MapGrpcService<FloorHandoverService>();
        return app;
    }
}

/// <summary>The gRPC service of <see cref="FloorService"/>: the platform's RequestHandover contract, answered bare.</summary>
public sealed class FloorHandoverService(NpgsqlDataSource database, IPublishEndpoint bus) : HandoverService.HandoverServiceBase
{
    public override async Task<RequestHandoverResponse> RequestHandover(RequestHandoverRequest request, ServerCallContext context)
    {
        var id = Guid.NewGuid();
        var clientId = Guid.Parse(request.ClientId);
        var now = DateTimeOffset.UtcNow;
        await using (var insert = database.CreateCommand(
            $"INSERT INTO {FloorService.Table} VALUES ($1, $2, $3, $4, $5, $6, $7)"))
        {
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = clientId });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request.DossierId });
            insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)request.FromDivision });
            insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)request.ToDivision });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request.Reason });
            insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            await insert.ExecuteNonQueryAsync(context.CancellationToken);
        }
        var snapshot = new HandoverSnapshot(id, Guid.TryParse(request.DossierId, out var dossier) ? dossier : Guid.Empty, Guid.Empty,
            (DivisionCode)(int)request.FromDivision, (DivisionCode)(int)request.ToDivision, "floor", "regular", "requested", 1, now, null, null, 0, false, false);
        await bus.Publish(new HandoverRequested(clientId, snapshot, request.Reason, request.OpenQuestions, "floor", now), context.CancellationToken);
        return new RequestHandoverResponse { Handover = new Handover { HandoverId = id.ToString(), ClientId = request.ClientId, DossierId = request.DossierId, State = "requested" } };
    }
}
