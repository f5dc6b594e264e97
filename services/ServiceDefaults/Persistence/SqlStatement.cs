using System.Globalization;

namespace Uwv.ServiceDefaults.Persistence;

/// <summary>
/// One SQL statement written by hand (several only when made by <see cref="Combine"/>), with its arguments, in the form of EF Core's raw SQL: placeholders <c>{0}</c>,
/// <c>{1}</c>... stand for the arguments in order, so no value is ever put into the text.
/// </summary>
public sealed record SqlStatement(string Sql, IReadOnlyList<object> Arguments)
{
    /// <summary>
    /// Several statements as one text of several statements, their placeholders renumbered to follow each other, for a
    /// command that may carry more than one statement (EF Core's raw SQL). A statement of a batch stands alone.
    /// </summary>
    public static SqlStatement Combine(IReadOnlyList<SqlStatement> statements)
    {
        if (statements.Count == 1)
        {
            return statements[0];
        }
        var sql = new System.Text.StringBuilder();
        var arguments = new List<object>();
        foreach (var statement in statements)
        {
            var placeholders = new object[statement.Arguments.Count];
            for (var i = 0; i < placeholders.Length; i++)
            {
                placeholders[i] = "{" + (arguments.Count + i).ToString(CultureInfo.InvariantCulture) + "}";
            }
            sql.Append(string.Format(CultureInfo.InvariantCulture, statement.Sql, placeholders)).Append('\n');
            arguments.AddRange(statement.Arguments);
        }
        return new SqlStatement(sql.ToString(), arguments);
    }
}
