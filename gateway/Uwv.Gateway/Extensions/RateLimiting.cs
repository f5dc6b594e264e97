using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Uwv.ServiceDefaults.Auth;

namespace Uwv.Gateway.Extensions;

/// <summary>
/// Per-caller rate limit at the front door: a token bucket per employee (per remote address before login).
/// A refused gRPC call gets RESOURCE_EXHAUSTED, a refused JSON call HTTP 429, both with Retry-After.
/// </summary>
public static class RateLimiting
{
    public const string Policy = "per-caller";

    public sealed class Options
    {
        public const string Section = "Gateway:RateLimit";
        public int PermitsPerSecond { get; set; } = 100;
        public int Burst { get; set; } = 200;
    }

    public static IServiceCollection AddUwvRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(Options.Section).Get<Options>() ?? new Options();
        return services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, context => RateLimitPartition.GetTokenBucketLimiter(
                context.User.Identity?.IsAuthenticated == true
                    ? "user:" + context.User.SubjectId()
                    : "ip:" + context.Connection.RemoteIpAddress,
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.Burst,
                    TokensPerPeriod = options.PermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            limiter.OnRejected = (context, _) =>
            {
                var response = context.HttpContext.Response;
                response.Headers.RetryAfter = "1";
                if (context.HttpContext.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
                {
                    response.StatusCode = StatusCodes.Status200OK;
                    response.ContentType = "application/grpc";
                    response.Headers["grpc-status"] = "8";
                    response.Headers["grpc-message"] = "rate limit exceeded; retry later";
                }
                else
                {
                    response.StatusCode = StatusCodes.Status429TooManyRequests;
                }
                return ValueTask.CompletedTask;
            };
        });
    }
}
