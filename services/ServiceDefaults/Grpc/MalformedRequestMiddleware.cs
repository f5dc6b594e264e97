using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Http;

namespace Uwv.ServiceDefaults.Grpc;

/// <summary>
/// gRPC reads and parses a unary request before any interceptor runs, and answers a message that is not valid
/// protobuf with UNKNOWN. This middleware parses the (small, size-limited) request first and answers
/// INVALID_ARGUMENT instead, so hostile bytes get a clear status like every other bad input.
/// </summary>
public sealed class MalformedRequestMiddleware(RequestDelegate next)
{
    private static readonly ConcurrentDictionary<Type, MessageParser?> Parsers = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
        if (method is null || method.Type != global::Grpc.Core.MethodType.Unary
            || context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) != true
            || ParserOf(method) is not { } parser
            || context.Request.ContentLength is > ServiceDefaultsExtensions.MaxMessageBytes + 5)
        {
            await next(context);
            return;
        }
        context.Request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: ServiceDefaultsExtensions.MaxMessageBytes + 5);
        using var buffer = new MemoryStream();
        try
        {
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        }
        catch (IOException)
        {
            // Over the size limit: gRPC itself answers RESOURCE_EXHAUSTED.
            context.Request.Body.Position = 0;
            await next(context);
            return;
        }
        context.Request.Body.Position = 0;
        if (!IsValid(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), parser))
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "3";
            context.Response.Headers["grpc-message"] = "the request is not a valid " + method.Name + " message";
            return;
        }
        await next(context);
    }

    /// <summary>One uncompressed length-prefixed frame holding a message the parser accepts.</summary>
    private static bool IsValid(ReadOnlySpan<byte> body, MessageParser parser)
    {
        if (body.Length < 5 || body[0] != 0)
        {
            return body.Length >= 5 && body[0] == 1; // compressed frames are left to gRPC's own handling
        }
        var length = BinaryPrimitives.ReadUInt32BigEndian(body[1..5]);
        if (length != body.Length - 5)
        {
            return false;
        }
        try
        {
            parser.ParseFrom(body[5..]);
            return true;
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }
    }

    private static MessageParser? ParserOf(global::Grpc.Core.IMethod method) =>
        Parsers.GetOrAdd(method.GetType(), type =>
        {
            var requestType = type.IsGenericType ? type.GetGenericArguments()[0] : null;
            return requestType?.GetProperty("Parser", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as MessageParser;
        });
}
