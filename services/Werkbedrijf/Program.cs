using Uwv.Werkbedrijf.Extensions;
using Uwv.ServiceDefaults;
using Uwv.ServiceDefaults.Bus;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("werkbedrijf");
builder.AddWerkbedrijf();
builder.AddUwvBus("werkbedrijf");

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapWerkbedrijf();
app.Run();
