using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Uwv.ServiceDefaults.Persistence;

/// <summary>
/// Sends a write's last statement in the same command as its SaveChanges batch
/// (<see cref="ResilientTransactions.SaveWithLastStatementAsync"/>): the statement is appended to the batch EF Core is
/// about to execute, so the staged rows and the statement travel in one round trip. Stateless: one instance serves every
/// pooled context; the statement waiting to go is the context's own (<see cref="ServiceDbContext.PendingLastStatement"/>).
/// Registered on the PostgreSQL databases of services with an outbox (<see cref="PersistenceExtensions.AddServiceDb{TContext}"/>).
/// </summary>
public sealed class OneTripWriteInterceptor : DbCommandInterceptor
{
    public static readonly OneTripWriteInterceptor Instance = new();

    private OneTripWriteInterceptor()
    {
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Append(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Append(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Refuse(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Refuse(eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Refuse(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Refuse(eventData);
        return ValueTask.FromResult(result);
    }

    private static void Append(DbCommand command, CommandEventData eventData)
    {
        if (eventData.Context is not ServiceDbContext { PendingLastStatement: { } pending } db)
        {
            return;
        }
        if (db.LastStatementSent)
        {
            throw SecondCommand();
        }
        var names = new object[pending.Arguments.Count];
        for (var i = 0; i < names.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "last" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = pending.Arguments[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
            names[i] = "@" + parameter.ParameterName;
        }
        command.CommandText += "\n" + string.Format(CultureInfo.InvariantCulture, pending.Sql, names);
        db.LastStatementSent = true;
    }

    /// <summary>A save of one round trip sends one batch, through a reader; any other command would commit on its own.</summary>
    private static void Refuse(CommandEventData eventData)
    {
        if (eventData.Context is ServiceDbContext { PendingLastStatement: not null })
        {
            throw SecondCommand();
        }
    }

    private static InvalidOperationException SecondCommand() =>
        new("A write meant for one round trip was about to be sent as more than one command: it would no longer be all or nothing.");
}
