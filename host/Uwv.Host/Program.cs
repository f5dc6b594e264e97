using Uwv.Host;

var builder = WebApplication.CreateBuilder(args);
builder.AddEmbeddedPlatform();

var app = builder.Build();
app.MapEmbeddedPlatform();
app.Run();
