using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Uwv.ServiceDefaults.Grpc;

/// <summary>
/// Turns storage-level outcomes into the platform's statuses: an optimistic-concurrency conflict or a lost unique-key
/// race is ABORTED (retryable).
/// Anything unexpected is logged by type only (never the request: it may hold a BSN) and answered INTERNAL.
/// </summary>
public sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException ex)
        {
            // "/uwv.smz.v1.SmzService/RecordBeoordeling": the service is the ErrorInfo domain.
            var service = context.Method.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            var withDomain = RpcErrors.WithDomain(ex, service);
            if (ReferenceEquals(withDomain, ex))
            {
                throw;
            }
            throw withDomain;
        }
        catch (DbUpdateConcurrencyException)
        {
            throw RpcErrors.Aborted("the record was changed by someone else; reload and try again");
        }
        catch (DbUpdateException)
        {
            // A unique key lost a race (e.g. the same request id sent twice at once): retrying returns the first result.
            throw RpcErrors.Aborted("a concurrent change conflicted with this one; try again");
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Cancelled, "the call was cancelled"));
        }
        catch (Exception ex)
        {
            // The message is left out on purpose: storage errors can quote the offending values.
            logger.LogError("Unhandled {ExceptionType} in {Method} at {StackTrace}", ex.GetType().FullName, context.Method, ex.StackTrace);
            throw new RpcException(new Status(StatusCode.Internal, "internal error"));
        }
    }
}
