using System.Globalization;

namespace Uwv.ServiceDefaults.Grpc;

/// <summary>Page tokens are opaque offsets; page sizes default to 50 and are at most 100.</summary>
public static class Paging
{
    public const int DefaultSize = 50;
    public const int MaxSize = 100;

    public static (int Offset, int Size) Parse(string pageToken, int pageSize)
    {
        if (pageSize < 0 || pageSize > MaxSize)
        {
            throw RpcErrors.InvalidArgument("page_size", $"must be between 0 and {MaxSize}");
        }
        var offset = 0;
        if (!string.IsNullOrEmpty(pageToken)
            && (!int.TryParse(pageToken, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            throw RpcErrors.InvalidArgument("page_token", "is not a token this service issued");
        }
        return (offset, pageSize == 0 ? DefaultSize : pageSize);
    }
}
