using Uwv.ServiceDefaults;
using Uwv.ServiceDefaults.Bus;
using Uwv.Smz.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("smz");
builder.AddSmz();
builder.AddUwvBus("smz");

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapSmz();
app.Run();
