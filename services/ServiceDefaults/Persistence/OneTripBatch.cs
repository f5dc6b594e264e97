using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Reflection;
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

    /// <summary>
    /// A new row to insert: a tracked entry, or an entity staged outside the change tracker
    /// (<see cref="ServiceDbContext.StageOutsideTracker"/>), whose values are read from and written to the object itself.
    /// </summary>
    internal readonly record struct Row(object Entity, IEntityType Type, EntityEntry? Entry)
    {
        public static Row Of(EntityEntry entry) => new(entry.Entity, entry.Metadata, entry);

        public static Row Of(DbContext db, object entity) => new(entity, db.Model.FindEntityType(entity.GetType())
            ?? throw new InvalidOperationException($"{entity.GetType().Name} is not an entity of {db.GetType().Name}."), null);

        public object? Value(IProperty property) =>
            Entry is null ? property.GetGetter().GetClrValueUsingContainingEntity(Entity) : Entry.Property(property).CurrentValue;

        /// <summary>Whether the database is to generate the property's value: a temporary value, or the CLR default of an untracked row.</summary>
        public bool Generates(IProperty property) =>
            Entry is null ? property.GetGetter().HasSentinelValueUsingContainingEntity(Entity) : Entry.Property(property).IsTemporary;

        /// <summary>Sets a value the database generated; returns what stood there before.</summary>
        public object? SetGenerated(IProperty property, object? value)
        {
            if (Entry is null)
            {
                var before = Member(property).GetValue(Entity);
                Member(property).SetValue(Entity, value);
                return before;
            }
            var stored = Entry.Property(property);
            var previous = stored.CurrentValue;
            stored.CurrentValue = value;
            stored.IsTemporary = false;
            return previous;
        }

        /// <summary>Puts back what stood before <see cref="SetGenerated"/>, after the batch failed after all.</summary>
        public void Restore(IProperty property, object? before)
        {
            if (Entry is null)
            {
                Member(property).SetValue(Entity, before);
                return;
            }
            var stored = Entry.Property(property);
            stored.CurrentValue = before;
            stored.IsTemporary = true;
        }

        private static PropertyInfo Member(IProperty property) => property.PropertyInfo
            ?? throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} has no CLR property to set.");
    }

    /// <summary>Sends <paramref name="inserts"/> and then <paramref name="last"/> in one round trip; returns when PostgreSQL has committed them.</summary>
    public static async Task SendAsync(DbContext db, IReadOnlyList<Row> inserts, IReadOnlyList<SqlStatement> last, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection);
        var reads = new List<(IReadOnlyList<Row> Rows, InsertPlan Plan)>();
        foreach (var (plan, rows) in Group(inserts))
        {
            foreach (var statement in plan.Statements(rows))
            {
                batch.BatchCommands.Add(statement.Command);
                if (plan.Returned.Length > 0)
                {
                    reads.Add((statement.Rows, plan));
                }
            }
        }
        foreach (var statement in last)
        {
            batch.BatchCommands.Add(Command(statement));
        }
        // A failure after some generated values were read back leaves the rows as they were, so a retry has them generated again.
        var readBack = new List<(Row Row, IProperty Property, object? Before)>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(ct);
            for (var i = 0; i < reads.Count; i++)
            {
                // The reader stands on the first statement that returns rows; the inserts without RETURNING are skipped.
                if (i > 0 && !await reader.NextResultAsync(ct))
                {
                    throw new InvalidOperationException("An insert of a batch of one round trip returned no generated values.");
                }
                await reads[i].Plan.ReadBackAsync(reads[i].Rows, reader, readBack, ct);
            }
            while (await reader.NextResultAsync(ct))
            {
                // The last statements may return rows of their own; they are not needed, but the batch runs to its end.
            }
        }
        catch (Exception)
        {
            foreach (var (row, property, before) in readBack)
            {
                row.Restore(property, before);
            }
            throw;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The inserts by entity type, each type where its first row stood, so that the rows of one type go in one statement
    /// (a handover request writes two outbox rows: its event and the call's audit record). When a type of the batch has
    /// a foreign key the order of the rows may matter, and only neighbouring rows of one type are put together.
    /// </summary>
    private static List<(InsertPlan Plan, List<Row> Rows)> Group(IReadOnlyList<Row> inserts)
    {
        var plans = new InsertPlan[inserts.Count];
        var keepOrder = false;
        for (var i = 0; i < plans.Length; i++)
        {
            plans[i] = PlanOf(inserts[i]);
            keepOrder |= plans[i].HasForeignKeys;
        }
        var groups = new List<(InsertPlan Plan, List<Row> Rows)>();
        for (var i = 0; i < plans.Length; i++)
        {
            var (plan, entry) = (plans[i], inserts[i]);
            var at = keepOrder ? (groups.Count > 0 && groups[^1].Plan == plan ? groups.Count - 1 : -1) : groups.FindIndex(g => g.Plan == plan);
            if (at < 0)
            {
                groups.Add((plan, [entry]));
            }
            else
            {
                groups[at].Rows.Add(entry);
            }
        }
        return groups;
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

    private static InsertPlan PlanOf(Row row)
    {
        var type = row.Type;
        var generates = false;
        foreach (var property in type.GetProperties())
        {
            if (property.ValueGenerated != ValueGenerated.Never && row.Generates(property))
            {
                generates = true;
                break;
            }
        }
        return Plans.GetOrAdd((type, generates), static key => InsertPlan.For(key.Type, key.Generates));
    }

    /// <summary>
    /// The insert of one entity type: its text for one row and, in the order of the text's parameters, the properties it
    /// sends and those it reads back. Several rows of the type go in one statement of several VALUES; when the database
    /// generates values for them, each returned row is matched to its entity by a <see cref="Guid"/> the entities were
    /// given (PostgreSQL does not promise that RETURNING follows the order of VALUES). Rows that have no such distinct
    /// value go one statement each.
    /// </summary>
    private sealed class InsertPlan
    {
        /// <summary>PostgreSQL's limit of parameters in one statement.</summary>
        private const int MaxParameters = 65_535;

        private readonly string table;
        private readonly string columns;
        private readonly string returning;
        private readonly IProperty[] sent;
        private readonly int match;
        private readonly ConcurrentDictionary<int, string> texts = new();

        private InsertPlan(string table, string columns, string returning, IProperty[] sent, IProperty[] returned, int match, bool hasForeignKeys)
        {
            HasForeignKeys = hasForeignKeys;
            this.table = table;
            this.columns = columns;
            this.returning = returning;
            this.sent = sent;
            Returned = returned;
            this.match = match;
        }

        public IProperty[] Returned { get; }

        /// <summary>Whether the type refers to another by a foreign key, so that the order of its inserts may matter.</summary>
        public bool HasForeignKeys { get; }

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
            var match = returned.Count == 0 ? -1 : sent.FindIndex(p => p.ClrType == typeof(Guid) && p.GetTypeMapping().Converter is null);
            var returning = returned.Count == 0
                ? string.Empty
                : " RETURNING " + string.Join(", ", returned.Append(match < 0 ? null : sent[match]).OfType<IProperty>()
                    .Select(p => Quote(p.GetColumnName(table)!)));
            return new InsertPlan(
                Quote(table.Name, table.Schema), string.Join(", ", sent.Select(p => Quote(p.GetColumnName(table)!))), returning,
                [.. sent], [.. returned], match, type.GetForeignKeys().Any());
        }

        /// <summary>The statements that insert <paramref name="rows"/>, each with the rows it inserts.</summary>
        public IEnumerable<(NpgsqlBatchCommand Command, IReadOnlyList<Row> Rows)> Statements(List<Row> rows)
        {
            if (rows.Count > 1 && (Returned.Length == 0 || Distinct(rows)))
            {
                var perStatement = Math.Max(1, MaxParameters / Math.Max(1, sent.Length));
                for (var from = 0; from < rows.Count; from += perStatement)
                {
                    var part = rows.GetRange(from, Math.Min(perStatement, rows.Count - from));
                    yield return (Command(part), part);
                }
                yield break;
            }
            foreach (var row in rows)
            {
                yield return (Command([row]), [row]);
            }
        }

        private bool Distinct(List<Row> rows)
        {
            if (match < 0)
            {
                return false;
            }
            var seen = new HashSet<object?>();
            return rows.TrueForAll(row => seen.Add(row.Value(sent[match])));
        }

        private NpgsqlBatchCommand Command(List<Row> rows)
        {
            var command = new NpgsqlBatchCommand(texts.GetOrAdd(rows.Count, Text));
            foreach (var row in rows)
            {
                foreach (var property in sent)
                {
                    var parameter = property.GetRelationalTypeMapping().CreateParameter(
                        ParameterFactory, string.Empty, row.Value(property), property.IsNullable);
                    command.Parameters.Add((NpgsqlParameter)parameter);
                }
            }
            return command;
        }

        private string Text(int rows)
        {
            var sql = new StringBuilder("INSERT INTO ").Append(table).Append(" (").Append(columns).Append(") VALUES ");
            var n = 0;
            for (var r = 0; r < rows; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < sent.Length; c++)
                {
                    sql.Append(c == 0 ? "$" : ", $").Append((++n).ToString(CultureInfo.InvariantCulture));
                }
                sql.Append(')');
            }
            return sql.Append(returning).ToString();
        }

        /// <summary>Reads the generated values of <paramref name="rows"/> from the result the reader stands on.</summary>
        public async Task ReadBackAsync(
            IReadOnlyList<Row> rows, DbDataReader reader, List<(Row Row, IProperty Property, object? Before)> readBack, CancellationToken ct)
        {
            var byMatch = rows.Count == 1 ? null : rows.ToDictionary(row => row.Value(sent[match])!);
            for (var read = 0; read < rows.Count; read++)
            {
                if (!await reader.ReadAsync(ct))
                {
                    throw new InvalidOperationException("An insert of a batch of one round trip returned no generated values.");
                }
                var row = byMatch is null ? rows[0] : byMatch[reader.GetValue(Returned.Length)];
                for (var i = 0; i < Returned.Length; i++)
                {
                    var property = Returned[i];
                    var value = reader.GetValue(i);
                    var converter = property.GetTypeMapping().Converter;
                    var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                    var generated = converter is null ? Convert.ChangeType(value, type, CultureInfo.InvariantCulture) : converter.ConvertFromProvider(value);
                    readBack.Add((row, property, row.SetGenerated(property, generated)));
                }
            }
        }

        private static string Quote(string name, string? schema = null) =>
            (schema is null ? string.Empty : "\"" + schema.Replace("\"", "\"\"", StringComparison.Ordinal) + "\".")
            + "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
