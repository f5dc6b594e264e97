using Uwv.Handover.Extensions;
using Uwv.ServiceDefaults;
using Uwv.ServiceDefaults.Bus;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("handover");
builder.AddHandover();
builder.AddUwvBus("handover");

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapHandover();
app.Run();
