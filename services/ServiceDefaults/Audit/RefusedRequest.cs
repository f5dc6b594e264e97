using System.Buffers.Binary;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Http;

namespace Uwv.ServiceDefaults.Audit;

/// <summary>
/// Reads the request of a call refused before the gRPC pipeline read it, only to learn which client it named. A gRPC
/// request is one length-prefixed message; a JSON-transcoded one names its fields in the route or the JSON body.
/// </summary>
internal static class RefusedRequest
{
    private const int MaxBytes = ServiceDefaultsExtensions.MaxMessageBytes + 5;
    private static readonly JsonParser Json = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    /// <summary>The refused request, or null when it cannot be read (the refusal is then recorded without its client).</summary>
    public static async Task<IMessage?> ReadAsync(HttpContext http)
    {
        try
        {
            return await ParseAsync(http);
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or InvalidJsonException or IOException or InvalidOperationException)
        {
            return null;
        }
    }

    private static async Task<IMessage?> ParseAsync(HttpContext http)
    {
        var metadata = http.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>();
        if (metadata is null || InputOf(metadata) is not { } input)
        {
            return null;
        }
        if (http.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            var body = await ReadBodyAsync(http);
            if (body.Length < 5)
            {
                return null;
            }
            var length = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1, 4));
            // A compressed message (flag 1) is not unpacked: the refusal is then recorded without its client.
            return body[0] == 0 && length <= body.Length - 5 ? input.Parser.ParseFrom(body, 5, (int)length) : null;
        }
        var message = input.Parser.ParseFrom(ByteString.Empty);
        if (http.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            var body = await ReadBodyAsync(http);
            if (body.Length > 0)
            {
                message = Json.Parse(new StreamReader(new MemoryStream(body)), input);
            }
        }
        foreach (var (key, value) in http.Request.RouteValues)
        {
            if (input.FindFieldByName(key) is { FieldType: FieldType.String } field && value is string text)
            {
                field.Accessor.SetValue(message, text);
            }
        }
        return message;
    }

    private static MessageDescriptor? InputOf(GrpcMethodMetadata metadata)
    {
        for (var type = metadata.ServiceType; type is not null; type = type.BaseType)
        {
            if (type.DeclaringType?.GetProperty("Descriptor")?.GetValue(null) is ServiceDescriptor service)
            {
                return service.FindMethodByName(metadata.Method.Name)?.InputType;
            }
        }
        return null;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return [];
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
