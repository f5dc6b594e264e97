using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Uwv.FaultTests.Persistence;

/// <summary>
/// Before a query or a statement runs, asks PostgreSQL for the plan of the same command text with the same parameters
/// (EXPLAIN without ANALYZE: nothing is executed twice).
/// </summary>
public sealed class ExplainReads : DbCommandInterceptor
{
    private readonly List<string> _plans = [];

    /// <summary>The plan of the last command.</summary>
    public string Plan => _plans.Count > 0 ? _plans[^1] : "";

    /// <summary>The plans of every command, in order.</summary>
    public IReadOnlyList<string> Plans => _plans;

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _plans.Add(await ExplainAsync(command, cancellationToken));
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        // Session settings (SET LOCAL ...) have no plan.
        if (!command.CommandText.TrimStart().StartsWith("SET ", StringComparison.OrdinalIgnoreCase))
        {
            _plans.Add(await ExplainAsync(command, cancellationToken));
        }
        return result;
    }

    private static async Task<string> ExplainAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var explain = command.Connection!.CreateCommand();
        explain.Transaction = command.Transaction;
        explain.CommandText = "EXPLAIN " + command.CommandText;
        foreach (NpgsqlParameter parameter in command.Parameters)
        {
            explain.Parameters.Add(parameter.Clone());
        }
        var lines = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                lines.Add(reader.GetString(0));
            }
        }
        return string.Join('\n', lines);
    }
}
