using System.Globalization;

namespace Uwv.ServiceDefaults.Grpc;

/// <summary>Field validation that answers INVALID_ARGUMENT naming the field.</summary>
public static class Require
{
    public const int MaxTextLength = 4000;

    public static Guid Id(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw RpcErrors.InvalidArgument(field, "is required");
        }
        if (!Guid.TryParseExact(value.Trim(), "D", out var id) || id == Guid.Empty)
        {
            throw RpcErrors.InvalidArgument(field, "is not a valid id");
        }
        return id;
    }

    /// <summary>An optional idempotency key: empty means none; otherwise a non-empty id.</summary>
    public static string? RequestId(string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (value.Length > 100 || value.Any(char.IsControl))
        {
            throw RpcErrors.InvalidArgument("request_id", "must be at most 100 printable characters");
        }
        return value;
    }

    public static string Text(string value, string field, int maxLength = MaxTextLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw RpcErrors.InvalidArgument(field, "is required");
        }
        return OptionalText(value, field, maxLength)!;
    }

    public static string? OptionalText(string value, string field, int maxLength = MaxTextLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw RpcErrors.InvalidArgument(field, $"is longer than {maxLength} characters");
        }
        if (trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            throw RpcErrors.InvalidArgument(field, "contains control characters");
        }
        return trimmed;
    }

    public static DateOnly Date(string value, string field, DateOnly? notAfter = null, DateOnly? notBefore = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw RpcErrors.InvalidArgument(field, "is required");
        }
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw RpcErrors.InvalidArgument(field, "must be a date in the form yyyy-MM-dd");
        }
        if (notAfter is { } max && date > max)
        {
            throw RpcErrors.InvalidArgument(field, $"must not be after {max:yyyy-MM-dd}");
        }
        if (notBefore is { } min && date < min)
        {
            throw RpcErrors.InvalidArgument(field, $"must not be before {min:yyyy-MM-dd}");
        }
        return date;
    }

    public static TEnum Defined<TEnum>(TEnum value, string field) where TEnum : struct, Enum
    {
        if (Convert.ToInt32(value, CultureInfo.InvariantCulture) == 0 || !Enum.IsDefined(value))
        {
            throw RpcErrors.InvalidArgument(field, "must be specified");
        }
        return value;
    }
}
