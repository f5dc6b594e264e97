using Uwv.BezwaarBeroep.Extensions;
using Uwv.ServiceDefaults;
using Uwv.ServiceDefaults.Bus;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("bezwaarberoep");
builder.AddBezwaarBeroep();
builder.AddUwvBus("bezwaarberoep");

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapBezwaarBeroep();
app.Run();
