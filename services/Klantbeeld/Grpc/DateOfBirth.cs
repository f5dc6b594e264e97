using Grpc.Core;
using Uwv.ServiceDefaults.Grpc;

namespace Uwv.Klantbeeld.Grpc;

/// <summary>
/// RegisterClient's <c>date_of_birth</c>: a date (yyyy-MM-dd) from 1900-01-01 up to today, where today is the office's
/// (Europe/Amsterdam) date at <c>now</c>, as everywhere else on the platform: just after midnight in Amsterdam a child
/// born that day may be registered, although the UTC date is still the day before. The caller passes that office date.
/// </summary>
public static class DateOfBirth
{
    private static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <exception cref="RpcException">INVALID_ARGUMENT naming <c>date_of_birth</c> when the rule is broken.</exception>
    public static DateOnly Parse(string value, DateOnly today) =>
        Require.Date(value, "date_of_birth", notAfter: today, notBefore: Earliest);
}
