using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Uwv.ServiceDefaults.Persistence;

/// <summary>
/// Sends the inserts staged in a context and the statements that must come last to PostgreSQL as one <see cref="NpgsqlBatch"/>, without a
/// transaction: PostgreSQL runs a batch that ends in one Sync as one implicit transaction, so all of it commits or none
/// (decision 0040). Each entity type's insert is one text of positional parameters, built once from the model, so Npgsql
/// neither rewrites nor parses it and prepares it once per connection; EF Core's update pipeline, which builds the same
/// text and its parameters anew for every save (about 100 KiB per handover request), is not involved (decision 0042).
/// Values go through the property's own type mapping, as EF Core would send them; columns the database generates
/// (an identity key) are left out and read back with RETURNING.
/// </summary>
internal static class OneTripBatch
{
    private static readonly ConcurrentDictionary<(IEntityType Type, bool Generates), InsertPlan> Plans = new();

    /// <summary>Only a factory of parameters: creating one touches no state of the command.</summary>
    private static readonly NpgsqlCommand ParameterFactory = new();

    /// <summary>Sends <paramref name="inserts"/> and then <paramref name="last"/> in one round trip; returns when PostgreSQL has committed them.</summary>
    public static async Task SendAsync(DbContext db, IReadOnlyList<EntityEntry> inserts, IReadOnlyList<SqlStatement> last, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection);
        var reads = new List<(EntityEntry Entry, InsertPlan Plan)>();
        foreach (var entry in inserts)
        {
            var plan = PlanOf(entry);
            batch.BatchCommands.Add(plan.Command(entry));
            if (plan.Returned.Length > 0)
            {
                reads.Add((entry, plan));
            }
        }
        foreach (var statement in last)
        {
            batch.BatchCommands.Add(Command(statement));
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(ct);
            for (var i = 0; i < reads.Count; i++)
            {
                // The reader stands on the first statement that returns rows; the inserts without RETURNING are skipped.
                if ((i > 0 && !await reader.NextResultAsync(ct)) || !await reader.ReadAsync(ct))
                {
                    throw new InvalidOperationException("An insert of a batch of one round trip returned no generated values.");
                }
                reads[i].Plan.ReadBack(reads[i].Entry, reader);
            }
            while (await reader.NextResultAsync(ct))
            {
                // The last statements may return rows of their own; they are not needed, but the batch runs to its end.
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The hand-written statement, its <c>{n}</c> placeholders as positional parameters. One statement only: PostgreSQL
    /// parses a statement with parameters on its own.
    /// </summary>
    internal static NpgsqlBatchCommand Command(SqlStatement statement)
    {
        var positions = new object[statement.Arguments.Count];
        var command = new NpgsqlBatchCommand();
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = "$" + (i + 1).ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(new NpgsqlParameter { Value = statement.Arguments[i] ?? DBNull.Value });
        }
        command.CommandText = string.Format(CultureInfo.InvariantCulture, statement.Sql, positions);
        return command;
    }

    private static InsertPlan PlanOf(EntityEntry entry)
    {
        var type = entry.Metadata;
        var generates = false;
        foreach (var property in type.GetProperties())
        {
            if (property.ValueGenerated != ValueGenerated.Never && entry.Property(property).IsTemporary)
            {
                generates = true;
                break;
            }
        }
        return Plans.GetOrAdd((type, generates), static key => InsertPlan.For(key.Type, key.Generates));
    }

    /// <summary>
    /// The insert of one entity type: its text and, in the order of the text's parameters, the properties it sends and
    /// those it reads back.
    /// </summary>
    private sealed class InsertPlan(string sql, IProperty[] sent, IProperty[] returned)
    {
        public IProperty[] Returned { get; } = returned;

        public static InsertPlan For(IEntityType type, bool generates)
        {
            var table = StoreObjectIdentifier.Table(type.GetTableName()
                ?? throw new InvalidOperationException($"{type.DisplayName()} is not mapped to a table."), type.GetSchema());
            var sent = new List<IProperty>();
            var returned = new List<IProperty>();
            foreach (var property in type.GetProperties())
            {
                if (property.GetColumnName(table) is null)
                {
                    continue;
                }
                (generates && property.ValueGenerated != ValueGenerated.Never ? returned : sent).Add(property);
            }
            var sql = new StringBuilder("INSERT INTO ").Append(Quote(table.Name, table.Schema)).Append(" (");
            sql.AppendJoin(", ", sent.Select(p => Quote(p.GetColumnName(table)!))).Append(") VALUES (");
            sql.AppendJoin(", ", sent.Select((_, i) => "$" + (i + 1).ToString(CultureInfo.InvariantCulture))).Append(')');
            if (returned.Count > 0)
            {
                sql.Append(" RETURNING ").AppendJoin(", ", returned.Select(p => Quote(p.GetColumnName(table)!)));
            }
            return new InsertPlan(sql.ToString(), [.. sent], [.. returned]);
        }

        public NpgsqlBatchCommand Command(EntityEntry entry)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var property in sent)
            {
                var parameter = property.GetRelationalTypeMapping().CreateParameter(
                    ParameterFactory, string.Empty, entry.Property(property).CurrentValue, property.IsNullable);
                command.Parameters.Add((NpgsqlParameter)parameter);
            }
            return command;
        }

        public void ReadBack(EntityEntry entry, DbDataReader reader)
        {
            for (var i = 0; i < Returned.Length; i++)
            {
                var property = Returned[i];
                var value = reader.GetValue(i);
                var converter = property.GetTypeMapping().Converter;
                var stored = entry.Property(property);
                var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                stored.CurrentValue = converter is null ? Convert.ChangeType(value, type, CultureInfo.InvariantCulture) : converter.ConvertFromProvider(value);
                stored.IsTemporary = false;
            }
        }

        private static string Quote(string name, string? schema = null) =>
            (schema is null ? string.Empty : "\"" + schema.Replace("\"", "\"\"", StringComparison.Ordinal) + "\".")
            + "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
