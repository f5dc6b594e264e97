namespace Uwv.ServiceDefaults.Persistence;

/// <summary>
/// SQL written by hand (one or more statements) with its arguments, in the form of EF Core's raw SQL: placeholders
/// <c>{0}</c>, <c>{1}</c>... stand for the arguments in order, so no value is ever put into the text.
/// </summary>
public sealed record SqlStatement(string Sql, IReadOnlyList<object> Arguments);
