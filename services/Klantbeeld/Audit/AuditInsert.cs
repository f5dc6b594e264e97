using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Uwv.Klantbeeld.Audit;

/// <summary>
/// Writes a batch of audit entries on PostgreSQL with one statement that unnests one array per column: the same text
/// for every batch size, so Npgsql prepares it once per connection and PostgreSQL neither parses nor plans it again,
/// where EF Core's insert is a statement per entry (each returning its generated id). Like that insert it is all or
/// nothing: a stored id (a redelivery) fails the whole statement with a unique violation.
/// </summary>
public static class AuditInsert
{
    private static readonly (string Property, NpgsqlDbType Type, Func<IReadOnlyList<AuditEntry>, object> Values)[] Columns =
    [
        (nameof(AuditEntry.AuditId), NpgsqlDbType.Uuid, es => Array(es, e => e.AuditId)),
        (nameof(AuditEntry.At), NpgsqlDbType.TimestampTz, es => Array(es, e => e.At.ToUniversalTime())),
        (nameof(AuditEntry.Subject), NpgsqlDbType.Text, es => Array(es, e => e.Subject)),
        (nameof(AuditEntry.Role), NpgsqlDbType.Text, es => Array(es, e => e.Role)),
        (nameof(AuditEntry.Team), NpgsqlDbType.Text, es => Array(es, e => e.Team)),
        (nameof(AuditEntry.ClientId), NpgsqlDbType.Uuid, es => Array(es, e => e.ClientId)),
        (nameof(AuditEntry.Service), NpgsqlDbType.Text, es => Array(es, e => e.Service)),
        (nameof(AuditEntry.Method), NpgsqlDbType.Text, es => Array(es, e => e.Method)),
        (nameof(AuditEntry.Fields), NpgsqlDbType.Text, es => Array(es, e => e.Fields)),
        (nameof(AuditEntry.Purpose), NpgsqlDbType.Text, es => Array(es, e => e.Purpose)),
        (nameof(AuditEntry.Outcome), NpgsqlDbType.Text, es => Array(es, e => e.Outcome)),
    ];

    private static readonly ConditionalWeakTable<IModel, string> Statements = new();

    /// <summary>The statement, with the table and column names from the model (no second spelling of them).</summary>
    public static string Statement(IModel model) => Statements.GetValue(model, Build);

    private static string Build(IModel model)
    {
        var entity = model.FindEntityType(typeof(AuditEntry)) ?? throw new InvalidOperationException("AuditEntry is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = Columns.Select(c => $"\"{entity.FindProperty(c.Property)!.GetColumnName(table)}\"");
        var arrays = Columns.Select((_, i) => $"@p{i}");
        return $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns)}) SELECT * FROM unnest({string.Join(", ", arrays)})";
    }

    public static Task WriteAsync(DbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(Statement(db.Model), Parameters(entries), ct);

    public static IReadOnlyList<NpgsqlParameter> Parameters(IReadOnlyList<AuditEntry> entries) =>
        Columns.Select((c, i) => new NpgsqlParameter($"p{i}", NpgsqlDbType.Array | c.Type) { Value = c.Values(entries) }).ToList();

    private static T[] Array<T>(IReadOnlyList<AuditEntry> entries, Func<AuditEntry, T> value)
    {
        var values = new T[entries.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = value(entries[i]);
        }
        return values;
    }
}
