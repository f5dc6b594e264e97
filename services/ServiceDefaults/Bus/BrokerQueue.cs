namespace Uwv.ServiceDefaults.Bus;

/// <summary>The durable broker queue behind a receive endpoint, read from the endpoint's input address.</summary>
public static class BrokerQueue
{
    /// <summary>
    /// The queue's name, or null for an endpoint whose queue the broker deletes by itself (the bus's temporary queue,
    /// auto-delete or non-durable queues): such a queue is gone after a broker restart, so its consumer count says
    /// nothing about the endpoint.
    /// </summary>
    public static string? DurableQueueOf(string inputAddress)
    {
        if (!Uri.TryCreate(inputAddress, UriKind.Absolute, out var address))
        {
            return null;
        }
        var query = address.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries);
        if (query.Any(p => p.Equals("temporary=true", StringComparison.OrdinalIgnoreCase)
                || p.Equals("autodelete=true", StringComparison.OrdinalIgnoreCase)
                || p.Equals("durable=false", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        var name = Uri.UnescapeDataString(address.AbsolutePath.TrimEnd('/').Split('/')[^1]);
        return name.Length > 0 ? name : null;
    }
}
