using StackExchange.Redis;
using Uwv.Benchmarks.Baseline;

// Started by the load benchmark with Urls (an h2c address) and ConnectionStrings:redis.
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(e => e.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http2));
builder.Services.AddGrpc();
builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(builder.Configuration.GetConnectionString("redis")
    ?? throw new InvalidOperationException("ConnectionStrings:redis is required")));
var app = builder.Build();
app.MapGrpcService<BaselineReadService>();
app.Run();
