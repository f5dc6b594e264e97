using Uwv.Gateway.Extensions;
using Uwv.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("gateway");
builder.AddUwvGateway();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapUwvGateway();
app.Run();
