using System.Collections.Concurrent;
using System.Text.Json;
using Uwv.Contracts.Events;

namespace Uwv.ServiceDefaults.Outbox;

/// <summary>Maps bus message records to and from the outbox's stored form.</summary>
public static class EventTypes
{
    private static readonly ConcurrentDictionary<string, Type> Known = new(
        typeof(IClientEvent).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(IClientEvent).Namespace && t is { IsClass: true, IsAbstract: false })
            .ToDictionary(t => t.Name, t => t));

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string NameOf(Type type) =>
        Known.ContainsKey(type.Name) ? type.Name : throw new InvalidOperationException($"{type.FullName} is not a contracts event");

    public static Type Resolve(string name) =>
        Known.TryGetValue(name, out var type) ? type : throw new InvalidOperationException($"Unknown event type {name}");

    public static object Deserialize(string name, string payload) =>
        JsonSerializer.Deserialize(payload, Resolve(name), Json) ?? throw new InvalidOperationException($"Empty {name} payload");
}
